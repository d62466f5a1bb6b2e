// A user created from an accepted invitation, with their role in the inviting tenant.
import type { Tx } from './client';
import { memberships, users } from './schema';

export async function addMember(tx: Tx, m: { id: string; email: string; name: string; tenantId: string; role: string; passwordHash: string; at: Date }) {
  await tx.insert(users).values({ id: m.id, email: m.email, name: m.name, homeTenantId: m.tenantId, passwordHash: m.passwordHash, createdAt: m.at });
  await tx.insert(memberships).values({ userId: m.id, tenantId: m.tenantId, role: m.role });
}
