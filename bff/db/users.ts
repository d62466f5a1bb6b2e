// User queries: sign-in lookups and the user's home tenant and role.
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from './client';
import { preparedOnce } from './prepared';
import { memberships, tenants, users } from './schema';
import type { TenantRow } from './tenants';

export type UserRow = typeof users.$inferSelect;
export interface UserWithHome {
  user: UserRow;
  home: TenantRow;
  role: string | null;
}

const withHome = (db: Tx) =>
  db
    .select({ user: users, home: tenants, role: memberships.role })
    .from(users)
    .innerJoin(tenants, eq(tenants.id, users.homeTenantId))
    .leftJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.tenantId, users.homeTenantId)));

export async function findUserById(db: Tx, id: string): Promise<UserWithHome | undefined> {
  const statement = preparedOnce(db, 'users.byId', () => withHome(db).where(eq(users.id, sql.placeholder('id'))).prepare());
  return (await statement.get({ id })) ?? undefined;
}

export async function findUserByEmail(db: Tx, email: string): Promise<UserWithHome | undefined> {
  const statement = preparedOnce(db, 'users.byEmail', () => withHome(db).where(eq(users.email, sql.placeholder('email'))).prepare());
  return (await statement.get({ email: email.trim().toLowerCase() })) ?? undefined;
}

/**
 * Whether the user exists and `ancestorId` is their home tenant or one of its ancestors: one row
 * whether the user exists or not, so that a user the caller may not see costs what a missing one does.
 */
export async function userIsUnder(db: Tx, userId: string, ancestorId: string): Promise<boolean> {
  const [row] = await db.all<{ under: number }>(sql`
    with recursive up(id, depth) as (
      select ${users.homeTenantId}, 0 from ${users} where ${users.id} = ${userId}
      union all
      select t.parent_id, up.depth + 1 from ${tenants} t join up on t.id = up.id where up.depth < 8
    )
    select exists(select 1 from up where id = ${ancestorId}) as under`);
  return row?.under === 1;
}
