// Grants (seed 003): bulk assignment, quick add, edit, extend, remove; every edit previewable as a
// change summary (original / updated / added / removed / changed values) computed by the BFF.
import * as z from 'zod/mini';
import { idSchema, instantSchema } from './common';
import { durationSchema, grantViewSchema, versionSchema } from './access-admin-common';

const productsSchema = z.array(z.string().check(z.minLength(1, 'a product id is at least 1 character'), z.maxLength(64, 'a product id is at most 64 characters'))).check(
  z.maxLength(16, 'at most 16 products'),
);
const roleSchema = z.nullable(z.string().check(z.minLength(1, 'a role is at least 1 character'), z.maxLength(64, 'a role is at most 64 characters')));

/** Per customer: a product role and products. Quick add: `role: null, products: []` (seed 003). */
export const customerAssignmentSchema = z.strictObject({ customer_id: idSchema, role: roleSchema, products: productsSchema });

/**
 * POST /v1/grants (Clients_Manage) and POST /v1/grants/preview: users × customers in one request,
 * all or nothing. Platform Administrator and duration apply to every pair (seed 003).
 */
export const bulkAssignSchema = z.strictObject({
  user_ids: z.array(idSchema).check(z.minLength(1, 'at least one user'), z.maxLength(100, 'at most 100 users at once')),
  platform_admin: z.boolean(),
  duration: durationSchema,
  customers: z.array(customerAssignmentSchema).check(z.minLength(1, 'at least one customer'), z.maxLength(100, 'at most 100 customers at once')),
});
export type BulkAssignRequest = z.infer<typeof bulkAssignSchema>;

/** PATCH /v1/grants/:id and POST /v1/grants/:id/preview: only the fields given change. */
export const grantEditSchema = z.strictObject({
  version: versionSchema,
  platform_admin: z.optional(z.boolean()),
  role: z.optional(roleSchema),
  products: z.optional(productsSchema),
  duration: z.optional(durationSchema),
});
export type GrantEditRequest = z.infer<typeof grantEditSchema>;

/** POST /v1/grants/:id/extend: a new expiry (or permanent). */
export const grantExtendSchema = z.strictObject({ version: versionSchema, duration: durationSchema });

/** DELETE /v1/grants/:id. */
export const grantRemoveSchema = z.strictObject({ version: versionSchema });

/** The access a grant gives, as the summary compares it. */
export const grantTermsSchema = z.object({
  platform_admin: z.boolean(),
  role: z.nullable(z.string()),
  products: z.array(z.string()),
  expires_at: z.nullable(instantSchema),
});
export type GrantTerms = z.infer<typeof grantTermsSchema>;

/** Something a change adds or takes away (the seed's addition and subtraction tabs). */
export const summaryItemSchema = z.object({ kind: z.enum(['product', 'role', 'platform_admin', 'access']), id: z.string(), name: z.string() });
/** A pre-existing value that changed (the seed's "new changes" tab). */
export const changedValueSchema = z.object({
  field: z.enum(['expires_at', 'role', 'products', 'platform_admin']),
  from: z.nullable(z.union([z.string(), z.boolean(), z.array(z.string())])),
  to: z.nullable(z.union([z.string(), z.boolean(), z.array(z.string())])),
});

export const changeSummarySchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
  customer: z.object({ id: z.string(), name: z.string() }),
  grant_id: z.nullable(z.string()),
  /** Null when the change creates the access. */
  original: z.nullable(grantTermsSchema),
  /** Null when the change removes the access. */
  updated: z.nullable(grantTermsSchema),
  added: z.array(summaryItemSchema),
  removed: z.array(summaryItemSchema),
  changed: z.array(changedValueSchema),
});
export type ChangeSummary = z.infer<typeof changeSummarySchema>;

export const changeSummaryResponseSchema = z.object({ summaries: z.array(changeSummarySchema) });
export type ChangeSummaryResponse = z.infer<typeof changeSummaryResponseSchema>;

/** Answer of POST /v1/grants (201): the grants created, with the summary that was applied. */
export const bulkAssignResponseSchema = z.object({ grants: z.array(grantViewSchema), summaries: z.array(changeSummarySchema) });
export type BulkAssignResponse = z.infer<typeof bulkAssignResponseSchema>;

/** Answer of edit, extend and remove (200). */
export const grantResponseSchema = z.object({ grant: grantViewSchema, summary: changeSummarySchema });
export type GrantResponse = z.infer<typeof grantResponseSchema>;
