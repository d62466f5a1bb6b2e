// Tenant queries: the hierarchy chain with subscriptions, and status and allow-list writes.
import { eq, sql } from 'drizzle-orm';
import type { Tx } from './client';
import { tenantAddons, tenantPackages, tenants } from './schema';
import type { SubscriptionFacts } from '../domain/entitlements';
import type { TenantFact } from '../domain/access';

export type TenantRow = typeof tenants.$inferSelect;
export type ChainLink = TenantRow & SubscriptionFacts;

/** The tenant and its ancestors, root first (SP, partner, client), each with its subscriptions: one statement. */
export async function tenantChain(db: Tx, id: string): Promise<ChainLink[]> {
  const rows = await db.all<Record<string, unknown>>(sql`
    with recursive chain(id, parent_id, depth) as (
      select id, parent_id, 0 from ${tenants} where id = ${id}
      union all
      select t.id, t.parent_id, chain.depth + 1 from ${tenants} t join chain on t.id = chain.parent_id where chain.depth < 8
    )
    select t.*,
      (select json_group_array(package_id) from ${tenantPackages} where tenant_id = t.id) as packages,
      (select json_group_array(addon_id) from ${tenantAddons} where tenant_id = t.id) as addons
    from chain join ${tenants} t on t.id = chain.id
    order by chain.depth desc`);
  return rows.map((r) => ({
    id: String(r.id),
    kind: r.kind as TenantRow['kind'],
    parentId: typeof r.parent_id === 'string' ? r.parent_id : null,
    name: String(r.name),
    status: r.status as TenantRow['status'],
    country: String(r.country),
    timezone: String(r.timezone),
    emailDomain: typeof r.email_domain === 'string' ? r.email_domain : null,
    inheritsSubscriptions: r.inherits_subscriptions === 1,
    ipAllowlist: JSON.parse(String(r.ip_allowlist ?? '[]')) as string[],
    createdAt: new Date(Number(r.created_at)),
    packages: JSON.parse(String(r.packages)) as string[],
    addons: JSON.parse(String(r.addons)) as string[],
  }));
}

/** Where a tenant sits relative to a home tenant, decided without reading the tenant's own data. */
export interface TenantPlacement {
  found: boolean;
  /** The home tenant is one of the tenant's ancestors. */
  underHome: boolean;
  /** The home tenant is the tenant's parent. */
  parentIsHome: boolean;
}

/**
 * One row of three flags, whether the tenant exists or not, so that deciding visibility costs
 * the same for a tenant the caller may not see as for one that does not exist (the chain with its
 * subscriptions is read only afterwards, for a tenant the caller may see).
 */
export async function tenantPlacement(db: Tx, id: string, homeTenantId: string): Promise<TenantPlacement> {
  const [row] = await db.all<{ found: number; under_home: number; parent_is_home: number }>(sql`
    with recursive up(id, depth) as (
      select parent_id, 1 from ${tenants} where id = ${id}
      union all
      select t.parent_id, up.depth + 1 from ${tenants} t join up on t.id = up.id where up.depth < 8
    )
    select
      exists(select 1 from ${tenants} where id = ${id}) as found,
      exists(select 1 from up where id = ${homeTenantId}) as under_home,
      coalesce((select parent_id from ${tenants} where id = ${id}) = ${homeTenantId}, 0) as parent_is_home`);
  return { found: row?.found === 1, underHome: row?.under_home === 1, parentIsHome: row?.parent_is_home === 1 };
}

export const toTenantFact = (t: TenantRow): TenantFact => ({ id: t.id, name: t.name, kind: t.kind, status: t.status });

export async function setTenantStatus(tx: Tx, tenantId: string, status: TenantRow['status']) {
  await tx.update(tenants).set({ status }).where(eq(tenants.id, tenantId));
}

export async function setIpAllowlist(tx: Tx, tenantId: string, allowlist: string[]) {
  await tx.update(tenants).set({ ipAllowlist: allowlist }).where(eq(tenants.id, tenantId));
}
