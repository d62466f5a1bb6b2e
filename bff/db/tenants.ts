// Tenant queries: the hierarchy chain with subscriptions, and subscription writes.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from './client';
import { tenantAddons, tenantPackages, tenants } from './schema';
import type { SubscriptionFacts } from '../domain/entitlements';
import type { TenantFact } from '../domain/access';

export type TenantRow = typeof tenants.$inferSelect;
export type ChainLink = TenantRow & SubscriptionFacts;

export async function findTenant(db: Tx, id: string): Promise<TenantRow | undefined> {
  return db.select().from(tenants).where(eq(tenants.id, id)).get();
}

/** The tenant and its ancestors, root first (SP, partner, client), each with its subscriptions. */
export async function tenantChain(db: Tx, id: string): Promise<ChainLink[]> {
  const ids = await db.all<{ id: string }>(sql`
    with recursive chain(id, parent_id, depth) as (
      select id, parent_id, 0 from tenants where id = ${id}
      union all
      select t.id, t.parent_id, chain.depth + 1 from tenants t join chain on t.id = chain.parent_id where chain.depth < 8
    )
    select id from chain order by depth desc`);
  if (ids.length === 0) return [];
  const idList = ids.map((r) => r.id);
  const [rows, packages, addons] = await Promise.all([
    db.select().from(tenants).where(inArray(tenants.id, idList)),
    db.select().from(tenantPackages).where(inArray(tenantPackages.tenantId, idList)),
    db.select().from(tenantAddons).where(inArray(tenantAddons.tenantId, idList)),
  ]);
  return idList.map((tid) => {
    const row = rows.find((r) => r.id === tid)!;
    return {
      ...row,
      packages: packages.filter((p) => p.tenantId === tid).map((p) => p.packageId),
      addons: addons.filter((a) => a.tenantId === tid).map((a) => a.addonId),
    };
  });
}

export const toTenantFact = (t: TenantRow): TenantFact => ({ id: t.id, name: t.name, kind: t.kind, status: t.status });

/** Replaces a tenant's own subscriptions (callers validate against the parent first). */
export async function setSubscriptions(tx: Tx, tenantId: string, packageIds: readonly string[], addonIds: readonly string[]) {
  await tx.delete(tenantPackages).where(eq(tenantPackages.tenantId, tenantId));
  await tx.delete(tenantAddons).where(eq(tenantAddons.tenantId, tenantId));
  if (packageIds.length) await tx.insert(tenantPackages).values(packageIds.map((packageId) => ({ tenantId, packageId })));
  if (addonIds.length) await tx.insert(tenantAddons).values(addonIds.map((addonId) => ({ tenantId, addonId })));
}

export async function setTenantStatus(tx: Tx, tenantId: string, status: TenantRow['status']) {
  await tx.update(tenants).set({ status }).where(and(eq(tenants.id, tenantId)));
}

export async function setIpAllowlist(tx: Tx, tenantId: string, allowlist: string[]) {
  await tx.update(tenants).set({ ipAllowlist: allowlist }).where(eq(tenants.id, tenantId));
}
