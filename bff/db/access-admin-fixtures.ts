// Test fixtures of access administration: a customer's own Platform Administrator and a fresh
// client of a partner with no relationship yet (the demo seed has neither).
import { hashPassword } from '../auth/passwords';
import type { Database } from './client';
import { DEMO_PASSWORD } from './seed';
import { memberships, tenants, users } from './schema';

let hash: Promise<string> | undefined;

/** A user of `tenantId` whose home role is Platform Administrator; signs in with the demo password. */
export const addCustomerAdmin = (database: Database, tenantId: string, email: string, at: Date) => addUser(database, tenantId, email, 'platform_administrator', at);

/** A user of `tenantId` with `role` at home; signs in with the demo password. */
export async function addUser(database: Database, tenantId: string, email: string, role: string, at: Date): Promise<string> {
  hash ??= hashPassword(DEMO_PASSWORD);
  const id = `u_${email.replace(/[^a-z0-9]/gi, '_')}`;
  const passwordHash = await hash;
  await database.write(async (tx) => {
    await tx.insert(users).values({ id, email, name: `Admin of ${tenantId}`, homeTenantId: tenantId, passwordHash, createdAt: at });
    await tx.insert(memberships).values({ userId: id, tenantId, role });
  });
  return id;
}

/** A client of `partnerId` with no relationship and no grants. */
export async function addClient(database: Database, partnerId: string, id: string, name: string, at: Date): Promise<void> {
  await database.write((tx) => tx.insert(tenants).values({ id, kind: 'client', parentId: partnerId, name, country: 'US', timezone: 'America/Chicago', createdAt: at }));
}
