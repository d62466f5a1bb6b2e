// Partner-managed customer relationships (seed 003): requested by the partner, approved by the
// customer's Platform Administrator, removed by either side.
import * as z from 'zod/mini';
import { idSchema } from './common';
import { relationshipStateSchema, relationshipViewSchema, versionSchema } from './access-admin-common';

/** POST /v1/relationships (partner, Clients_Manage): ask to manage one of the partner's clients. */
export const relationshipRequestSchema = z.strictObject({ customer_id: idSchema });

/** POST /v1/relationships/:id/approve (customer Platform Administrator). */
export const relationshipApproveSchema = z.strictObject({ version: versionSchema });

/** DELETE /v1/relationships/:id (either side): ends every grant under it at once. */
export const relationshipRemoveSchema = z.strictObject({ version: versionSchema });

/** PATCH /v1/relationships/:id/notifications (customer Platform Administrator). */
export const relationshipNotificationsSchema = z.strictObject({ version: versionSchema, notify_on_grant_changes: z.boolean() });

/** GET /v1/relationships?state=: the caller's side (partner: its customers; customer: its partners). */
export const relationshipListQuerySchema = z.strictObject({ state: z.optional(relationshipStateSchema) });

/** Answer of every relationship write (201 on request, 200 otherwise). */
export const relationshipResponseSchema = z.object({
  relationship: relationshipViewSchema,
  /** Grants ended by a removal (empty otherwise). */
  revoked_grant_ids: z.array(z.string()),
});
export type RelationshipResponse = z.infer<typeof relationshipResponseSchema>;

export const relationshipListResponseSchema = z.object({ relationships: z.array(relationshipViewSchema) });
export type RelationshipListResponse = z.infer<typeof relationshipListResponseSchema>;
