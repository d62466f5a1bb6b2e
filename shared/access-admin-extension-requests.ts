// "Request more time": an analyst asks for a grant's extension with a reason; partner
// administrators approve (with a new expiry) or decline, in bulk.
import * as z from 'zod/mini';
import { idSchema, instantSchema } from './common';

/** POST /v1/extension-requests (the grant's holder). */
export const extensionRequestCreateSchema = z.strictObject({
  grant_id: idSchema,
  reason: z.string().check(z.trim(), z.minLength(1, 'a reason is required'), z.maxLength(1000, 'a reason is at most 1000 characters')),
  /** What the analyst would like; the administrator decides. */
  requested_expires_at: z.optional(instantSchema),
});

export const extensionRequestStateSchema = z.enum(['pending', 'approved', 'declined']);

/** GET /v1/extension-requests: an administrator sees the partner's, an analyst their own. */
export const extensionRequestListQuerySchema = z.strictObject({ state: z.optional(extensionRequestStateSchema) });

/** POST /v1/extension-requests/decide (Clients_Manage): all decisions or none. */
export const extensionDecisionSchema = z.discriminatedUnion('decision', [
  z.strictObject({ id: idSchema, decision: z.literal('approve'), expires_at: instantSchema }),
  z.strictObject({ id: idSchema, decision: z.literal('decline'), note: z.optional(z.string().check(z.maxLength(1000, 'a note is at most 1000 characters'))) }),
]);
export const extensionDecideSchema = z.strictObject({ decisions: z.array(extensionDecisionSchema).check(z.minLength(1, 'at least one decision'), z.maxLength(100, 'at most 100 decisions at once')) });

export const extensionRequestViewSchema = z.object({
  id: z.string(),
  grant_id: z.string(),
  user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
  customer: z.object({ id: z.string(), name: z.string() }),
  reason: z.string(),
  state: extensionRequestStateSchema,
  requested_at: instantSchema,
  requested_expires_at: z.nullable(instantSchema),
  /** The grant's expiry when the request was made. */
  current_expires_at: z.nullable(instantSchema),
  decided_at: z.nullable(instantSchema),
  decided_by: z.nullable(z.string()),
  /** The expiry an approval set. */
  approved_expires_at: z.nullable(instantSchema),
  note: z.nullable(z.string()),
});
export type ExtensionRequestView = z.infer<typeof extensionRequestViewSchema>;

export const extensionRequestResponseSchema = z.object({ request: extensionRequestViewSchema });
export const extensionRequestListResponseSchema = z.object({ requests: z.array(extensionRequestViewSchema) });
export type ExtensionRequestListResponse = z.infer<typeof extensionRequestListResponseSchema>;
