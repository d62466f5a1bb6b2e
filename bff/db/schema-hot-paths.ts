// What the hot paths need beyond the domain tables: a version per user (and one for everyone, key
// '*') that every write able to change a user's context bumps, so a cached context is known fresh
// with one point read. Triggers in migration 0005 bump it; bff/db/context-versions.ts reads it.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const contextVersions = sqliteTable('context_versions', {
  /** A user id, or '*' for changes that can touch anyone's context (tenants, relationships). */
  scope: text('scope').primaryKey(),
  version: integer('version').notNull(),
});
