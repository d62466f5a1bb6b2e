// Relationship administration queries (issue 17): look-ups with names, versioned writes.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Tx } from './client';
import { relationships, tenants } from './schema';

export type RelationshipRow = typeof relationships.$inferSelect;
export interface RelationshipWithNames {
  relationship: RelationshipRow;
  partner: { id: string; name: string };
  customer: { id: string; name: string };
}

const partner = alias(tenants, 'partner');
const customer = alias(tenants, 'customer');
const withNames = (db: Tx) =>
  db
    .select({ relationship: relationships, partner: { id: partner.id, name: partner.name }, customer: { id: customer.id, name: customer.name } })
    .from(relationships)
    .innerJoin(partner, eq(partner.id, relationships.partnerId))
    .innerJoin(customer, eq(customer.id, relationships.customerId));

export async function relationshipById(db: Tx, id: string): Promise<RelationshipWithNames | undefined> {
  const [row] = await withNames(db).where(eq(relationships.id, id));
  return row;
}

export async function relationshipOfPair(db: Tx, partnerId: string, customerId: string): Promise<RelationshipWithNames | undefined> {
  const [row] = await withNames(db).where(and(eq(relationships.partnerId, partnerId), eq(relationships.customerId, customerId)));
  return row;
}

/** Relationships where the tenant is either side. */
export async function relationshipsOf(db: Tx, tenantId: string, state?: RelationshipRow['state']): Promise<RelationshipWithNames[]> {
  const side = or(eq(relationships.partnerId, tenantId), eq(relationships.customerId, tenantId));
  return withNames(db)
    .where(state ? and(side, eq(relationships.state, state)) : side)
    .orderBy(asc(customer.name));
}

export async function insertRelationship(tx: Tx, partnerId: string, customerId: string, at: Date): Promise<string> {
  const id = `r_${randomUUID()}`;
  await tx.insert(relationships).values({ id, partnerId, customerId, state: 'pending', requestedAt: at, version: 1 });
  return id;
}

/** Applies `set` only if the relationship is still at `version`; false when it was not. */
export async function updateRelationshipAtVersion(
  tx: Tx,
  id: string,
  version: number,
  set: Partial<Pick<RelationshipRow, 'state' | 'requestedAt' | 'approvedAt' | 'removedAt' | 'removedBy' | 'notifyOnGrantChanges'>>,
): Promise<boolean> {
  const result = await tx
    .update(relationships)
    .set({ ...set, version: sql`${relationships.version} + 1` })
    .where(and(eq(relationships.id, id), eq(relationships.version, version)));
  return result.rowsAffected === 1;
}
