// Audit trail: who did what to which tenant, from where, and how it ended.
import { randomUUID } from 'node:crypto';
import type { Tx } from './client';
import { auditEvents } from './schema';

export type AuditEvent = Omit<typeof auditEvents.$inferInsert, 'id'>;

const MAX_REASON = 1000;

export async function recordAudit(tx: Tx, event: AuditEvent) {
  const reason = event.reason && event.reason.length > MAX_REASON ? `${event.reason.slice(0, MAX_REASON)}…` : event.reason;
  await tx.insert(auditEvents).values({ id: randomUUID(), ...event, reason });
}

