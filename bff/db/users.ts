// User queries: sign-in lookups and the user's home tenant and role.
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from './client';
import { contextVersion, rememberVersion } from './context-versions';
import { hotStoreOf, preparedOnce } from './prepared';
import { prefixed, TENANT_COLUMNS, toTenantRow, toUserRow, USER_COLUMNS } from './row-mappers';
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

/** The session check's look-up (every authenticated request): one prepared statement. */
const USER_BY_ID = `select ${prefixed('u', '', USER_COLUMNS)}, ${prefixed('h', 'h_', TENANT_COLUMNS)}, m.role as m_role
  from users u join tenants h on h.id = u.home_tenant_id
  left join memberships m on m.user_id = u.id and m.tenant_id = u.home_tenant_id
  where u.id = ?`;

/**
 * Users looked up by the session check, kept per id with the context version they were read at:
 * every write to the user, their membership or any tenant moves that version (migration 0005's
 * triggers), so a hit is as fresh as a read, for one point read instead of a three-table join.
 */
const usersSeen = new WeakMap<object, Map<string, { version: string; found: UserWithHome | undefined }>>();
const MAX_USERS_SEEN = 10_000;

export async function findUserById(db: Tx, id: string): Promise<UserWithHome | undefined> {
  const hot = hotStoreOf(db);
  if (hot) {
    let seen = usersSeen.get(hot);
    if (!seen) usersSeen.set(hot, (seen = new Map()));
    const version = await contextVersion(db, id);
    let hit = seen.get(id);
    if (hit?.version !== version) {
      const row = await hot.get(USER_BY_ID, [id]);
      const found = row && { user: toUserRow(row), home: toTenantRow(row, 'h_'), role: typeof row.m_role === 'string' ? row.m_role : null };
      if (seen.size >= MAX_USERS_SEEN) seen.delete(seen.keys().next().value!);
      seen.set(id, (hit = { version, found }));
    }
    return hit.found && rememberVersion({ ...hit.found }, version);
  }
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
