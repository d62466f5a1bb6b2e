// The access view's lists (seed 003): a partner's customers and users, searched, filtered and
// keyset-paged in SQL.
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from './client';
import { accessGrants, relationships, tenantAddons, tenantPackages, tenants, users } from './schema';

export interface CustomerListRow {
  id: string;
  name: string;
  status: 'active' | 'inactive' | 'terminated';
  inheritsSubscriptions: boolean;
  packages: string[];
  addons: string[];
  relationship: { id: string; version: number; state: 'pending' | 'approved' | 'removed'; notifyOnGrantChanges: boolean } | null;
  userCount: number;
}

export interface CustomerFilter {
  q?: string;
  relationship?: 'pending' | 'approved' | 'removed' | 'none';
  customerId?: string;
  /** Keyset: rows after this (name, id). */
  after?: [string, string];
  limit: number;
}

const json = (v: unknown) => JSON.parse(String(v ?? '[]')) as string[];

export async function listPartnerCustomers(db: Tx, partnerId: string, now: Date, f: CustomerFilter): Promise<CustomerListRow[]> {
  const where: SQL[] = [sql`t.parent_id = ${partnerId}`, sql`t.kind = 'client'`];
  if (f.q) where.push(sql`instr(lower(t.name), lower(${f.q})) > 0`);
  if (f.relationship === 'none') where.push(sql`r.id is null`);
  else if (f.relationship) where.push(sql`r.state = ${f.relationship}`);
  if (f.customerId) where.push(sql`t.id = ${f.customerId}`);
  if (f.after) where.push(sql`(t.name, t.id) > (${f.after[0]}, ${f.after[1]})`);
  const rows = await db.all<Record<string, unknown>>(sql`
    select t.id, t.name, t.status, t.inherits_subscriptions,
      (select json_group_array(package_id) from ${tenantPackages} where tenant_id = t.id) as packages,
      (select json_group_array(addon_id) from ${tenantAddons} where tenant_id = t.id) as addons,
      r.id as r_id, r.version as r_version, r.state as r_state, r.notify_on_grant_changes as r_notify,
      (select count(*) from ${accessGrants} g where g.customer_id = t.id and g.partner_id = ${partnerId} and g.revoked_at is null
        and (g.expires_at is null or g.expires_at > ${now.getTime()})) as user_count
    from ${tenants} t left join ${relationships} r on r.partner_id = ${partnerId} and r.customer_id = t.id
    where ${sql.join(where, sql` and `)}
    order by t.name, t.id limit ${f.limit}`);
  return rows.map((r) => ({
    id: String(r.id),
    name: String(r.name),
    status: r.status as CustomerListRow['status'],
    inheritsSubscriptions: r.inherits_subscriptions === 1,
    packages: json(r.packages),
    addons: json(r.addons),
    relationship:
      typeof r.r_id === 'string'
        ? { id: r.r_id, version: Number(r.r_version), state: r.r_state as 'pending', notifyOnGrantChanges: r.r_notify === 1 }
        : null,
    userCount: Number(r.user_count),
  }));
}

export interface UserFilter {
  q?: string;
  platformAdmin?: boolean;
  access?: 'permanent' | 'time_limited';
  customerId?: string;
  userId?: string;
  after?: [string, string];
  limit: number;
}

export async function listPartnerUsers(db: Tx, partnerId: string, now: Date, f: UserFilter) {
  const live = sql`g.user_id = u.id and g.partner_id = ${partnerId} and g.revoked_at is null and (g.expires_at is null or g.expires_at > ${now.getTime()})`;
  const where: SQL[] = [sql`u.home_tenant_id = ${partnerId}`];
  if (f.q) where.push(sql`(instr(lower(u.name), lower(${f.q})) > 0 or instr(lower(u.email), lower(${f.q})) > 0)`);
  if (f.platformAdmin !== undefined) {
    const any = sql`exists (select 1 from ${accessGrants} g where ${live} and g.platform_admin = 1)`;
    where.push(f.platformAdmin ? any : sql`not ${any}`);
  }
  if (f.access === 'permanent') where.push(sql`exists (select 1 from ${accessGrants} g where ${live} and g.expires_at is null)`);
  if (f.access === 'time_limited') where.push(sql`exists (select 1 from ${accessGrants} g where ${live} and g.expires_at is not null)`);
  if (f.customerId) where.push(sql`exists (select 1 from ${accessGrants} g where ${live} and g.customer_id = ${f.customerId})`);
  if (f.userId) where.push(sql`u.id = ${f.userId}`);
  if (f.after) where.push(sql`(u.email, u.id) > (${f.after[0]}, ${f.after[1]})`);
  const rows = await db.all<Record<string, unknown>>(sql`
    select u.id, u.email, u.name, (select role from memberships m where m.user_id = u.id and m.tenant_id = u.home_tenant_id) as role
    from ${users} u where ${sql.join(where, sql` and `)} order by u.email, u.id limit ${f.limit}`);
  return rows.map((r) => ({ id: String(r.id), email: String(r.email), name: String(r.name), role: typeof r.role === 'string' ? r.role : null }));
}

export async function renameTenant(tx: Tx, id: string, name: string) {
  await tx.update(tenants).set({ name }).where(sql`${tenants.id} = ${id}`);
}
