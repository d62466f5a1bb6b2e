// Tenant queries: the hierarchy chain with subscriptions, and status and allow-list writes.
import { eq, sql } from 'drizzle-orm';
import type { Tx } from './client';
import { hotStoreOf } from './prepared';
import { toTenantRow } from './row-mappers';
import { tenants } from './schema';
import type { SubscriptionFacts } from '../domain/entitlements';
import type { TenantFact } from '../domain/access';

export type TenantRow = typeof tenants.$inferSelect;
export type ChainLink = TenantRow & SubscriptionFacts;

/** The tenant and its ancestors (root first), each with its subscriptions as JSON arrays. */
const CHAIN = `
  with recursive chain(id, parent_id, depth) as (
    select id, parent_id, 0 from tenants where id = ?
    union all
    select t.id, t.parent_id, chain.depth + 1 from tenants t join chain on t.id = chain.parent_id where chain.depth < 8
  )
  select t.*,
    (select json_group_array(package_id) from tenant_packages where tenant_id = t.id) as packages,
    (select json_group_array(addon_id) from tenant_addons where tenant_id = t.id) as addons
  from chain cross join tenants t on t.id = chain.id
  order by chain.depth desc`;

/** The tenant and its ancestors, root first (SP, partner, client), each with its subscriptions: one statement. */
export async function tenantChain(db: Tx, id: string): Promise<ChainLink[]> {
  const hot = hotStoreOf(db);
  const [before, after] = CHAIN.split('?') as [string, string];
  const rows = hot ? await hot.all(CHAIN, [id]) : await db.all<Record<string, unknown>>(sql`${sql.raw(before)}${id}${sql.raw(after)}`);
  return rows.map((r) => ({
    ...toTenantRow(r),
    packages: JSON.parse(String(r.packages)) as string[],
    addons: JSON.parse(String(r.addons)) as string[],
  }));
}

export const toTenantFact = (t: TenantRow): TenantFact => ({ id: t.id, name: t.name, kind: t.kind, status: t.status });

export async function setTenantStatus(tx: Tx, tenantId: string, status: TenantRow['status']) {
  await tx.update(tenants).set({ status }).where(eq(tenants.id, tenantId));
}

export async function setIpAllowlist(tx: Tx, tenantId: string, allowlist: string[]) {
  await tx.update(tenants).set({ ipAllowlist: allowlist }).where(eq(tenants.id, tenantId));
}
