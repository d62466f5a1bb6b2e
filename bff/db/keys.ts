// Signing key rows: the active key signs; retired keys stay published until `publishUntil`.
import { and, desc, eq, gt, isNull, or } from 'drizzle-orm';
import type { Tx } from './client';
import { signingKeys } from './schema';

export type SigningKeyRow = typeof signingKeys.$inferSelect;

/** Keys to publish and to verify with at `now`, newest first. */
export async function listPublishedKeys(db: Tx, now: Date): Promise<SigningKeyRow[]> {
  return db
    .select()
    .from(signingKeys)
    .where(or(isNull(signingKeys.publishUntil), gt(signingKeys.publishUntil, now)))
    .orderBy(desc(signingKeys.createdAt));
}

export async function insertKey(tx: Tx, key: SigningKeyRow) {
  await tx.insert(signingKeys).values(key);
}

/** Retires every active key: it stops signing now and is published until `publishUntil`. */
export async function retireActiveKeys(tx: Tx, at: Date, publishUntil: Date) {
  await tx.update(signingKeys).set({ retiredAt: at, publishUntil }).where(and(isNull(signingKeys.retiredAt)));
}

export async function findKey(db: Tx, kid: string) {
  return db.select().from(signingKeys).where(eq(signingKeys.kid, kid)).get();
}
