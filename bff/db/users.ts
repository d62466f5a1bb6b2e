// User queries: sign-in lookups and the user's home tenant and role.
import { and, eq } from 'drizzle-orm';
import type { Tx } from './client';
import { memberships, tenants, users } from './schema';

export type UserRow = typeof users.$inferSelect;
export type TenantRow = typeof tenants.$inferSelect;
export interface UserWithHome {
  user: UserRow;
  home: TenantRow;
  role: string | null;
}

async function withHome(db: Tx, where: ReturnType<typeof eq>): Promise<UserWithHome | undefined> {
  const row = await db
    .select({ user: users, home: tenants, role: memberships.role })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.homeTenantId))
    .leftJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.tenantId, users.homeTenantId)))
    .where(where)
    .get();
  return row ?? undefined;
}

export const findUserById = (db: Tx, id: string) => withHome(db, eq(users.id, id));
export const findUserByEmail = (db: Tx, email: string) => withHome(db, eq(users.email, email.trim().toLowerCase()));
