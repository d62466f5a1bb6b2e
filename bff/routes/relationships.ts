// Partner-managed customer relationships (seed 003): the partner asks, the customer's Platform
// Administrator approves, either side removes (ending every grant under it at once), and the
// customer chooses whether to be notified of grant changes.
import { Hono, type Context } from 'hono';
import {
  idParamSchema,
  relationshipApproveSchema,
  relationshipListQuerySchema,
  relationshipNotificationsSchema,
  relationshipRemoveSchema,
  relationshipRequestSchema,
  type RelationshipListResponse,
  type RelationshipResponse,
} from '../../shared/access-admin';
import type { AppDeps } from '../deps';
import type { Tx } from '../db/client';
import { revokePairGrants } from '../db/grant-admin';
import { declinePendingForGrants } from '../db/extension-requests';
import { insertRelationship, relationshipById, relationshipOfPair, relationshipsOf, updateRelationshipAtVersion, type RelationshipWithNames } from '../db/relationship-admin';
import { tenantChain } from '../db/tenants';
import { requireCaller, type AuthEnv } from '../middleware/auth';
import { validate } from '../middleware/validate';
import { audit, auditRefusals, changeEvent, conflictBody, notFound, requirePermission, StaleVersion, viewerOf, writeAll } from './grants-admin-support';
import { toRelationshipView } from './grants-admin-dto';

type Side = 'partner' | 'customer';

/** Which side of the relationship the caller stands on, or 404 when neither. */
async function loadVisible(deps: AppDeps, c: Context<AuthEnv>, id: string): Promise<{ row: RelationshipWithNames; side: Side }> {
  const row = await relationshipById(deps.database.db, id);
  const home = c.get('caller').home.id;
  if (row?.relationship.partnerId === home) return { row, side: 'partner' };
  if (row?.relationship.customerId === home) return { row, side: 'customer' };
  throw notFound('relationship');
}

/** The permission each side needs to act: Clients_Manage for the partner, Platform Administrator for the customer. */
function requireSide(c: Context<AuthEnv>, side: Side, row: RelationshipWithNames) {
  if (side === 'partner') requirePermission(viewerOf(c), ['Clients_Manage'], row.partner.name);
  else requirePermission(viewerOf(c), ['Platform Administrator'], row.customer.name);
}

/** Runs a versioned change; a stale version answers 409 with the relationship as it is now. */
async function versioned(deps: AppDeps, c: Context<AuthEnv>, id: string, fn: (tx: Tx) => Promise<string[]>) {
  try {
    const revoked = await writeAll(deps, fn);
    const fresh = (await relationshipById(deps.database.db, id))!;
    return c.json({ relationship: toRelationshipView(fresh), revoked_grant_ids: revoked } satisfies RelationshipResponse, 200);
  } catch (err) {
    if (!(err instanceof StaleVersion)) throw err;
    const current = (await relationshipById(deps.database.db, id))!;
    return c.json(conflictBody('the relationship changed since you read it; review the current state and retry', toRelationshipView(current)), 409);
  }
}

export const relationshipRoutes = (deps: AppDeps) =>
  new Hono<AuthEnv>()
    .use(requireCaller(deps))
    .use(auditRefusals(deps, 'relationship'))
    .get('/', validate('query', relationshipListQuerySchema), async (c) => {
      const viewer = viewerOf(c);
      requirePermission(viewer, viewer.homeKind === 'client' ? ['Platform Administrator'] : ['Clients_View', 'MSP_View']);
      const rows = await relationshipsOf(deps.database.db, viewer.homeTenantId, c.req.valid('query').state);
      return c.json({ relationships: rows.map(toRelationshipView) } satisfies RelationshipListResponse, 200);
    })
    .post('/', validate('json', relationshipRequestSchema), async (c) => {
      const viewer = viewerOf(c);
      const { customer_id } = c.req.valid('json');
      const chain = await tenantChain(deps.database.db, customer_id);
      const customer = chain[chain.length - 1];
      // Only a partner's own clients exist for it here; anything else looks missing.
      if (!customer || customer.kind !== 'client' || customer.parentId !== viewer.homeTenantId) throw notFound('customer');
      requirePermission(viewer, ['Clients_Manage'], c.get('caller').home.name);
      const now = deps.clock();
      const existing = await relationshipOfPair(deps.database.db, viewer.homeTenantId, customer_id);
      if (existing && existing.relationship.state !== 'removed') {
        return c.json(conflictBody(`a relationship with ${customer.name} is already ${existing.relationship.state}`, toRelationshipView(existing)), 409);
      }
      const id = await writeAll(deps, async (tx) => {
        let rid = existing?.relationship.id;
        if (existing) {
          const ok = await updateRelationshipAtVersion(tx, existing.relationship.id, existing.relationship.version, {
            state: 'pending', requestedAt: now, approvedAt: null, removedAt: null, removedBy: null,
          });
          if (!ok) throw new StaleVersion(existing.relationship.id);
        } else rid = await insertRelationship(tx, viewer.homeTenantId, customer_id, now);
        const after = (await relationshipById(tx, rid!))!;
        await audit(tx, [changeEvent(deps, c, { action: 'relationship.request', tenantId: customer_id, before: existing ? toRelationshipView(existing) : null, after: toRelationshipView(after) })]);
        return rid!;
      });
      const row = (await relationshipById(deps.database.db, id))!;
      return c.json({ relationship: toRelationshipView(row), revoked_grant_ids: [] } satisfies RelationshipResponse, 201);
    })
    .post('/:id/approve', validate('param', idParamSchema), validate('json', relationshipApproveSchema), async (c) => {
      const { id } = c.req.valid('param');
      const { row, side } = await loadVisible(deps, c, id);
      // Only the managed customer approves (seed 003).
      requireSide(c, 'customer', row);
      void side;
      return versioned(deps, c, id, async (tx) => {
        const { version } = c.req.valid('json');
        const current = (await relationshipById(tx, id))!;
        if (current.relationship.version !== version || current.relationship.state !== 'pending') throw new StaleVersion(id);
        await updateRelationshipAtVersion(tx, id, version, { state: 'approved', approvedAt: deps.clock(), removedAt: null, removedBy: null });
        const after = (await relationshipById(tx, id))!;
        await audit(tx, [changeEvent(deps, c, { action: 'relationship.approve', tenantId: row.customer.id, before: toRelationshipView(current), after: toRelationshipView(after) })]);
        return [];
      });
    })
    .delete('/:id', validate('param', idParamSchema), validate('json', relationshipRemoveSchema), async (c) => {
      const { id } = c.req.valid('param');
      const { row, side } = await loadVisible(deps, c, id);
      requireSide(c, side, row);
      return versioned(deps, c, id, async (tx) => {
        const { version } = c.req.valid('json');
        const current = (await relationshipById(tx, id))!;
        if (current.relationship.version !== version || current.relationship.state === 'removed') throw new StaleVersion(id);
        const now = deps.clock();
        await updateRelationshipAtVersion(tx, id, version, { state: 'removed', removedAt: now, removedBy: side });
        // Removal ends every grant under it at once; introspection then answers inactive for their tokens.
        const revoked = await revokePairGrants(tx, row.relationship.partnerId, row.relationship.customerId, now);
        await declinePendingForGrants(tx, revoked.map((g) => g.id), now, c.get('caller').user.id, 'the relationship was removed');
        const after = (await relationshipById(tx, id))!;
        await audit(tx, [
          changeEvent(deps, c, { action: 'relationship.remove', tenantId: row.customer.id, before: toRelationshipView(current), after: toRelationshipView(after), extra: { revoked_grant_ids: revoked.map((g) => g.id) } }),
          ...revoked.map((g) =>
            changeEvent(deps, c, { action: 'grant.revoke', tenantId: g.customerId, subjectUserId: g.userId, before: { id: g.id, revoked_at: null }, after: { id: g.id, revoked_at: now.toISOString() }, reason: 'relationship removed' }),
          ),
        ]);
        return revoked.map((g) => g.id);
      });
    })
    .patch('/:id/notifications', validate('param', idParamSchema), validate('json', relationshipNotificationsSchema), async (c) => {
      const { id } = c.req.valid('param');
      const { row } = await loadVisible(deps, c, id);
      requireSide(c, 'customer', row);
      return versioned(deps, c, id, async (tx) => {
        const { version, notify_on_grant_changes } = c.req.valid('json');
        const current = (await relationshipById(tx, id))!;
        if (!(await updateRelationshipAtVersion(tx, id, version, { notifyOnGrantChanges: notify_on_grant_changes }))) throw new StaleVersion(id);
        const after = (await relationshipById(tx, id))!;
        await audit(tx, [changeEvent(deps, c, { action: 'relationship.notifications', tenantId: row.customer.id, before: toRelationshipView(current), after: toRelationshipView(after) })]);
        return [];
      });
    });
