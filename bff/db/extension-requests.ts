// "Request more time" queries (issue 17).
import { randomUUID } from 'node:crypto';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Tx } from './client';
import { extensionRequests, tenants, users } from './schema';

export type ExtensionRequestRow = typeof extensionRequests.$inferSelect;
export interface ExtensionRequestWithNames {
  request: ExtensionRequestRow;
  user: { id: string; email: string; name: string };
  customer: { id: string; name: string };
}

const withNames = (db: Tx) =>
  db
    .select({ request: extensionRequests, user: { id: users.id, email: users.email, name: users.name }, customer: { id: tenants.id, name: tenants.name } })
    .from(extensionRequests)
    .innerJoin(users, eq(users.id, extensionRequests.userId))
    .innerJoin(tenants, eq(tenants.id, extensionRequests.customerId));

export async function extensionRequestsWhere(
  db: Tx,
  filter: { partnerId?: string; userId?: string; ids?: string[]; state?: ExtensionRequestRow['state'] },
): Promise<ExtensionRequestWithNames[]> {
  const where = [
    filter.partnerId ? eq(extensionRequests.partnerId, filter.partnerId) : undefined,
    filter.userId ? eq(extensionRequests.userId, filter.userId) : undefined,
    filter.ids ? inArray(extensionRequests.id, filter.ids) : undefined,
    filter.state ? eq(extensionRequests.state, filter.state) : undefined,
  ];
  return withNames(db).where(and(...where)).orderBy(desc(extensionRequests.requestedAt), desc(extensionRequests.id));
}

export async function insertExtensionRequest(tx: Tx, values: Omit<typeof extensionRequests.$inferInsert, 'id' | 'state'>): Promise<string> {
  const id = `x_${randomUUID()}`;
  await tx.insert(extensionRequests).values({ ...values, id, state: 'pending' });
  return id;
}

/** Decides a pending request; false when it was no longer pending. */
export async function decideExtensionRequest(
  tx: Tx,
  id: string,
  decision: { state: 'approved' | 'declined'; at: Date; by: string; approvedExpiresAt?: Date | null; note?: string | null },
): Promise<boolean> {
  const result = await tx
    .update(extensionRequests)
    .set({ state: decision.state, decidedAt: decision.at, decidedBy: decision.by, approvedExpiresAt: decision.approvedExpiresAt ?? null, note: decision.note ?? null })
    .where(and(eq(extensionRequests.id, id), eq(extensionRequests.state, 'pending')));
  return result.rowsAffected === 1;
}

/** Declines every pending request of these grants (their grant ended). */
export async function declinePendingForGrants(tx: Tx, grantIds: string[], at: Date, by: string, note: string): Promise<void> {
  if (grantIds.length === 0) return;
  await tx
    .update(extensionRequests)
    .set({ state: 'declined', decidedAt: at, decidedBy: by, note })
    .where(and(inArray(extensionRequests.grantId, grantIds), eq(extensionRequests.state, 'pending')));
}
