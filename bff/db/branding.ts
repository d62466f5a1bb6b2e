// Branding queries: current versions along a chain, history, drafts, images, and the versioned append.
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { BrandingImage } from '../../shared/branding';
import type { StoredBrandingValues } from '../domain/branding-values';
import type { StoredDraft, StoredVersion } from '../domain/branding-view';
import type { Tx } from './client';
import { users } from './schema';
import { brandingDrafts, brandingImages, brandingVersions } from './schema-branding';

const versionColumns = {
  tenantId: brandingVersions.tenantId,
  version: brandingVersions.version,
  values: brandingVersions.values,
  action: brandingVersions.action,
  restoredVersion: brandingVersions.restoredVersion,
  publishedAt: brandingVersions.publishedAt,
  publisherId: users.id,
  publisherEmail: users.email,
};
type VersionRow = { [K in keyof typeof versionColumns]: (typeof versionColumns)[K]['_']['data'] } & { publisherId: string; publisherEmail: string };

const toStoredVersion = (r: VersionRow): StoredVersion => ({
  version: r.version,
  values: r.values,
  action: r.action,
  restoredVersion: r.restoredVersion,
  publishedAt: r.publishedAt,
  publishedBy: { id: r.publisherId, email: r.publisherEmail },
});

/** The current (highest) published version of each of `tenantIds` that has one. */
export async function currentVersions(db: Tx, tenantIds: readonly string[]): Promise<Map<string, StoredVersion>> {
  if (!tenantIds.length) return new Map();
  const latest = sql`(select max(v2.version) from ${brandingVersions} v2 where v2.tenant_id = ${brandingVersions.tenantId})`;
  const rows = (await db
    .select(versionColumns)
    .from(brandingVersions)
    .innerJoin(users, eq(users.id, brandingVersions.publishedBy))
    .where(and(inArray(brandingVersions.tenantId, [...tenantIds]), eq(brandingVersions.version, latest)))) as VersionRow[];
  return new Map(rows.map((r) => [r.tenantId, toStoredVersion(r)]));
}

/** A tenant's versions, newest first. */
export async function versionHistory(db: Tx, tenantId: string): Promise<StoredVersion[]> {
  const rows = (await db
    .select(versionColumns)
    .from(brandingVersions)
    .innerJoin(users, eq(users.id, brandingVersions.publishedBy))
    .where(eq(brandingVersions.tenantId, tenantId))
    .orderBy(desc(brandingVersions.version))) as VersionRow[];
  return rows.map(toStoredVersion);
}

export async function findDraft(db: Tx, tenantId: string, userId: string): Promise<StoredDraft | null> {
  const [row] = await db
    .select({ baseVersion: brandingDrafts.baseVersion, values: brandingDrafts.values, updatedAt: brandingDrafts.updatedAt })
    .from(brandingDrafts)
    .where(and(eq(brandingDrafts.tenantId, tenantId), eq(brandingDrafts.userId, userId)));
  return row ?? null;
}

export async function saveDraft(tx: Tx, tenantId: string, userId: string, draft: StoredDraft) {
  await tx
    .insert(brandingDrafts)
    .values({ tenantId, userId, ...draft })
    .onConflictDoUpdate({ target: [brandingDrafts.tenantId, brandingDrafts.userId], set: { baseVersion: draft.baseVersion, values: draft.values, updatedAt: draft.updatedAt } });
}

export async function deleteDraft(tx: Tx, tenantId: string, userId: string): Promise<boolean> {
  const deleted = await tx.delete(brandingDrafts).where(and(eq(brandingDrafts.tenantId, tenantId), eq(brandingDrafts.userId, userId))).returning({ t: brandingDrafts.tenantId });
  return deleted.length > 0;
}

export type ImageMeta = Omit<BrandingImage, 'url'> & { tenantId: string };
const imageMetaColumns = {
  id: brandingImages.id,
  tenantId: brandingImages.tenantId,
  field: brandingImages.field,
  content_type: brandingImages.contentType,
  width: brandingImages.width,
  height: brandingImages.height,
  bytes: brandingImages.bytes,
  sha256: brandingImages.sha256,
};

/** Image metadata (not the bytes) by id. */
export async function imagesByIds(db: Tx, ids: readonly string[]): Promise<ImageMeta[]> {
  if (!ids.length) return [];
  return db.select(imageMetaColumns).from(brandingImages).where(inArray(brandingImages.id, [...new Set(ids)]));
}

export async function imageWithBytes(db: Tx, id: string): Promise<(ImageMeta & { data: Buffer }) | undefined> {
  const [row] = await db.select({ ...imageMetaColumns, data: brandingImages.data }).from(brandingImages).where(eq(brandingImages.id, id));
  return row;
}

export async function insertImage(tx: Tx, image: typeof brandingImages.$inferInsert) {
  await tx.insert(brandingImages).values(image);
}

export type AppendResult = { ok: true; version: number } | { ok: false; current: number };

/**
 * Appends version `expected + 1` when the tenant's current version is still `expected`. Inside the
 * caller's write transaction; the (tenant, version) key also refuses a second process that raced
 * past the check, so two publishes can never both become the same version.
 */
export async function appendVersion(
  tx: Tx,
  v: { tenantId: string; expected: number; values: StoredBrandingValues; action: 'publish' | 'rollback'; restoredVersion: number | null; userId: string; at: Date },
): Promise<AppendResult> {
  const [row] = await tx
    .select({ current: sql<number>`coalesce(max(${brandingVersions.version}), 0)` })
    .from(brandingVersions)
    .where(eq(brandingVersions.tenantId, v.tenantId));
  const current = Number(row?.current ?? 0);
  if (current !== v.expected) return { ok: false, current };
  const inserted = await tx
    .insert(brandingVersions)
    .values({ tenantId: v.tenantId, version: current + 1, values: v.values, action: v.action, restoredVersion: v.restoredVersion, publishedBy: v.userId, publishedAt: v.at })
    .onConflictDoNothing()
    .returning({ version: brandingVersions.version });
  return inserted.length ? { ok: true, version: current + 1 } : { ok: false, current: current + 1 };
}
