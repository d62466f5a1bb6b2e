// The "Manage customer access" lists (seed 003): customers and users of one partner, filterable,
// searchable and paged; and renaming a managed customer.
import * as z from 'zod/mini';
import { idSchema, instantSchema, tenantStatusSchema } from './common';
import { cursorSchema, grantViewSchema, limitSchema, pageInfoSchema, relationshipStateSchema } from './access-admin-common';

const searchSchema = z.optional(z.string().check(z.maxLength(100, 'a search is at most 100 characters')));

/** Path of every view: the partner whose customers and users are shown (MSP_View or Clients_View). */
export const partnerParamSchema = z.strictObject({ partnerId: idSchema });
export const partnerCustomerParamSchema = z.strictObject({ partnerId: idSchema, customerId: idSchema });
export const partnerUserParamSchema = z.strictObject({ partnerId: idSchema, userId: idSchema });

/** GET /v1/partners/:partnerId/customers */
export const customerListQuerySchema = z.strictObject({
  /** Case-insensitive substring of the customer's name. */
  q: searchSchema,
  /** `none`: no relationship yet (the partner may request one). */
  relationship: z.optional(z.enum(['pending', 'approved', 'removed', 'none'])),
  cursor: z.optional(cursorSchema),
  limit: z.optional(limitSchema(200)),
});

export const customerRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: tenantStatusSchema,
  relationship: z.nullable(z.object({ id: z.string(), version: z.int(), state: relationshipStateSchema, notify_on_grant_changes: z.boolean() })),
  /** Pending until the customer approves (seed 003's yellow triangle). */
  pending: z.boolean(),
  /** Users with live (unrevoked, unexpired) access. */
  user_count: z.int(),
  /** The customer's enabled packages. */
  products: z.array(z.string()),
});
export type CustomerRow = z.infer<typeof customerRowSchema>;
export const customerListResponseSchema = z.extend(pageInfoSchema, { customers: z.array(customerRowSchema) });
export type CustomerListResponse = z.infer<typeof customerListResponseSchema>;

/** GET /v1/partners/:partnerId/customers/:customerId: the customer and every live grant in it. */
export const customerDetailResponseSchema = z.object({ customer: customerRowSchema, grants: z.array(grantViewSchema) });
export type CustomerDetailResponse = z.infer<typeof customerDetailResponseSchema>;

/** PATCH /v1/partners/:partnerId/customers/:customerId (Clients_Manage): rename (seed 003). */
export const customerRenameSchema = z.strictObject({ name: z.string().check(z.trim(), z.minLength(1, 'a name is required'), z.maxLength(120, 'a name is at most 120 characters')) });

/** GET /v1/partners/:partnerId/users */
export const userListQuerySchema = z.strictObject({
  /** Case-insensitive substring of name or e-mail. */
  q: searchSchema,
  /** Only users with (or without) Platform Administrator in at least one customer. */
  platform_admin: z.optional(z.enum(['true', 'false'])),
  /** Only users holding at least one permanent / time-limited grant. */
  access: z.optional(z.enum(['permanent', 'time_limited'])),
  /** Only users with access to this customer. */
  customer_id: z.optional(idSchema),
  cursor: z.optional(cursorSchema),
  limit: z.optional(limitSchema(200)),
});

export const userRowSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.nullable(z.string()),
  /** Their live grants, one per customer. */
  grants: z.array(grantViewSchema),
  last_access_at: z.nullable(instantSchema),
});
export type UserRow = z.infer<typeof userRowSchema>;
export const userListResponseSchema = z.extend(pageInfoSchema, { users: z.array(userRowSchema) });
export type UserListResponse = z.infer<typeof userListResponseSchema>;
export const userDetailResponseSchema = z.object({ user: userRowSchema });
