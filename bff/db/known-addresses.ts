// Addresses a user signed in from, keyed like the rate limits (IPv4, or IPv6 /64): one row per pair.
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Tx } from './client';
import { preparedOnce } from './prepared';
import { knownAddresses } from './schema';

export async function isKnownAddress(db: Tx, userId: string, addressKey: string, since: Date): Promise<boolean> {
  const statement = preparedOnce(db, 'knownAddresses.byPair', () =>
    db
      .select({ userId: knownAddresses.userId })
      .from(knownAddresses)
      .where(
        and(
          eq(knownAddresses.userId, sql.placeholder('userId')),
          eq(knownAddresses.addressKey, sql.placeholder('addressKey')),
          gt(knownAddresses.lastSignInAt, sql.placeholder('since')),
        ),
      )
      .prepare(),
  );
  return !!(await statement.get({ userId, addressKey, since: since.getTime() }));
}

export async function rememberAddress(tx: Tx, userId: string, addressKey: string, at: Date) {
  await tx
    .insert(knownAddresses)
    .values({ userId, addressKey, lastSignInAt: at })
    .onConflictDoUpdate({ target: [knownAddresses.userId, knownAddresses.addressKey], set: { lastSignInAt: at } });
}
