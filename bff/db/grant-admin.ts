// Grant administration queries (issue 17): grants with their user and customer, versioned writes.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Tx } from './client';
import { accessGrants, tenants, users } from './schema';

export type GrantRow = typeof accessGrants.$inferSelect;
export interface GrantWithNames {
  grant: GrantRow;
  user: { id: string; email: string; name: string };
  customer: { id: string; name: string };
}

const withNames = (db: Tx) =>
  db
    .select({
      grant: accessGrants,
      user: { id: users.id, email: users.email, name: users.name },
      customer: { id: tenants.id, name: tenants.name },
    })
    .from(accessGrants)
    .innerJoin(users, eq(users.id, accessGrants.userId))
    .innerJoin(tenants, eq(tenants.id, accessGrants.customerId));

export async function grantById(db: Tx, id: string): Promise<GrantWithNames | undefined> {
  const [row] = await withNames(db).where(eq(accessGrants.id, id));
  return row;
}

/** Grants of one partner, unrevoked and (with `liveAt`) unexpired, optionally for some customers or users. */
export async function partnerGrants(
  db: Tx,
  partnerId: string,
  filter: { customerIds?: string[]; userIds?: string[]; liveAt?: Date },
): Promise<GrantWithNames[]> {
  const where: (SQL | undefined)[] = [eq(accessGrants.partnerId, partnerId), isNull(accessGrants.revokedAt)];
  if (filter.customerIds) where.push(inArray(accessGrants.customerId, filter.customerIds));
  if (filter.userIds) where.push(inArray(accessGrants.userId, filter.userIds));
  if (filter.liveAt) where.push(or(isNull(accessGrants.expiresAt), gt(accessGrants.expiresAt, filter.liveAt)));
  return withNames(db).where(and(...where)).orderBy(asc(tenants.name), asc(users.email));
}

/** The unrevoked grant of a user in a customer (at most one: a unique index). */
export async function unrevokedGrant(db: Tx, userId: string, customerId: string): Promise<GrantRow | undefined> {
  const [row] = await db
    .select()
    .from(accessGrants)
    .where(and(eq(accessGrants.userId, userId), eq(accessGrants.customerId, customerId), isNull(accessGrants.revokedAt)));
  return row;
}

export async function insertGrant(tx: Tx, values: Omit<typeof accessGrants.$inferInsert, 'id' | 'version'>): Promise<string> {
  const id = `g_${randomUUID()}`;
  await tx.insert(accessGrants).values({ ...values, id, version: 1 });
  return id;
}

/** Applies `set` only if the grant is still at `version` and unrevoked; false when it was not. */
export async function updateGrantAtVersion(
  tx: Tx,
  id: string,
  version: number,
  set: Partial<Pick<GrantRow, 'platformAdmin' | 'role' | 'products' | 'expiresAt' | 'revokedAt'>>,
): Promise<boolean> {
  const result = await tx
    .update(accessGrants)
    .set({ ...set, version: sql`${accessGrants.version} + 1` })
    .where(and(eq(accessGrants.id, id), eq(accessGrants.version, version), isNull(accessGrants.revokedAt)));
  return result.rowsAffected === 1;
}

/** Revokes every unrevoked grant a partner gave in a customer; returns their ids. */
export async function revokePairGrants(tx: Tx, partnerId: string, customerId: string, at: Date): Promise<GrantRow[]> {
  return tx
    .update(accessGrants)
    .set({ revokedAt: at, version: sql`${accessGrants.version} + 1` })
    .where(and(eq(accessGrants.partnerId, partnerId), eq(accessGrants.customerId, customerId), isNull(accessGrants.revokedAt)))
    .returning();
}
