// Access grants, relationships and recents: the facts behind switching and role resolution.
import { aliasedTable, and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from './client';
import { accessGrants, recents, relationships, tenants } from './schema';

export type GrantRow = typeof accessGrants.$inferSelect;
export type RelationshipRow = typeof relationships.$inferSelect;

/** The grant that decides access: the live one, else the most recently revoked. */
export async function findDecidingGrant(db: Tx, userId: string, customerId: string): Promise<GrantRow | undefined> {
  return db
    .select()
    .from(accessGrants)
    .where(and(eq(accessGrants.userId, userId), eq(accessGrants.customerId, customerId)))
    .orderBy(sql`${accessGrants.revokedAt} is not null`, desc(accessGrants.grantedAt))
    .limit(1)
    .get();
}

export async function findGrant(db: Tx, grantId: string): Promise<GrantRow | undefined> {
  return db.select().from(accessGrants).where(eq(accessGrants.id, grantId)).get();
}

export async function findRelationship(db: Tx, partnerId: string, customerId: string): Promise<RelationshipRow | undefined> {
  return db
    .select()
    .from(relationships)
    .where(and(eq(relationships.partnerId, partnerId), eq(relationships.customerId, customerId)))
    .get();
}

const partnerTenants = aliasedTable(tenants, 'partner');

/** Every live grant of a user with its customer, partner and relationship: one indexed query. */
export async function listLiveGrants(db: Tx, userId: string) {
  return db
    .select({
      grant: accessGrants,
      customer: { id: tenants.id, name: tenants.name, kind: tenants.kind, status: tenants.status },
      partner: { id: partnerTenants.id, name: partnerTenants.name, kind: partnerTenants.kind, status: partnerTenants.status },
      relationship: {
        id: relationships.id,
        state: relationships.state,
        removedAt: relationships.removedAt,
        removedBy: relationships.removedBy,
      },
    })
    .from(accessGrants)
    .innerJoin(tenants, eq(tenants.id, accessGrants.customerId))
    .innerJoin(partnerTenants, eq(partnerTenants.id, accessGrants.partnerId))
    .leftJoin(
      relationships,
      and(eq(relationships.partnerId, accessGrants.partnerId), eq(relationships.customerId, accessGrants.customerId)),
    )
    .where(and(eq(accessGrants.userId, userId), isNull(accessGrants.revokedAt)))
    .orderBy(tenants.name);
}

export async function listRecents(db: Tx, userId: string, limit: number) {
  return db
    .select({ tenantId: recents.tenantId, switchedAt: recents.switchedAt })
    .from(recents)
    .where(eq(recents.userId, userId))
    .orderBy(desc(recents.switchedAt))
    .limit(limit);
}

/** Records a switch: the grant's last access time and the user's recents. */
export async function recordSwitch(tx: Tx, grant: { id: string; userId: string; customerId: string }, at: Date) {
  await tx.update(accessGrants).set({ lastAccessAt: at }).where(eq(accessGrants.id, grant.id));
  await tx
    .insert(recents)
    .values({ userId: grant.userId, tenantId: grant.customerId, switchedAt: at })
    .onConflictDoUpdate({ target: [recents.userId, recents.tenantId], set: { switchedAt: at } });
}

export async function revokeGrant(tx: Tx, grantId: string, at: Date) {
  await tx.update(accessGrants).set({ revokedAt: at }).where(and(eq(accessGrants.id, grantId), isNull(accessGrants.revokedAt)));
}

export async function setRelationshipState(
  tx: Tx,
  partnerId: string,
  customerId: string,
  change: { state: RelationshipRow['state']; at: Date; by?: 'partner' | 'customer' },
) {
  const set =
    change.state === 'approved'
      ? { state: change.state, approvedAt: change.at, removedAt: null, removedBy: null }
      : change.state === 'removed'
        ? { state: change.state, removedAt: change.at, removedBy: change.by ?? 'partner' }
        : { state: change.state };
  await tx.update(relationships).set(set).where(and(eq(relationships.partnerId, partnerId), eq(relationships.customerId, customerId)));
}
