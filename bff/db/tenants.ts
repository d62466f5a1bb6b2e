// Tenant queries: the hierarchy chain with subscriptions, and status and allow-list writes.
import { eq, sql } from 'drizzle-orm';
import type { Tx } from './client';
import { contextVersion } from './context-versions';
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

/**
 * Chains read through the hot store, kept per tenant while the '*' context version stands: every
 * write to tenants, tenant_packages and tenant_addons moves it (migration 0005's triggers). An
 * unknown tenant is never kept (inserting it moves no version). Treat a returned chain as read-only.
 */
const chainsSeen = new WeakMap<object, { everyone: string; chains: Map<string, ChainLink[]> }>();
const MAX_CHAINS_SEEN = 20_000;

/**
 * The tenant and its ancestors, root first (SP, partner, client), each with its subscriptions: one
 * statement, or none when cached. `everyoneVersion`: the '*' context version when this request
 * already read it (read here otherwise).
 */
export async function tenantChain(db: Tx, id: string, everyoneVersion?: string): Promise<ChainLink[]> {
  const hot = hotStoreOf(db);
  if (hot) {
    const everyone = everyoneVersion ?? (await contextVersion(db, '')).split('.')[1]!;
    let seen = chainsSeen.get(hot);
    if (seen?.everyone !== everyone) chainsSeen.set(hot, (seen = { everyone, chains: new Map() }));
    const cached = seen.chains.get(id);
    if (cached) return cached;
    const chain = toChain(await hot.all(CHAIN, [id]));
    if (chain.length) {
      if (seen.chains.size >= MAX_CHAINS_SEEN) seen.chains.delete(seen.chains.keys().next().value!);
      seen.chains.set(id, chain);
    }
    return chain;
  }
  const [before, after] = CHAIN.split('?') as [string, string];
  return toChain(await db.all<Record<string, unknown>>(sql`${sql.raw(before)}${id}${sql.raw(after)}`));
}

function toChain(rows: Record<string, unknown>[]): ChainLink[] {
  return rows.map((r) => ({
    ...toTenantRow(r),
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
