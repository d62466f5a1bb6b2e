// Audit trail: who did what to which tenant, from where, and how it ended.
import { randomUUID } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { Tx } from './client';
import { auditEvents } from './schema';

export type AuditEvent = Omit<typeof auditEvents.$inferInsert, 'id'>;

const MAX_REASON = 1000;

export async function recordAudit(tx: Tx, event: AuditEvent) {
  const reason = event.reason && event.reason.length > MAX_REASON ? `${event.reason.slice(0, MAX_REASON)}…` : event.reason;
  await tx.insert(auditEvents).values({ id: randomUUID(), ...event, reason });
}

/** Whether the user signed in successfully from `ip` since `since` (a known address). */
export async function hasSignedInFrom(db: Tx, userId: string, ip: string, since: Date): Promise<boolean> {
  const row = await db
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.actorUserId, userId),
        gt(auditEvents.at, since),
        eq(auditEvents.action, 'session.create'),
        eq(auditEvents.outcome, 'success'),
        eq(auditEvents.ip, ip),
      ),
    )
    .limit(1)
    .get();
  return !!row;
}
