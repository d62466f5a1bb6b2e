// Raw rows (snake_case columns, as SQLite returns them) to the shapes drizzle gives the rest of the
// BFF, for the hot paths that read on prepared statements (bff/db/hot-store.ts).
import type { Row } from './hot-store';
import type { accessGrants, relationships, tenants, users } from './schema';

type TenantRow = typeof tenants.$inferSelect;
type UserRow = typeof users.$inferSelect;
type GrantRow = typeof accessGrants.$inferSelect;
type RelationshipRow = typeof relationships.$inferSelect;

export const dateOrNull = (ms: unknown) => (ms === null || ms === undefined ? null : new Date(Number(ms)));
const textOrNull = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** The columns of `alias` (a table alias in the SQL), each selected as `<prefix><column>`. */
export const prefixed = (alias: string, prefix: string, columns: readonly string[]) => columns.map((c) => `${alias}.${c} as ${prefix}${c}`).join(', ');

export const TENANT_COLUMNS = ['id', 'kind', 'parent_id', 'name', 'status', 'country', 'timezone', 'email_domain', 'inherits_subscriptions', 'ip_allowlist', 'created_at'] as const;
export const USER_COLUMNS = ['id', 'email', 'name', 'home_tenant_id', 'status', 'password_hash', 'created_at'] as const;
export const GRANT_COLUMNS = ['id', 'user_id', 'partner_id', 'customer_id', 'platform_admin', 'role', 'products', 'expires_at', 'granted_by', 'granted_at', 'revoked_at', 'last_access_at'] as const;
export const RELATIONSHIP_COLUMNS = ['id', 'partner_id', 'customer_id', 'state', 'requested_at', 'approved_at', 'removed_at', 'removed_by'] as const;

export function toTenantRow(r: Row, p = ''): TenantRow {
  return {
    id: String(r[`${p}id`]),
    kind: r[`${p}kind`] as TenantRow['kind'],
    parentId: textOrNull(r[`${p}parent_id`]),
    name: String(r[`${p}name`]),
    status: r[`${p}status`] as TenantRow['status'],
    country: String(r[`${p}country`]),
    timezone: String(r[`${p}timezone`]),
    emailDomain: textOrNull(r[`${p}email_domain`]),
    inheritsSubscriptions: Number(r[`${p}inherits_subscriptions`]) === 1,
    ipAllowlist: JSON.parse(String(r[`${p}ip_allowlist`] ?? '[]')) as string[],
    createdAt: new Date(Number(r[`${p}created_at`])),
  };
}

export function toUserRow(r: Row, p = ''): UserRow {
  return {
    id: String(r[`${p}id`]),
    email: String(r[`${p}email`]),
    name: String(r[`${p}name`]),
    homeTenantId: String(r[`${p}home_tenant_id`]),
    status: r[`${p}status`] as UserRow['status'],
    passwordHash: textOrNull(r[`${p}password_hash`]),
    createdAt: new Date(Number(r[`${p}created_at`])),
  };
}

export function toGrantRow(r: Row): GrantRow {
  return {
    id: String(r.id),
    userId: String(r.user_id),
    partnerId: String(r.partner_id),
    customerId: String(r.customer_id),
    platformAdmin: Number(r.platform_admin) === 1,
    role: textOrNull(r.role),
    products: JSON.parse(String(r.products)) as string[],
    expiresAt: dateOrNull(r.expires_at),
    grantedBy: String(r.granted_by),
    grantedAt: new Date(Number(r.granted_at)),
    revokedAt: dateOrNull(r.revoked_at),
    lastAccessAt: dateOrNull(r.last_access_at),
    version: Number(r.version),
  };
}

export function toRelationshipRow(r: Row): RelationshipRow {
  return {
    id: String(r.id),
    partnerId: String(r.partner_id),
    customerId: String(r.customer_id),
    state: r.state as RelationshipRow['state'],
    requestedAt: new Date(Number(r.requested_at)),
    approvedAt: dateOrNull(r.approved_at),
    removedAt: dateOrNull(r.removed_at),
    removedBy: textOrNull(r.removed_by) as RelationshipRow['removedBy'],
    version: Number(r.version),
    notifyOnGrantChanges: Number(r.notify_on_grant_changes) === 1,
  };
}
