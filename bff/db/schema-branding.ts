// Branding tables (issue 16): uploaded images, published versions of each tenant's own values,
// and each author's draft. Values are JSON of `StoredBrandingValues` (images by id).
import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { BRANDING_IMAGE_FIELDS, BRANDING_IMAGE_TYPES } from '../../shared/branding';
import type { StoredBrandingValues } from '../domain/branding-values';
import { tenants, users } from './schema';

const instant = (name: string) => integer(name, { mode: 'timestamp_ms' });

/** Images that passed validation, with the content type they were sniffed as; served with it and nosniff. */
export const brandingImages = sqliteTable(
  'branding_images',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    field: text('field', { enum: BRANDING_IMAGE_FIELDS }).notNull(),
    contentType: text('content_type', { enum: BRANDING_IMAGE_TYPES }).notNull(),
    width: integer('width').notNull(),
    height: integer('height').notNull(),
    bytes: integer('bytes').notNull(),
    sha256: text('sha256').notNull(),
    data: blob('data', { mode: 'buffer' }).notNull(),
    uploadedBy: text('uploaded_by').notNull().references(() => users.id),
    uploadedAt: instant('uploaded_at').notNull(),
  },
  (t) => [index('branding_images_tenant_idx').on(t.tenantId)],
);

/** Every published version of a tenant's own values; the highest is current. The key makes a second publish of one version fail. */
export const brandingVersions = sqliteTable(
  'branding_versions',
  {
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    version: integer('version').notNull(),
    values: text('values', { mode: 'json' }).$type<StoredBrandingValues>().notNull(),
    action: text('action', { enum: ['publish', 'rollback'] }).notNull(),
    restoredVersion: integer('restored_version'),
    publishedBy: text('published_by').notNull().references(() => users.id),
    publishedAt: instant('published_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.version] })],
);

/** One draft per tenant and author: nobody else sees it until it is published. */
export const brandingDrafts = sqliteTable(
  'branding_drafts',
  {
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    userId: text('user_id').notNull().references(() => users.id),
    baseVersion: integer('base_version').notNull(),
    values: text('values', { mode: 'json' }).$type<StoredBrandingValues>().notNull(),
    updatedAt: instant('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.userId] })],
);
