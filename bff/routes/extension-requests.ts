// "Request more time": the grant's holder asks with a reason; the partner's administrators list
// the requests and approve (with a new expiry) or decline them, several at once, all or nothing.
import { Hono } from 'hono';
import {
  extensionDecideSchema,
  extensionRequestCreateSchema,
  extensionRequestListQuerySchema,
  type ExtensionRequestListResponse,
  type ExtensionRequestView,
} from '../../shared/access-admin';
import type { AppDeps } from '../deps';
import { decideExtensionRequest, extensionRequestsWhere, insertExtensionRequest, type ExtensionRequestWithNames } from '../db/extension-requests';
import { grantById, updateGrantAtVersion } from '../db/grant-admin';
import { holds } from '../domain/admin-permissions';
import { requireCaller, type AuthEnv } from '../middleware/auth';
import { ApiError } from '../middleware/errors';
import { validate } from '../middleware/validate';
import { isoOrNull } from './dto';
import { audit, auditRefusals, changeEvent, notFound, viewerOf, writeAll } from './grants-admin-support';
import { managingPartner } from './grants-admin-plan';

const toView = ({ request: r, user, customer }: ExtensionRequestWithNames): ExtensionRequestView => ({
  id: r.id,
  grant_id: r.grantId,
  user,
  customer,
  reason: r.reason,
  state: r.state,
  requested_at: r.requestedAt.toISOString(),
  requested_expires_at: isoOrNull(r.requestedExpiresAt),
  current_expires_at: isoOrNull(r.currentExpiresAt),
  decided_at: isoOrNull(r.decidedAt),
  decided_by: r.decidedBy,
  approved_expires_at: isoOrNull(r.approvedExpiresAt),
  note: r.note,
});

export const extensionRequestRoutes = (deps: AppDeps) =>
  new Hono<AuthEnv>()
    .use(requireCaller(deps))
    .use(auditRefusals(deps, 'extension_request'))
    .post('', validate('json', extensionRequestCreateSchema), async (c) => {
      const caller = c.get('caller');
      const body = c.req.valid('json');
      const now = deps.clock();
      const found = await grantById(deps.database.db, body.grant_id);
      // Only the grant's holder asks; anyone else's grant looks missing.
      if (!found || found.grant.userId !== caller.user.id || found.grant.revokedAt) throw notFound('grant');
      if (!found.grant.expiresAt) throw new ApiError(409, 'conflict', `your access to ${found.customer.name} is permanent: there is nothing to extend`);
      if (body.requested_expires_at && new Date(body.requested_expires_at).getTime() <= Math.max(now.getTime(), found.grant.expiresAt.getTime())) {
        throw new ApiError(400, 'invalid_request', 'requested_expires_at must be later than the current expiry and than now');
      }
      const id = await writeAll(deps, async (tx) => {
        const pending = await extensionRequestsWhere(tx, { userId: caller.user.id, state: 'pending' });
        if (pending.some((p) => p.request.grantId === found.grant.id)) throw new ApiError(409, 'conflict', `you already asked for more time in ${found.customer.name}; wait for an administrator's answer`);
        const rid = await insertExtensionRequest(tx, {
          grantId: found.grant.id, userId: caller.user.id, partnerId: found.grant.partnerId, customerId: found.grant.customerId, reason: body.reason,
          requestedAt: now, requestedExpiresAt: body.requested_expires_at ? new Date(body.requested_expires_at) : null, currentExpiresAt: found.grant.expiresAt,
        });
        await audit(tx, [changeEvent(deps, c, { action: 'extension_request.create', tenantId: found.grant.customerId, subjectUserId: caller.user.id, before: null, after: { id: rid, grant_id: found.grant.id, reason: body.reason, requested_expires_at: body.requested_expires_at ?? null } })]);
        return rid;
      });
      const [row] = await extensionRequestsWhere(deps.database.db, { ids: [id] });
      return c.json({ request: toView(row!) }, 201);
    })
    .get('', validate('query', extensionRequestListQuerySchema), async (c) => {
      const caller = c.get('caller');
      const { state } = c.req.valid('query');
      // Administrators see their partner's requests; everyone else their own.
      const filter = holds(viewerOf(c), 'Clients_Manage') ? { partnerId: caller.home.id } : { userId: caller.user.id };
      const rows = await extensionRequestsWhere(deps.database.db, { ...filter, state });
      return c.json({ requests: rows.map(toView) } satisfies ExtensionRequestListResponse, 200);
    })
    .post('/decide', validate('json', extensionDecideSchema), async (c) => {
      const partnerId = managingPartner(c);
      const { decisions } = c.req.valid('json');
      const ids = decisions.map((d) => d.id);
      if (new Set(ids).size !== ids.length) throw new ApiError(400, 'invalid_request', 'a request is decided twice');
      const now = deps.clock();
      const by = c.get('caller').user.id;
      await writeAll(deps, async (tx) => {
        const rows = new Map((await extensionRequestsWhere(tx, { partnerId, ids })).map((r) => [r.request.id, r]));
        for (const d of decisions) {
          const row = rows.get(d.id);
          if (!row) throw notFound(`extension request ${d.id}`);
          if (row.request.state !== 'pending') throw new ApiError(409, 'conflict', `extension request ${d.id} was already ${row.request.state}; nothing was applied`);
          if (d.decision === 'approve') {
            const expiresAt = new Date(d.expires_at);
            if (expiresAt.getTime() <= now.getTime()) throw new ApiError(400, 'invalid_request', `expires_at of ${d.id} is not in the future; nothing was applied`);
            const grant = (await grantById(tx, row.request.grantId))!;
            if (grant.grant.revokedAt || !(await updateGrantAtVersion(tx, grant.grant.id, grant.grant.version, { expiresAt }))) {
              throw new ApiError(409, 'conflict', `the grant of ${d.id} was removed; nothing was applied`);
            }
            await decideExtensionRequest(tx, d.id, { state: 'approved', at: now, by, approvedExpiresAt: expiresAt });
            await audit(tx, [
              changeEvent(deps, c, { action: 'grant.extend', tenantId: grant.grant.customerId, subjectUserId: grant.grant.userId, before: { id: grant.grant.id, expires_at: isoOrNull(grant.grant.expiresAt) }, after: { id: grant.grant.id, expires_at: expiresAt.toISOString() }, reason: `extension request ${d.id}: ${row.request.reason}` }),
            ]);
          } else {
            await decideExtensionRequest(tx, d.id, { state: 'declined', at: now, by, note: d.note ?? null });
          }
          await audit(tx, [
            changeEvent(deps, c, { action: `extension_request.${d.decision}`, tenantId: row.request.customerId, subjectUserId: row.request.userId, before: { id: d.id, state: 'pending' }, after: { id: d.id, state: d.decision === 'approve' ? 'approved' : 'declined' } }),
          ]);
        }
      });
      const rows = await extensionRequestsWhere(deps.database.db, { ids });
      return c.json({ requests: rows.map(toView) } satisfies ExtensionRequestListResponse, 200);
    });
