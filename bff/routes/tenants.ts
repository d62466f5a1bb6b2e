// GET /v1/tenants/:tenantId/entitlements: packages, add-ons and permission sets, with where each came from.
import { Hono } from 'hono';
import { tenantParamSchema, type EntitlementsResponse } from '../../shared/entitlements';
import type { AppDeps } from '../deps';
import type { LoadedFacts } from '../db/access-facts';
import { callerAccessReads } from '../db/caller-access-reads';
import { resolveEntry } from '../domain/access';
import type { Entitlement } from '../domain/entitlements';
import { canSeeTenant, mayBeVisible } from '../domain/visibility';
import { requireCaller } from '../middleware/auth';
import { ApiError } from '../middleware/errors';
import { validate } from '../middleware/validate';
import { toTenantSummary, toViewer } from './dto';

const NOT_FOUND = 'no such tenant, or no access to it';

const toWire = ({ decidedBy, ...e }: Entitlement) => ({ ...e, decided_by: decidedBy });

const bodies = new WeakMap<LoadedFacts, string>();
/** The answer's JSON up to (not including) `evaluated_at`: `{"tenant":…,"permission_sets":[…],` */
function bodyWithoutTime(loaded: LoadedFacts): string {
  let body = bodies.get(loaded);
  if (body === undefined) {
    const { entitlements } = loaded;
    const answer: Omit<EntitlementsResponse, 'evaluated_at'> = {
      tenant: toTenantSummary(loaded.facts.tenant),
      packages: entitlements.packages.map(toWire),
      addons: entitlements.addons.map(({ package: pkg, ...e }) => ({ ...toWire(e), package: pkg })),
      permission_sets: entitlements.permissionSets.map(({ package: pkg, ...e }) => ({ ...toWire(e), package: pkg })),
    };
    bodies.set(loaded, (body = `${JSON.stringify(answer).slice(0, -1)},`));
  }
  return body;
}

export const tenantRoutes = (deps: AppDeps) =>
  new Hono().use(requireCaller(deps)).get('/:tenantId/entitlements', validate('param', tenantParamSchema), async (c) => {
    const caller = c.get('caller');
    const { tenantId } = c.req.valid('param');
    const now = deps.clock();
    const db = deps.database.db;
    const viewer = toViewer(caller);
    // Visibility first, from where the tenant sits: a foreign tenant's data is never read, so it
    // costs exactly what a missing one does (same two look-ups, same one-row answers).
    // Kept per (caller, tenant) while the caller's context version stands (db/caller-access-reads.ts).
    const reads = await callerAccessReads(db, caller, tenantId);
    if (!mayBeVisible(viewer, tenantId, reads.placement, reads.ownGrant?.partnerId ?? null)) throw new ApiError(404, 'not_found', NOT_FOUND);
    const loaded = await reads.facts();
    // A grant shows its customer only while it lets the caller in: an expired one shows nothing more.
    const entersNow = !!loaded && resolveEntry(loaded.facts, now).allowed;
    if (!loaded || !canSeeTenant(viewer, loaded.chain.map((t) => t.id), entersNow)) throw new ApiError(404, 'not_found', NOT_FOUND);
    // Everything but the time is a function of the kept facts: serialised once per facts object.
    return c.body(`${bodyWithoutTime(loaded)}"evaluated_at":${JSON.stringify(now.toISOString())}}`, 200, { 'Content-Type': 'application/json' });
  });
