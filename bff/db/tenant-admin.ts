// Tenant administration queries (seeds 000-002): partners and clients with account fields and
// subscriptions, termination, invitations.
import { and, asc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Tx } from './client';
import { accessGrants, invitations, relationships, tenantAccounts, tenantAddons, tenantPackages, tenants, users } from './schema';

export type TenantRow = typeof tenants.$inferSelect;
export type AccountRow = typeof tenantAccounts.$inferSelect;
export interface TenantWithAccount {
  tenant: TenantRow;
  account: AccountRow | null;
  packages: string[];
  addons: string[];
}

async function subscriptionsOf(db: Tx, ids: string[]) {
  if (!ids.length) return { packages: new Map<string, string[]>(), addons: new Map<string, string[]>() };
  const [pkgs, adds] = await Promise.all([
    db.select().from(tenantPackages).where(inArray(tenantPackages.tenantId, ids)),
    db.select().from(tenantAddons).where(inArray(tenantAddons.tenantId, ids)),
  ]);
  const group = <T extends { tenantId: string }>(rows: T[], pick: (r: T) => string) => {
    const m = new Map<string, string[]>();
    for (const r of rows) m.set(r.tenantId, [...(m.get(r.tenantId) ?? []), pick(r)].sort());
    return m;
  };
  return { packages: group(pkgs, (r) => r.packageId), addons: group(adds, (r) => r.addonId) };
}

export async function listTenants(
  db: Tx,
  f: { parentId: string; kind: 'partner' | 'client'; status: 'active' | 'inactive' | 'all'; q?: string },
): Promise<TenantWithAccount[]> {
  const where = [eq(tenants.parentId, f.parentId), eq(tenants.kind, f.kind)];
  if (f.status === 'active') where.push(eq(tenants.status, 'active'));
  if (f.status === 'inactive') where.push(ne(tenants.status, 'active'));
  if (f.q) where.push(sql`instr(lower(${tenants.name}), lower(${f.q})) > 0`);
  const rows = await db
    .select({ tenant: tenants, account: tenantAccounts })
    .from(tenants)
    .leftJoin(tenantAccounts, eq(tenantAccounts.tenantId, tenants.id))
    .where(and(...where))
    .orderBy(asc(tenants.name), asc(tenants.id))
    .limit(1000);
  const subs = await subscriptionsOf(db, rows.map((r) => r.tenant.id));
  return rows.map((r) => ({ ...r, packages: subs.packages.get(r.tenant.id) ?? [], addons: subs.addons.get(r.tenant.id) ?? [] }));
}

export async function tenantWithAccount(db: Tx, id: string): Promise<TenantWithAccount | undefined> {
  const [row] = await db.select({ tenant: tenants, account: tenantAccounts }).from(tenants).leftJoin(tenantAccounts, eq(tenantAccounts.tenantId, tenants.id)).where(eq(tenants.id, id));
  if (!row) return undefined;
  const subs = await subscriptionsOf(db, [id]);
  return { ...row, packages: subs.packages.get(id) ?? [], addons: subs.addons.get(id) ?? [] };
}

export async function domainTaken(db: Tx, domain: string): Promise<boolean> {
  const [row] = await db.select({ id: tenants.id }).from(tenants).where(eq(tenants.emailDomain, domain));
  return !!row;
}

export async function insertTenant(tx: Tx, tenant: typeof tenants.$inferInsert, account: AccountRow) {
  await tx.insert(tenants).values(tenant);
  await tx.insert(tenantAccounts).values(account);
}

export async function updateTenant(tx: Tx, id: string, set: Partial<Pick<TenantRow, 'name' | 'country' | 'timezone' | 'ipAllowlist' | 'status'>>) {
  if (Object.keys(set).length) await tx.update(tenants).set(set).where(eq(tenants.id, id));
}

export async function upsertAccount(tx: Tx, account: AccountRow) {
  const { tenantId, ...rest } = account;
  await tx.insert(tenantAccounts).values(account).onConflictDoUpdate({ target: tenantAccounts.tenantId, set: rest });
}

export async function setSubscriptions(tx: Tx, id: string, packages: readonly string[], addons: readonly string[]) {
  await tx.delete(tenantPackages).where(eq(tenantPackages.tenantId, id));
  await tx.delete(tenantAddons).where(eq(tenantAddons.tenantId, id));
  if (packages.length) await tx.insert(tenantPackages).values(packages.map((packageId) => ({ tenantId: id, packageId })));
  if (addons.length) await tx.insert(tenantAddons).values(addons.map((addonId) => ({ tenantId: id, addonId })));
}

/**
 * Seed 000's termination: the tenant is terminated, its users inactive, every grant into it or
 * given by it revoked and every relationship it is a side of removed. Returns the revoked grant ids.
 */
export async function terminateTenant(tx: Tx, id: string, kind: TenantRow['kind'], at: Date): Promise<string[]> {
  await tx.update(tenants).set({ status: 'terminated' }).where(eq(tenants.id, id));
  await tx.update(users).set({ status: 'inactive' }).where(eq(users.homeTenantId, id));
  const revoked = await tx
    .update(accessGrants)
    .set({ revokedAt: at, version: sql`${accessGrants.version} + 1` })
    .where(and(isNull(accessGrants.revokedAt), or(eq(accessGrants.customerId, id), eq(accessGrants.partnerId, id))))
    .returning({ id: accessGrants.id });
  await tx
    .update(relationships)
    .set({ state: 'removed', removedAt: at, removedBy: kind === 'client' ? 'customer' : 'partner', version: sql`${relationships.version} + 1` })
    .where(and(ne(relationships.state, 'removed'), or(eq(relationships.customerId, id), eq(relationships.partnerId, id))));
  return revoked.map((r) => r.id);
}

export type InvitationRow = typeof invitations.$inferSelect;

export async function insertInvitation(tx: Tx, row: InvitationRow) {
  await tx.insert(invitations).values(row);
}

export async function invitationByTokenHash(db: Tx, tokenHash: string): Promise<InvitationRow | undefined> {
  const [row] = await db.select().from(invitations).where(eq(invitations.tokenHash, tokenHash));
  return row;
}

/** Marks the invitation used; false when it already was (single use). */
export async function useInvitation(tx: Tx, id: string, at: Date): Promise<boolean> {
  const result = await tx.update(invitations).set({ usedAt: at }).where(and(eq(invitations.id, id), isNull(invitations.usedAt)));
  return result.rowsAffected === 1;
}
