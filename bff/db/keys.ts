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

/** Every key row, published or not (each holds a private half to keep sealed). */
export async function listAllKeys(db: Tx): Promise<SigningKeyRow[]> {
  return db.select().from(signingKeys);
}

/** Replaces the stored private half of `kid` (sealing it, or sealing it again under a new KEK). */
export async function storePrivateKey(tx: Tx, kid: string, privateJwk: SigningKeyRow['privateJwk']) {
  await tx.update(signingKeys).set({ privateJwk }).where(eq(signingKeys.kid, kid));
}

export async function insertKey(tx: Tx, key: SigningKeyRow) {
  await tx.insert(signingKeys).values(key);
}

/** Retires every active key: it stops signing now and is published until `publishUntil`. */
export async function retireActiveKeys(tx: Tx, at: Date, publishUntil: Date) {
  await tx.update(signingKeys).set({ retiredAt: at, publishUntil }).where(isNull(signingKeys.retiredAt));
}

/** Whether `kid` is a key still published at `now`. */
export async function findPublishedKey(db: Tx, kid: string, now: Date) {
  return db
    .select({ kid: signingKeys.kid })
    .from(signingKeys)
    .where(and(eq(signingKeys.kid, kid), or(isNull(signingKeys.publishUntil), gt(signingKeys.publishUntil, now))))
    .get();
}
