// GET /v1/partners/:partnerId/users[/:userId] (seed 003's Users tab): each partner user with their
// customers, Platform Administrator, products, last access and permanent or time-limited access.
import { Hono } from 'hono';
import { partnerParamSchema, partnerUserParamSchema, userListQuerySchema, type UserListResponse, type UserRow } from '../../shared/access-admin';
import type { AppDeps } from '../deps';
import { listPartnerUsers } from '../db/access-views';
import { partnerGrants } from '../db/grant-admin';
import type { Tx } from '../db/client';
import { encodeCursor } from '../domain/keyset-cursor';
import { requireCaller, type AuthEnv } from '../middleware/auth';
import { validate } from '../middleware/validate';
import { afterCursor, auditRefusals, notFound, visiblePartner } from './grants-admin-support';
import { toGrantView } from './grants-admin-dto';

const DEFAULT_LIMIT = 50;

async function withGrants(db: Tx, partnerId: string, now: Date, users: { id: string; email: string; name: string; role: string | null }[]): Promise<UserRow[]> {
  const grants = users.length ? await partnerGrants(db, partnerId, { userIds: users.map((u) => u.id), liveAt: now }) : [];
  return users.map((u) => {
    const own = grants.filter((g) => g.user.id === u.id);
    const last = own.map((g) => g.grant.lastAccessAt?.getTime() ?? 0).reduce((a, b) => Math.max(a, b), 0);
    return { ...u, grants: own.map((g) => toGrantView(g, now)), last_access_at: last ? new Date(last).toISOString() : null };
  });
}

export const userViewRoutes = (deps: AppDeps) =>
  new Hono<AuthEnv>()
    .use(requireCaller(deps))
    .use(auditRefusals(deps, 'user'))
    .get('', validate('param', partnerParamSchema), validate('query', userListQuerySchema), async (c) => {
      const { partnerId } = c.req.valid('param');
      await visiblePartner(deps, c, partnerId);
      const query = c.req.valid('query');
      const limit = query.limit ?? DEFAULT_LIMIT;
      const now = deps.clock();
      const rows = await listPartnerUsers(deps.database.db, partnerId, now, {
        q: query.q,
        platformAdmin: query.platform_admin === undefined ? undefined : query.platform_admin === 'true',
        access: query.access,
        customerId: query.customer_id,
        after: afterCursor(query.cursor),
        limit: limit + 1,
      });
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      const users = await withGrants(deps.database.db, partnerId, now, page);
      return c.json({ users, next_cursor: rows.length > limit && last ? encodeCursor([last.email, last.id]) : null } satisfies UserListResponse, 200);
    })
    .get('/:userId', validate('param', partnerUserParamSchema), async (c) => {
      const { partnerId, userId } = c.req.valid('param');
      await visiblePartner(deps, c, partnerId);
      const now = deps.clock();
      const rows = await listPartnerUsers(deps.database.db, partnerId, now, { userId, limit: 1 });
      if (!rows.length) throw notFound('user');
      const [user] = await withGrants(deps.database.db, partnerId, now, rows);
      return c.json({ user: user! }, 200);
    });
