// Tables of access administration (issue 17): extension requests, tenant account fields, invitations.
import { sql } from 'drizzle-orm';
import { sqliteTable, text, integer, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { accessGrants, tenants, users } from './schema';

const instant = (name: string) => integer(name, { mode: 'timestamp_ms' });

/** "Request more time": an analyst asks; a partner administrator approves with a new expiry, or declines. */
export const extensionRequests = sqliteTable(
  'extension_requests',
  {
    id: text('id').primaryKey(),
    grantId: text('grant_id').notNull().references(() => accessGrants.id),
    userId: text('user_id').notNull().references(() => users.id),
    partnerId: text('partner_id').notNull().references(() => tenants.id),
    customerId: text('customer_id').notNull().references(() => tenants.id),
    reason: text('reason').notNull(),
    state: text('state', { enum: ['pending', 'approved', 'declined'] }).notNull(),
    requestedAt: instant('requested_at').notNull(),
    requestedExpiresAt: instant('requested_expires_at'),
    currentExpiresAt: instant('current_expires_at'),
    decidedAt: instant('decided_at'),
    decidedBy: text('decided_by').references(() => users.id),
    approvedExpiresAt: instant('approved_expires_at'),
    note: text('note'),
  },
  (t) => [
    index('extension_requests_partner_idx').on(t.partnerId, t.state),
    index('extension_requests_user_idx').on(t.userId, t.state),
    // One open request per grant.
    uniqueIndex('extension_requests_one_pending').on(t.grantId).where(sql`state = 'pending'`),
  ],
);

/** Seed 000's account fields beyond what `tenants` holds (name, country, timezone live there). */
export const tenantAccounts = sqliteTable('tenant_accounts', {
  tenantId: text('tenant_id').primaryKey().references(() => tenants.id),
  alternateEmail: text('alternate_email').notNull(),
  notificationEmail: text('notification_email').notNull(),
  city: text('city').notNull(),
  address: text('address').notNull(),
  postalCode: text('postal_code').notNull(),
  state: text('state').notNull(),
  applicationServer: text('application_server').notNull(),
});

/** Seed 002: a single-use invitation for one address under the tenant's e-mail domain. Only the token's hash is kept. */
export const invitations = sqliteTable(
  'invitations',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull().references(() => tenants.id),
    email: text('email').notNull(),
    role: text('role').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdBy: text('created_by').notNull().references(() => users.id),
    createdAt: instant('created_at').notNull(),
    expiresAt: instant('expires_at').notNull(),
    usedAt: instant('used_at'),
  },
  (t) => [uniqueIndex('invitations_token_unique').on(t.tokenHash)],
);
