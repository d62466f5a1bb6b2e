// The audit trail: every change, switch and refusal, with who, what, when, before and after.
import { z } from 'zod';
import { idSchema, instantSchema } from './common';
import { pageInfoSchema } from './access-admin-common';

/** GET /v1/audit and GET /v1/audit/export: newest first, keyset-paged. */
export const auditQuerySchema = z.strictObject({
  tenant_id: z.optional(idSchema),
  /** Events the user did, or that were done to them. */
  user_id: z.optional(idSchema),
  /** Inclusive start, exclusive end. */
  from: z.optional(instantSchema),
  to: z.optional(instantSchema),
  /** Exact action, or a prefix ending in `.` (e.g. `grant.`). */
  action: z.string().max(64).regex(/^[a-z_.]+$/).optional(),
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export const auditExportQuerySchema = auditQuerySchema.omit({ cursor: true, limit: true }).extend({ format: z.enum(['csv', 'jsonl']) });

export const auditEventSchema = z.object({
  id: z.string(),
  at: instantSchema,
  action: z.string(),
  outcome: z.enum(['success', 'failure']),
  actor_user_id: z.string().nullable(),
  /** The user the change was about (a grantee, say), when not the actor. */
  subject_user_id: z.string().nullable(),
  tenant_id: z.string().nullable(),
  ip: z.string().nullable(),
  reason: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type AuditEventView = z.infer<typeof auditEventSchema>;
export const auditListResponseSchema = pageInfoSchema.extend({ events: z.array(auditEventSchema) });
export type AuditListResponse = z.infer<typeof auditListResponseSchema>;

/** Column order of the CSV export (before/after as JSON text). */
export const AUDIT_CSV_COLUMNS = ['id', 'at', 'action', 'outcome', 'actor_user_id', 'subject_user_id', 'tenant_id', 'ip', 'reason', 'before', 'after'] as const;
