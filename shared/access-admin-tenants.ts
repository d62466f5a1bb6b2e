// Tenant administration (seeds 000-002): partners and clients with their account fields, packages
// and add-ons, e-mail domain and invitations, IP allow-list, termination, status filter.
import * as z from 'zod/mini';
import { idSchema, instantSchema, tenantKindSchema, tenantStatusSchema } from './common';

const text = (max: number) => z.string().check(z.trim(), z.minLength(1, 'required'), z.maxLength(max, `at most ${max} characters`));
const email = z.email('not an e-mail address').check(z.maxLength(254, 'an e-mail address is at most 254 characters'));
const ids = (max: number) => z.array(z.string().check(z.minLength(1, 'an id is at least 1 character'), z.maxLength(64, 'an id is at most 64 characters'))).check(z.maxLength(max, `at most ${max} entries`));

/** Seed 000's PARTNER DETAILS and ACCESS ENDPOINT DETAILS (API Server is derived, read-only). */
export const accountFieldsSchema = z.strictObject({
  name: text(120),
  alternate_email: email,
  notification_email: email,
  /** IANA zone, e.g. Europe/London. */
  timezone: text(64),
  /** ISO 3166-1 alpha-2. */
  country: z.string().check(z.regex(/^[A-Z]{2}$/, 'a two-letter ISO country code')),
  city: text(120),
  address: text(300),
  /** Seed 000 types it Integer; kept as digits so leading zeros survive. */
  postal_code: z.string().check(z.regex(/^\d{3,10}$/, 'digits only')),
  state: text(120),
  /** Hostname of the application server. */
  application_server: z.string().check(z.regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i, 'a hostname')),
});
export type AccountFields = z.infer<typeof accountFieldsSchema>;

const emailDomainSchema = z.string().check(z.toLowerCase(), z.regex(/^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/, 'an e-mail domain'));
const packagesSchema = ids(16);
const addonsSchema = ids(64);

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
export const tenantUpdateSchema = z.strictObject({ account: z.partial(accountFieldsSchema) });
/** PUT /v1/admin/tenants/:id/subscriptions: an add-on needs its package; never beyond the parent. */
export const subscriptionsSchema = z.strictObject({ packages: packagesSchema, addons: addonsSchema });
/** PUT /v1/admin/tenants/:id/ip-allowlist: IPs or CIDRs; empty = unrestricted. */
export const ipAllowlistSchema = z.strictObject({
  entries: z.array(z.string().check(z.trim(), z.minLength(1, 'an entry is required'), z.maxLength(64, 'an entry is at most 64 characters'))).check(z.maxLength(100, 'at most 100 entries')),
});
/** POST /v1/admin/tenants/:id/terminate: type the name as shown (seed 000), tick the acknowledgement. */
export const terminateSchema = z.strictObject({ confirm_name: z.string().check(z.maxLength(200, 'a name is at most 200 characters')), acknowledge_data_loss: z.literal(true, 'tick the acknowledgement that data will be lost') });

/** GET /v1/admin/tenants: seed 000's filter (active, inactive = terminated, all). */
export const tenantListQuerySchema = z.strictObject({
  kind: z.enum(['partner', 'client']),
  parent_id: z.optional(idSchema),
  status: z.optional(z.enum(['active', 'inactive', 'all'])),
  q: z.optional(z.string().check(z.maxLength(100, 'a search is at most 100 characters'))),
});

export const tenantAdminViewSchema = z.object({
  id: z.string(),
  kind: tenantKindSchema,
  parent_id: z.nullable(z.string()),
  name: z.string(),
  status: tenantStatusSchema,
  email_domain: z.nullable(z.string()),
  account: z.extend(z.partial(z.extend(accountFieldsSchema, { api_server: z.string() })), { name: z.string() }),
  packages: z.array(z.string()),
  addons: z.array(z.string()),
  ip_allowlist: z.array(z.string()),
  created_at: instantSchema,
});
export type TenantAdminView = z.infer<typeof tenantAdminViewSchema>;
export const tenantAdminResponseSchema = z.object({ tenant: tenantAdminViewSchema });
export const tenantAdminListResponseSchema = z.object({ tenants: z.array(tenantAdminViewSchema) });

/** POST /v1/admin/tenants/:id/invitations: a single-use link for an address under the tenant's domain. */
export const invitationCreateSchema = z.strictObject({ email, role: z.string().check(z.minLength(1, 'a role is required'), z.maxLength(64, 'a role is at most 64 characters')) });
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
  token: z.string().check(z.minLength(16, 'a token is at least 16 characters'), z.maxLength(256, 'a token is at most 256 characters')),
  name: text(120),
  password: z.string().check(z.minLength(12, 'a password is at least 12 characters'), z.maxLength(256, 'a password is at most 256 characters')),
});
export const invitationAcceptResponseSchema = z.object({ user_id: z.string(), email: z.string(), tenant_id: z.string() });
