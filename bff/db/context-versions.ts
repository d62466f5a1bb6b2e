// The version of a user's context (GET /v1/me/context): it changes whenever a write may have
// changed what that user's context answers, so a cached context is known fresh with one point read.
// Triggers (migration 0005) bump it on every write to grants, recents, memberships and the user
// (per user) and to tenants and relationships (for everyone). Code that changes a context in a way
// those triggers cannot see calls bumpUserContextVersion or bumpAllContextVersions in its write
// transaction.
import { sql } from 'drizzle-orm';
import type { Tx } from './client';
import { hotStoreOf } from './prepared';

const READ = `select scope, version from context_versions where scope in (?, '*')`;
const BUMP = (scope: string) =>
  sql`insert into context_versions (scope, version) values (${scope}, 1) on conflict (scope) do update set version = version + 1`;

/** The version of `userId`'s context: equal strings mean nothing it depends on was written in between. */
export async function contextVersion(db: Tx, userId: string): Promise<string> {
  const hot = hotStoreOf(db);
  const rows = hot ? await hot.all(READ, [userId]) : await db.all<Record<string, unknown>>(sql`select scope, version from context_versions where scope in (${userId}, '*')`);
  let mine = 0;
  let everyone = 0;
  for (const row of rows) {
    if (row.scope === '*') everyone = Number(row.version);
    else mine = Number(row.version);
  }
  // A user id '*' cannot exist (ids are generated), so the two never mix.
  return `${mine}.${everyone}`;
}

/**
 * The version a user object was read at (findUserById reads it for its own cache), so the context
 * route does not read it a second time in the same request.
 */
const versions = new WeakMap<object, string>();
export function rememberVersion<T extends object>(user: T, version: string): T {
  versions.set(user, version);
  return user;
}
export const versionReadWith = (user: object): string | undefined => versions.get(user);

/** Marks `userId`'s cached context stale (in the same transaction as the write that changes it). */
export async function bumpUserContextVersion(tx: Tx, userId: string): Promise<void> {
  await tx.run(BUMP(userId));
}

/** Marks every user's cached context stale: for writes that can change anyone's (a tenant, a relationship). */
export async function bumpAllContextVersions(tx: Tx): Promise<void> {
  await tx.run(BUMP('*'));
}
