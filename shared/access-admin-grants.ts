// Grants (seed 003): bulk assignment, quick add, edit, extend, remove; every edit previewable as a
// change summary (original / updated / added / removed / changed values) computed by the BFF.
import { z } from 'zod';
import { idSchema, instantSchema } from './common';
import { durationSchema, grantViewSchema, versionSchema } from './access-admin-common';

const productsSchema = z.array(z.string().min(1).max(64)).max(16);
const roleSchema = z.string().min(1).max(64).nullable();

/** Per customer: a product role and products. Quick add: `role: null, products: []` (seed 003). */
export const customerAssignmentSchema = z.strictObject({ customer_id: idSchema, role: roleSchema, products: productsSchema });

/**
 * POST /v1/grants (Clients_Manage) and POST /v1/grants/preview: users × customers in one request,
 * all or nothing. Platform Administrator and duration apply to every pair (seed 003).
 */
export const bulkAssignSchema = z.strictObject({
  user_ids: z.array(idSchema).min(1).max(100),
  platform_admin: z.boolean(),
  duration: durationSchema,
  customers: z.array(customerAssignmentSchema).min(1).max(100),
});
export type BulkAssignRequest = z.infer<typeof bulkAssignSchema>;

/** PATCH /v1/grants/:id and POST /v1/grants/:id/preview: only the fields given change. */
export const grantEditSchema = z.strictObject({
  version: versionSchema,
  platform_admin: z.boolean().optional(),
  role: roleSchema.optional(),
  products: productsSchema.optional(),
  duration: durationSchema.optional(),
});
export type GrantEditRequest = z.infer<typeof grantEditSchema>;

/** POST /v1/grants/:id/extend: a new expiry (or permanent). */
export const grantExtendSchema = z.strictObject({ version: versionSchema, duration: durationSchema });

/** DELETE /v1/grants/:id. */
export const grantRemoveSchema = z.strictObject({ version: versionSchema });

/** The access a grant gives, as the summary compares it. */
export const grantTermsSchema = z.object({
  platform_admin: z.boolean(),
  role: z.string().nullable(),
  products: z.array(z.string()),
  expires_at: z.nullable(instantSchema),
});
export type GrantTerms = z.infer<typeof grantTermsSchema>;

/** Something a change adds or takes away (the seed's addition and subtraction tabs). */
export const summaryItemSchema = z.object({ kind: z.enum(['product', 'role', 'platform_admin', 'access']), id: z.string(), name: z.string() });
/** A pre-existing value that changed (the seed's "new changes" tab). */
export const changedValueSchema = z.object({
  field: z.enum(['expires_at', 'role', 'products', 'platform_admin']),
  from: z.union([z.string(), z.boolean(), z.array(z.string())]).nullable(),
  to: z.union([z.string(), z.boolean(), z.array(z.string())]).nullable(),
});

export const changeSummarySchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
  customer: z.object({ id: z.string(), name: z.string() }),
  grant_id: z.string().nullable(),
  /** Null when the change creates the access. */
  original: grantTermsSchema.nullable(),
  /** Null when the change removes the access. */
  updated: grantTermsSchema.nullable(),
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
