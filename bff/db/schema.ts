// The database schema: the single source of truth for migrations (drizzle-kit generate).
import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, primaryKey, index, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';

const instant = (name: string) => integer(name, { mode: 'timestamp_ms' });
const flag = (name: string) => integer(name, { mode: 'boolean' });

/** Service provider > partner (MSP) > client (seed 000). */
export const tenants = sqliteTable(
  'tenants',
  {
    id: text('id').primaryKey(),
    kind: text('kind', { enum: ['service_provider', 'partner', 'client'] }).notNull(),
    parentId: text('parent_id').references((): AnySQLiteColumn => tenants.id),
    name: text('name').notNull(),
    status: text('status', { enum: ['active', 'inactive', 'terminated'] }).notNull().default('active'),
    country: text('country').notNull(),
    timezone: text('timezone').notNull(),
    /** Unique across all tenants and immutable once set (seed 002); enforced by index and trigger. */
    emailDomain: text('email_domain'),
    /** A client with no subscriptions of its own takes its partner's packages and add-ons. */
    inheritsSubscriptions: flag('inherits_subscriptions').notNull().default(false),
    /** JSON array of IPs / CIDRs; empty means unrestricted (seed 000, Restrict Access to Specific IP(s)). */
    ipAllowlist: text('ip_allowlist', { mode: 'json' }).$type<string[]>().notNull().default(sql`'[]'`),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [uniqueIndex('tenants_email_domain_unique').on(t.emailDomain), index('tenants_parent_idx').on(t.parentId)],
);

export const tenantPackages = sqliteTable(
  'tenant_packages',
  {
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    packageId: text('package_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.packageId] })],
);

export const tenantAddons = sqliteTable(
  'tenant_addons',
  {
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    addonId: text('addon_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.addonId] })],
);

export const users = sqliteTable(
  'users',
  {
    id: text('id').primaryKey(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    homeTenantId: text('home_tenant_id').notNull().references(() => tenants.id),
    status: text('status', { enum: ['active', 'inactive'] }).notNull().default('active'),
    /** scrypt hash; null for users who only sign in through an external OIDC issuer. */
    passwordHash: text('password_hash'),
    createdAt: instant('created_at').notNull(),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email)],
);

/** A user's role in their home tenant. */
export const memberships = sqliteTable(
  'memberships',
  {
    userId: text('user_id').notNull().references(() => users.id),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    role: text('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.tenantId] })],
);

/** Partner-managed customer relationship: pending until the customer approves (seed 003). */
export const relationships = sqliteTable(
  'relationships',
  {
    id: text('id').primaryKey(),
    partnerId: text('partner_id').notNull().references(() => tenants.id),
    customerId: text('customer_id').notNull().references(() => tenants.id),
    state: text('state', { enum: ['pending', 'approved', 'removed'] }).notNull(),
    requestedAt: instant('requested_at').notNull(),
    approvedAt: instant('approved_at'),
    removedAt: instant('removed_at'),
    removedBy: text('removed_by', { enum: ['partner', 'customer'] }),
    /** Optimistic concurrency (issue 17): every write bumps it; an edit names the version it read. */
    version: integer('version').notNull().default(1),
    /** The customer's choice to be notified when partner users are granted or removed (seed 003). */
    notifyOnGrantChanges: flag('notify_on_grant_changes').notNull().default(false),
  },
  (t) => [uniqueIndex('relationships_pair_unique').on(t.partnerId, t.customerId)],
);

/** A partner user's access to one managed customer (seed 003: Platform Administrator toggle, permanent or time-bound). */
export const accessGrants = sqliteTable(
  'access_grants',
  {
    id: text('id').primaryKey(),
    userId: text('user_id').notNull().references(() => users.id),
    partnerId: text('partner_id').notNull().references(() => tenants.id),
    customerId: text('customer_id').notNull().references(() => tenants.id),
    platformAdmin: flag('platform_admin').notNull(),
    /** Null for a quick-add grant without a product role (seed 003). */
    role: text('role'),
    products: text('products', { mode: 'json' }).$type<string[]>().notNull(),
    /** Null means permanent. */
    expiresAt: instant('expires_at'),
    grantedBy: text('granted_by').notNull().references(() => users.id),
    grantedAt: instant('granted_at').notNull(),
    revokedAt: instant('revoked_at'),
    lastAccessAt: instant('last_access_at'),
    /** Optimistic concurrency (issue 17): every write bumps it; an edit names the version it read. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('access_grants_user_idx').on(t.userId, t.revokedAt),
    // The deciding grant of one (user, customer) pair, revoked ones included, without a scan of the user's grants.
    index('access_grants_user_customer_idx').on(t.userId, t.customerId),
    uniqueIndex('access_grants_one_live_per_customer').on(t.userId, t.customerId).where(sql`revoked_at is null`),
  ],
);

/** The customers a user switched to most recently. */
export const recents = sqliteTable(
  'recents',
  {
    userId: text('user_id').notNull().references(() => users.id),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    switchedAt: instant('switched_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.tenantId] }), index('recents_user_time_idx').on(t.userId, t.switchedAt)],
);

/** Token signing keys. A retired key stops signing but stays published until `publishUntil`. */
export const signingKeys = sqliteTable('signing_keys', {
  kid: text('kid').primaryKey(),
  alg: text('alg').notNull(),
  publicJwk: text('public_jwk', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  privateJwk: text('private_jwk', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  createdAt: instant('created_at').notNull(),
  retiredAt: instant('retired_at'),
  publishUntil: instant('publish_until'),
});

/** Token ids revoked before their expiry (RFC 7009); rows can be dropped once `expiresAt` has passed. */
export const revokedTokens = sqliteTable('revoked_tokens', {
  jti: text('jti').primaryKey(),
  expiresAt: instant('expires_at').notNull(),
  revokedAt: instant('revoked_at').notNull(),
});

export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: text('id').primaryKey(),
    at: instant('at').notNull(),
    action: text('action').notNull(),
    outcome: text('outcome', { enum: ['success', 'failure'] }).notNull(),
    actorUserId: text('actor_user_id'),
    tenantId: text('tenant_id'),
    ip: text('ip'),
    reason: text('reason'),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
    /** The user a change was about (a grantee), when not the actor (issue 17). */
    subjectUserId: text('subject_user_id'),
  },
  (t) => [
    index('audit_events_actor_idx').on(t.actorUserId, t.at),
    index('audit_events_tenant_idx').on(t.tenantId, t.at),
    index('audit_events_subject_idx').on(t.subjectUserId, t.at),
  ],
);

/** Addresses (IPv4, or IPv6 /64) a user signed in from: they stay welcome while the account is under attack. */
export const knownAddresses = sqliteTable(
  'known_addresses',
  {
    userId: text('user_id').notNull().references(() => users.id),
    addressKey: text('address_key').notNull(),
    lastSignInAt: instant('last_sign_in_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.addressKey] })],
);

/**
 * Rate-limit counters shared by every BFF instance: one row per key and fixed window (aligned to
 * the window's length, so every process agrees on `windowStart`), counted by one atomic upsert.
 * Windows past `expiresAt` are swept now and then (bff/db/rate-limit-windows.ts).
 */
export const rateLimitWindows = sqliteTable(
  'rate_limit_windows',
  {
    key: text('key').notNull(),
    /** Epoch milliseconds, a multiple of the window's length. */
    windowStart: integer('window_start').notNull(),
    /** Epoch milliseconds at which the window ends. */
    expiresAt: integer('expires_at').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.windowStart] }), index('rate_limit_windows_expiry_idx').on(t.expiresAt)],
);
export * from './schema-branding';

export * from './schema-access-admin';

export * from './schema-hot-paths';
