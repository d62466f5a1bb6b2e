// GET /v1/access/explain: allow or deny, the effective permissions, and the chain of reasons.
import { Hono } from 'hono';
import { explainQuerySchema, type ExplainQuery, type ExplainResponse } from '../../shared/access-explain';
import type { AppDeps } from '../deps';
import { loadAccessFacts, type LoadedFacts } from '../db/access-facts';
import { callerAccessReads } from '../db/caller-access-reads';
import { tenantChain, tenantPlacement } from '../db/tenants';
import { findUserById, userIsUnder } from '../db/users';
import { isDelegatedGrant, resolveAccess } from '../domain/access';
import { canExplainFor, canSeeTenant, mayBeVisible, mayExplainForOthers } from '../domain/visibility';
import { requireCaller } from '../middleware/auth';
import { ApiError } from '../middleware/errors';
import { validate } from '../middleware/validate';
import { isoOrNull, toTenantSummary, toViewer } from './dto';

const UNKNOWN_TENANT = 'no such tenant, or no access to it';

interface Decided {
  fromMs: number;
  untilMs: number;
  head: string;
  tail: string;
}
const decided = new WeakMap<LoadedFacts, Map<string, Decided>>();

/** The answer's JSON around `evaluated_at`'s value, for a visible tenant. */
function decidedBody(loaded: LoadedFacts, user: ExplainResponse['user'], permission: string | null, now: Date, asked: ExplainQuery['permission']): [string, string] {
  const t = now.getTime();
  let byPermission = decided.get(loaded);
  if (!byPermission) decided.set(loaded, (byPermission = new Map()));
  const hit = byPermission.get(permission ?? '');
  if (hit && hit.fromMs <= t && t < hit.untilMs) return [hit.head, hit.tail];
  // The decision changes with time only when the grant's revocation or expiry comes into force.
  const grantFact = loaded.facts.grant;
  const boundaries = [grantFact?.revokedAt?.getTime(), grantFact?.expiresAt?.getTime()].filter((b): b is number => b !== undefined);
  const fromMs = Math.max(-Infinity, ...boundaries.filter((b) => b <= t));
  const untilMs = Math.min(Infinity, ...boundaries.filter((b) => b > t));
  const decision = resolveAccess(loaded.facts, loaded.entitlements, now, asked);
  const grant = decision.via === 'grant' ? grantFact : null;
  const rest: Omit<ExplainResponse, 'user' | 'permission' | 'evaluated_at'> = {
    decision: decision.allowed ? 'allow' : 'deny',
    summary: decision.summary,
    tenant: toTenantSummary(loaded.facts.tenant),
    via: decision.via,
    role: decision.role,
    platform_admin: decision.platformAdmin,
    grant: grant ? { id: grant.id, expires_at: isoOrNull(grant.expiresAt), revoked_at: isoOrNull(grant.revokedAt), products: [...grant.products] } : null,
    effective_permissions: decision.effectivePermissions,
    reasons: decision.reasons,
  };
  const entry = {
    fromMs,
    untilMs,
    head: `${JSON.stringify({ user, permission }).slice(0, -1)},"evaluated_at":`,
    tail: `,${JSON.stringify(rest).slice(1)}`,
  };
  byPermission.set(permission ?? '', entry);
  return [entry.head, entry.tail];
}

export const accessRoutes = (deps: AppDeps) =>
  new Hono().use(requireCaller(deps)).get('/explain', validate('query', explainQuerySchema), async (c) => {
    const caller = c.get('caller');
    const query = c.req.valid('query');
    const db = deps.database.db;
    const now = deps.clock();
    const viewer = toViewer(caller);

    const subjectId = query.user ?? caller.user.id;
    // Who may be resolved for is decided before the user is read: a user the caller may not see
    // costs exactly what a missing one does (nothing for most callers, one one-row look-up for support staff).
    const mayResolve = subjectId === caller.user.id || (mayExplainForOthers(viewer) && (await userIsUnder(db, subjectId, caller.home.id)));
    const subject = !mayResolve ? undefined : subjectId === caller.user.id ? caller : await findUserById(db, subjectId);
    const subjectChain = !subject || subject === caller ? [] : (await tenantChain(db, subject.user.homeTenantId)).map((t) => t.id);
    if (!subject || !canExplainFor(viewer, subject.user.id, subjectChain)) {
      throw new ApiError(404, 'not_found', 'no such user, or you may not resolve access for them');
    }

    // The tenant likewise: where it sits and the caller's own grant there decide whether its data is read at all.
    // For the caller themself, kept per (caller, tenant) while their context version stands (db/caller-access-reads.ts).
    const own = subject === caller ? await callerAccessReads(db, caller, query.tenant) : undefined;
    const placement = own ? own.placement : await tenantPlacement(db, query.tenant, caller.home.id);
    const visiblePlace = mayBeVisible(viewer, query.tenant, placement, own?.ownGrant?.partnerId ?? null);
    const loaded = !visiblePlace ? undefined : own ? await own.facts() : await loadAccessFacts(db, subject, query.tenant);
    // A grant reveals its tenant to its own holder, and only when it is a real delegation.
    const callerHoldsGrant = subject === caller && !!loaded && isDelegatedGrant(loaded.facts);
    const visible = loaded && canSeeTenant(viewer, loaded.chain.map((t) => t.id), callerHoldsGrant);
    const base = { user: { id: subject.user.id, email: subject.user.email }, permission: query.permission ?? null, evaluated_at: now.toISOString() };
    if (!visible) {
      return c.json(
        {
          ...base,
          decision: 'deny',
          summary: `denied: ${UNKNOWN_TENANT}`,
          tenant: null,
          via: null,
          role: null,
          platform_admin: false,
          grant: null,
          effective_permissions: [],
          reasons: [{ code: 'tenant_unknown', ok: false, message: UNKNOWN_TENANT }],
        } satisfies ExplainResponse,
        200,
      );
    }

    // Everything but the time is a function of the facts, the permission and where `now` falls
    // between the grant's revocation and expiry: serialised once per such interval.
    const [head, tail] = decidedBody(loaded, base.user, base.permission, now, query.permission);
    return c.body(`${head}${JSON.stringify(base.evaluated_at)}${tail}`, 200, { 'Content-Type': 'application/json' });
  });
