// Audit trail: who did what to which tenant, from where, and how it ended.
import { randomUUID } from 'node:crypto';
import type { Tx } from './client';
import type { Statement } from './hot-store';
import { auditEvents } from './schema';

export type AuditEvent = Omit<typeof auditEvents.$inferInsert, 'id'>;

const MAX_REASON = 1000;

const bounded = (reason: string | null | undefined) => (reason && reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON)}…` : reason);

export async function recordAudit(tx: Tx, event: AuditEvent) {
  await tx.insert(auditEvents).values({ id: randomUUID(), ...event, reason: bounded(event.reason) });
}

/**
 * The audit row as one raw statement for a write batch (bff/db/hot-store.ts), inserted only when
 * `condition` (SQL, e.g. `changes() = 1`: the batch's previous statement changed its row) holds.
 */
export function auditStatement(event: AuditEvent, condition = '1'): Statement {
  const at = event.at instanceof Date ? event.at.getTime() : Number(event.at);
  return {
    sql: `insert into audit_events (id, at, action, outcome, actor_user_id, tenant_id, ip, reason, detail) select ?, ?, ?, ?, ?, ?, ?, ?, ? where ${condition}`,
    args: [randomUUID(), at, event.action, event.outcome, event.actorUserId ?? null, event.tenantId ?? null, event.ip ?? null, bounded(event.reason) ?? null, event.detail ? JSON.stringify(event.detail) : null],
  };
}

