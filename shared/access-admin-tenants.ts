// Tenant administration (seeds 000-002): partners and clients with their account fields, packages
// and add-ons, e-mail domain and invitations, IP allow-list, termination, status filter.
import { z } from 'zod';
import { idSchema, instantSchema, tenantKindSchema, tenantStatusSchema } from './common';

const text = (max: number) => z.string().trim().min(1).max(max);

/** Seed 000's PARTNER DETAILS and ACCESS ENDPOINT DETAILS (API Server is derived, read-only). */
export const accountFieldsSchema = z.strictObject({
  name: text(120),
  alternate_email: z.email().max(254),
  notification_email: z.email().max(254),
  /** IANA zone, e.g. Europe/London. */
  timezone: text(64),
  /** ISO 3166-1 alpha-2. */
  country: z.string().regex(/^[A-Z]{2}$/, 'a two-letter ISO country code'),
  city: text(120),
  address: text(300),
  /** Seed 000 types it Integer; kept as digits so leading zeros survive. */
  postal_code: z.string().regex(/^\d{3,10}$/, 'digits only'),
  state: text(120),
  /** Hostname of the application server. */
  application_server: z.string().regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, 'a hostname'),
});
export type AccountFields = z.infer<typeof accountFieldsSchema>;

const emailDomainSchema = z.string().toLowerCase().regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'an e-mail domain');
const packagesSchema = z.array(z.string().min(1).max(64)).max(16);
const addonsSchema = z.array(z.string().min(1).max(64)).max(64);

/** POST /v1/admin/tenants: a partner (MSP_Manage, under the caller's service provider) or a client (Clients_Create). */
export const tenantCreateSchema = z.strictObject({
  kind: z.enum(['partner', 'client']),
  parent_id: idSchema,
  account: accountFieldsSchema,
  /** Unique across all tenants and immutable once set (seed 002). */
  email_domain: emailDomainSchema,
  packages: packagesSchema,
  addons: addonsSchema,
});

/** PATCH /v1/admin/tenants/:id: account fields (MSP_Manage / Clients_Manage). The domain cannot change. */
export const tenantUpdateSchema = z.strictObject({ account: accountFieldsSchema.partial() });
/** PUT /v1/admin/tenants/:id/subscriptions: an add-on needs its package; never beyond the parent. */
export const subscriptionsSchema = z.strictObject({ packages: packagesSchema, addons: addonsSchema });
/** PUT /v1/admin/tenants/:id/ip-allowlist: IPs or CIDRs; empty = unrestricted. */
export const ipAllowlistSchema = z.strictObject({ entries: z.array(z.string().trim().min(1).max(64)).max(100) });
/** POST /v1/admin/tenants/:id/terminate: type the name as shown (seed 000), tick the acknowledgement. */
export const terminateSchema = z.strictObject({ confirm_name: z.string().max(200), acknowledge_data_loss: z.literal(true) });

/** GET /v1/admin/tenants: seed 000's filter (active, inactive = terminated, all). */
export const tenantListQuerySchema = z.strictObject({
  kind: z.enum(['partner', 'client']),
  parent_id: z.optional(idSchema),
  status: z.enum(['active', 'inactive', 'all']).optional(),
  q: z.string().max(100).optional(),
});

export const tenantAdminViewSchema = z.object({
  id: z.string(),
  kind: tenantKindSchema,
  parent_id: z.string().nullable(),
  name: z.string(),
  status: tenantStatusSchema,
  email_domain: z.string().nullable(),
  account: accountFieldsSchema.extend({ api_server: z.string() }).partial().extend({ name: z.string() }),
  packages: z.array(z.string()),
  addons: z.array(z.string()),
  ip_allowlist: z.array(z.string()),
  created_at: instantSchema,
});
export type TenantAdminView = z.infer<typeof tenantAdminViewSchema>;
export const tenantAdminResponseSchema = z.object({ tenant: tenantAdminViewSchema });
export const tenantAdminListResponseSchema = z.object({ tenants: z.array(tenantAdminViewSchema) });

/** POST /v1/admin/tenants/:id/invitations: a single-use link for an address under the tenant's domain. */
export const invitationCreateSchema = z.strictObject({ email: z.email().max(254), role: z.string().min(1).max(64) });
export const invitationResponseSchema = z.object({
  id: z.string(),
  email: z.string(),
  tenant_id: z.string(),
  role: z.string(),
  /** Shown once, for the admin to copy (no mail server). */
  token: z.string(),
  expires_at: instantSchema,
});
/** POST /v1/invitations/accept (no session): the invited address signs up once. */
export const invitationAcceptSchema = z.strictObject({
  token: z.string().min(16).max(256),
  name: text(120),
  password: z.string().min(12).max(256),
});
export const invitationAcceptResponseSchema = z.object({ user_id: z.string(), email: z.string(), tenant_id: z.string() });
