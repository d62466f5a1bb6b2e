// The "Manage customer access" lists (seed 003): customers and users of one partner, filterable,
// searchable and paged; and renaming a managed customer.
import { z } from 'zod';
import { idSchema, instantSchema, tenantStatusSchema } from './common';
import { grantViewSchema, pageInfoSchema, relationshipStateSchema } from './access-admin-common';

/** Path of every view: the partner whose customers and users are shown (MSP_View or Clients_View). */
export const partnerParamSchema = z.strictObject({ partnerId: idSchema });
export const partnerCustomerParamSchema = z.strictObject({ partnerId: idSchema, customerId: idSchema });
export const partnerUserParamSchema = z.strictObject({ partnerId: idSchema, userId: idSchema });

/** GET /v1/partners/:partnerId/customers */
export const customerListQuerySchema = z.strictObject({
  /** Case-insensitive substring of the customer's name. */
  q: z.string().max(100).optional(),
  /** `none`: no relationship yet (the partner may request one). */
  relationship: z.enum(['pending', 'approved', 'removed', 'none']).optional(),
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export const customerRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: tenantStatusSchema,
  relationship: z.object({ id: z.string(), version: z.number().int(), state: relationshipStateSchema, notify_on_grant_changes: z.boolean() }).nullable(),
  /** Pending until the customer approves (seed 003's yellow triangle). */
  pending: z.boolean(),
  /** Users with live (unrevoked, unexpired) access. */
  user_count: z.number().int(),
  /** The customer's enabled packages. */
  products: z.array(z.string()),
});
export type CustomerRow = z.infer<typeof customerRowSchema>;
export const customerListResponseSchema = pageInfoSchema.extend({ customers: z.array(customerRowSchema) });
export type CustomerListResponse = z.infer<typeof customerListResponseSchema>;

/** GET /v1/partners/:partnerId/customers/:customerId: the customer and every live grant in it. */
export const customerDetailResponseSchema = z.object({ customer: customerRowSchema, grants: z.array(grantViewSchema) });
export type CustomerDetailResponse = z.infer<typeof customerDetailResponseSchema>;

/** PATCH /v1/partners/:partnerId/customers/:customerId (Clients_Manage): rename (seed 003). */
export const customerRenameSchema = z.strictObject({ name: z.string().trim().min(1).max(120) });

/** GET /v1/partners/:partnerId/users */
export const userListQuerySchema = z.strictObject({
  /** Case-insensitive substring of name or e-mail. */
  q: z.string().max(100).optional(),
  /** Only users with (or without) Platform Administrator in at least one customer. */
  platform_admin: z.enum(['true', 'false']).optional(),
  /** Only users holding at least one permanent / time-limited grant. */
  access: z.enum(['permanent', 'time_limited']).optional(),
  /** Only users with access to this customer. */
  customer_id: z.optional(idSchema),
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export const userRowSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  role: z.string().nullable(),
  /** Their live grants, one per customer. */
  grants: z.array(grantViewSchema),
  last_access_at: z.nullable(instantSchema),
});
export type UserRow = z.infer<typeof userRowSchema>;
export const userListResponseSchema = pageInfoSchema.extend({ users: z.array(userRowSchema) });
export type UserListResponse = z.infer<typeof userListResponseSchema>;
export const userDetailResponseSchema = z.object({ user: userRowSchema });
