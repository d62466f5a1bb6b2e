// Grants (seed 003): assign users to customers in bulk (all or nothing), quick add, edit, extend,
// remove; every edit previewable as the BFF's change summary; stale edits answered 409 with the
// current grant.
import { Hono, type Context } from 'hono';
import {
  bulkAssignSchema,
  grantEditSchema,
  grantExtendSchema,
  grantRemoveSchema,
  idParamSchema,
  type BulkAssignResponse,
  type ChangeSummaryResponse,
  type GrantResponse,
  type GrantView,
} from '../../shared/access-admin';
import type { AppDeps } from '../deps';
import { declinePendingForGrants } from '../db/extension-requests';
import { grantById, insertGrant, updateGrantAtVersion, type GrantWithNames } from '../db/grant-admin';
import type { Terms } from '../domain/grant-change-summary';
import { requireCaller, type AuthEnv } from '../middleware/auth';
import { ApiError } from '../middleware/errors';
import { validate } from '../middleware/validate';
import { audit, auditRefusals, changeEvent, conflictBody, StaleVersion, writeAll } from './grants-admin-support';
import { toChangeSummary, termsOf, toGrantView } from './grants-admin-dto';
import { managingPartner, planAssignment, planEdit, visibleGrant } from './grants-admin-plan';

const wireTerms = (t: Terms) => ({ platform_admin: t.platformAdmin, role: t.role, products: [...t.products], expires_at: t.expiresAt?.toISOString() ?? null });

/** Applies a versioned change to one grant; a stale version (or a revoked grant) is a 409 with the grant as it is now. */
async function changeGrant(
  deps: AppDeps,
  c: Context<AuthEnv>,
  found: GrantWithNames,
  version: number,
  action: 'grant.edit' | 'grant.extend' | 'grant.revoke',
  next: Terms | null,
) {
  const { grant } = found;
  const now = deps.clock();
  const summary = toChangeSummary({ user: found.user, customer: found.customer, grantId: grant.id }, termsOf(grant), next);
  try {
    await writeAll(deps, async (tx) => {
      const set = next ? { platformAdmin: next.platformAdmin, role: next.role, products: [...next.products], expiresAt: next.expiresAt } : { revokedAt: now };
      if (!(await updateGrantAtVersion(tx, grant.id, version, set))) throw new StaleVersion(grant.id);
      if (!next) await declinePendingForGrants(tx, [grant.id], now, c.get('caller').user.id, 'the grant was removed');
      await audit(tx, [
        changeEvent(deps, c, { action, tenantId: grant.customerId, subjectUserId: grant.userId, before: { id: grant.id, ...wireTerms(termsOf(grant)) }, after: next ? { id: grant.id, ...wireTerms(next) } : null }),
      ]);
    });
  } catch (err) {
    if (!(err instanceof StaleVersion)) throw err;
    const current = (await grantById(deps.database.db, grant.id))!;
    const why = current.grant.revokedAt ? 'the grant was removed' : 'the grant changed since you read it';
    return c.json(conflictBody(`${why}; review the current state and retry`, toGrantView(current, now)), 409);
  }
  const fresh = (await grantById(deps.database.db, grant.id))!;
  return c.json({ grant: toGrantView(fresh, now), summary } satisfies GrantResponse, 200);
}

/** A stale version answers 409 before any work, with the grant as it is. */
function staleAnswer(c: Context<AuthEnv>, deps: AppDeps, found: GrantWithNames, version: number) {
  if (found.grant.version === version && !found.grant.revokedAt) return null;
  const why = found.grant.revokedAt ? 'the grant was removed' : 'the grant changed since you read it';
  return c.json(conflictBody(`${why}; review the current state and retry`, toGrantView(found, deps.clock())), 409);
}

export const grantAdminRoutes = (deps: AppDeps) =>
  new Hono<AuthEnv>()
    .use(requireCaller(deps))
    .use(auditRefusals(deps, 'grant'))
    .post('/preview', validate('json', bulkAssignSchema), async (c) => {
      const partnerId = managingPartner(c);
      const pairs = await planAssignment(deps, deps.database.db, partnerId, c.req.valid('json'));
      return c.json({ summaries: pairs.map((p) => p.summary) } satisfies ChangeSummaryResponse, 200);
    })
    .post('/', validate('json', bulkAssignSchema), async (c) => {
      const partnerId = managingPartner(c);
      const body = c.req.valid('json');
      const callerId = c.get('caller').user.id;
      // Planned and written in one transaction: a pair failing half-way leaves nothing applied.
      const { ids, summaries } = await writeAll(deps, async (tx) => {
        const pairs = await planAssignment(deps, tx, partnerId, body);
        const now = deps.clock();
        const created: string[] = [];
        for (const pair of pairs) {
          if (pair.summary.original) {
            throw new ApiError(409, 'conflict', `${pair.user.email} already has access to ${pair.customer.name} (grant ${pair.summary.grant_id}); edit that grant instead. Nothing was applied.`);
          }
          if (pair.expired) await updateGrantAtVersion(tx, pair.expired.id, pair.expired.version, { revokedAt: now });
          const id = await insertGrant(tx, {
            userId: pair.user.id, partnerId, customerId: pair.customer.id, platformAdmin: pair.terms.platformAdmin, role: pair.terms.role,
            products: [...pair.terms.products], expiresAt: pair.terms.expiresAt, grantedBy: callerId, grantedAt: now,
          });
          created.push(id);
          await audit(tx, [changeEvent(deps, c, { action: 'grant.assign', tenantId: pair.customer.id, subjectUserId: pair.user.id, before: null, after: { id, ...wireTerms(pair.terms) } })]);
        }
        return { ids: created, summaries: pairs.map((p) => p.summary) };
      });
      const now = deps.clock();
      const grants: GrantView[] = [];
      for (const id of ids) grants.push(toGrantView((await grantById(deps.database.db, id))!, now));
      return c.json({ grants, summaries } satisfies BulkAssignResponse, 201);
    })
    .get('/:id', validate('param', idParamSchema), async (c) => {
      const partnerId = c.get('caller').home.id;
      const found = await visibleGrant(deps.database.db, partnerId, c.req.valid('param').id);
      return c.json({ grant: toGrantView(found, deps.clock()) }, 200);
    })
    .post('/:id/preview', validate('param', idParamSchema), validate('json', grantEditSchema), async (c) => {
      const partnerId = managingPartner(c);
      const found = await visibleGrant(deps.database.db, partnerId, c.req.valid('param').id);
      const { version, ...edit } = c.req.valid('json');
      const stale = staleAnswer(c, deps, found, version);
      if (stale) return stale;
      const { summary } = await planEdit(deps, deps.database.db, found, edit);
      return c.json({ summaries: [summary] } satisfies ChangeSummaryResponse, 200);
    })
    .patch('/:id', validate('param', idParamSchema), validate('json', grantEditSchema), async (c) => {
      const partnerId = managingPartner(c);
      const found = await visibleGrant(deps.database.db, partnerId, c.req.valid('param').id);
      const { version, ...edit } = c.req.valid('json');
      const stale = staleAnswer(c, deps, found, version);
      if (stale) return stale;
      const { terms } = await planEdit(deps, deps.database.db, found, edit);
      return changeGrant(deps, c, found, version, 'grant.edit', terms);
    })
    .post('/:id/extend', validate('param', idParamSchema), validate('json', grantExtendSchema), async (c) => {
      const partnerId = managingPartner(c);
      const found = await visibleGrant(deps.database.db, partnerId, c.req.valid('param').id);
      const { version, duration } = c.req.valid('json');
      const stale = staleAnswer(c, deps, found, version);
      if (stale) return stale;
      const { terms } = await planEdit(deps, deps.database.db, found, { duration });
      return changeGrant(deps, c, found, version, 'grant.extend', terms);
    })
    .delete('/:id', validate('param', idParamSchema), validate('json', grantRemoveSchema), async (c) => {
      const partnerId = managingPartner(c);
      const found = await visibleGrant(deps.database.db, partnerId, c.req.valid('param').id);
      const { version } = c.req.valid('json');
      const stale = staleAnswer(c, deps, found, version);
      if (stale) return stale;
      return changeGrant(deps, c, found, version, 'grant.revoke', null);
    });
