// The audit trail: every change, switch and refusal, with who, what, when, before and after.
import * as z from 'zod/mini';
import { idSchema, instantSchema } from './common';
import { cursorSchema, limitSchema, pageInfoSchema } from './access-admin-common';

/** GET /v1/audit and GET /v1/audit/export: newest first, keyset-paged. */
export const auditQuerySchema = z.strictObject({
  tenant_id: z.optional(idSchema),
  /** Events the user did, or that were done to them. */
  user_id: z.optional(idSchema),
  /** Inclusive start, exclusive end. */
  from: z.optional(instantSchema),
  to: z.optional(instantSchema),
  /** Exact action, or a prefix ending in `.` (e.g. `grant.`). */
  action: z.optional(z.string().check(z.maxLength(64, 'an action is at most 64 characters'), z.regex(/^[a-z_.]+$/, 'an action uses a-z, _ and .'))),
  cursor: z.optional(cursorSchema),
  limit: z.optional(limitSchema(500)),
});
export const auditExportQuerySchema = z.extend(z.omit(auditQuerySchema, { cursor: true, limit: true }), { format: z.enum(['csv', 'jsonl']) });

export const auditEventSchema = z.object({
  id: z.string(),
  at: instantSchema,
  action: z.string(),
  outcome: z.enum(['success', 'failure']),
  actor_user_id: z.nullable(z.string()),
  /** The user the change was about (a grantee, say), when not the actor. */
  subject_user_id: z.nullable(z.string()),
  tenant_id: z.nullable(z.string()),
  ip: z.nullable(z.string()),
  reason: z.nullable(z.string()),
  before: z.nullable(z.unknown()),
  after: z.nullable(z.unknown()),
});
export type AuditEventView = z.infer<typeof auditEventSchema>;
export const auditListResponseSchema = z.extend(pageInfoSchema, { events: z.array(auditEventSchema) });
export type AuditListResponse = z.infer<typeof auditListResponseSchema>;

/** Column order of the CSV export (before/after as JSON text). */
export const AUDIT_CSV_COLUMNS = ['id', 'at', 'action', 'outcome', 'actor_user_id', 'subject_user_id', 'tenant_id', 'ip', 'reason', 'before', 'after'] as const;
