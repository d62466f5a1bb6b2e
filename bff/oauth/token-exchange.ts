// RFC 8693 token exchange: an analyst's session token in, a short-lived token for exactly one
// customer out (RFC 9068 JWT, never wider than the grant, never past its expiry).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { ACCESS_TOKEN_TYPE, TOKEN_EXCHANGE_GRANT, TOKEN_TYPES, type TokenExchangeResponse } from '../../shared/oauth';
import { EXTENSION_CLIENT_ID } from '../config';
import type { AppDeps } from '../deps';
import { loadAccessFacts } from '../db/access-facts';
import { switchStatements } from '../db/grants';
import type { Statement } from '../db/hot-store';
import type { UserWithHome } from '../db/users';
import { isDelegatedGrant, resolveAccess } from '../domain/access';
import { enabledPackages } from '../domain/entitlements';
import { IP_RESTRICTED_MESSAGE, ipAllowed } from '../domain/ip-allowlist';
import { TokenError, type Identity } from '../auth/tokens';
import { userForIdentity } from '../auth/identity-user';
import { OAuthFailure } from './errors';
import { limitRequests, throwIfLimited, type ExchangeAttempt, type RequestLimit } from './token-guards';

const param = z.string().min(1).max(8192);
/** RFC 8693 §2.1 request parameters; every one a single string (a repeated parameter is an error). */
export const tokenExchangeFormSchema = z.object({
  grant_type: param,
  client_id: param.optional(),
  subject_token: param.optional(),
  subject_token_type: param.optional(),
  /** The customer tenant id. */
  audience: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'a tenant id').optional(),
  resource: z.url().max(2048).optional(),
  scope: z.string().max(8192).optional(),
  requested_token_type: param.optional(),
  actor_token: param.optional(),
  actor_token_type: param.optional(),
});
export type TokenExchangeForm = z.infer<typeof tokenExchangeFormSchema>;

/** The one answer for a tenant that does not exist and one the user may not enter. */
const NOT_ENTERABLE = 'the audience is not a customer you may enter';

/** Performs the exchange or throws an OAuthFailure; the route audits refusals (routes/oauth.ts). */
export async function exchangeToken(deps: AppDeps, form: TokenExchangeForm, ip: string | undefined, attempt: ExchangeAttempt): Promise<TokenExchangeResponse> {
  const { config } = deps;
  if (form.grant_type !== TOKEN_EXCHANGE_GRANT) throw new OAuthFailure('unsupported_grant_type', `only ${TOKEN_EXCHANGE_GRANT} is supported`);
  if (form.client_id !== EXTENSION_CLIENT_ID) {
    throw new OAuthFailure('invalid_client', form.client_id ? `unknown client ${form.client_id}` : 'client_id is required', 401);
  }
  if (!form.subject_token) throw new OAuthFailure('invalid_request', 'subject_token is required');
  if (!form.subject_token_type || !(TOKEN_TYPES as readonly string[]).includes(form.subject_token_type)) {
    throw new OAuthFailure('invalid_request', `subject_token_type must be one of ${TOKEN_TYPES.join(', ')}`);
  }
  if (form.requested_token_type && form.requested_token_type !== ACCESS_TOKEN_TYPE) {
    throw new OAuthFailure('invalid_request', `requested_token_type must be ${ACCESS_TOKEN_TYPE}`);
  }
  if (form.actor_token || form.actor_token_type) throw new OAuthFailure('invalid_request', 'actor tokens are not supported');
  if (!form.audience) throw new OAuthFailure('invalid_request', 'audience (the customer tenant id) is required');

  let identity;
  try {
    identity = await deps.tokens.verifyIdentity(form.subject_token);
  } catch (err) {
    throw new OAuthFailure('invalid_request', `subject_token: ${err instanceof TokenError ? err.reason : 'rejected'}`);
  }
  const db = deps.database.db;
  const user = await userForIdentity(db, identity);
  if (!user) throw new OAuthFailure('invalid_request', 'subject_token: unknown or inactive user');
  attempt.userId = user.user.id;
  // The address and the user in one batch (the address first: a request it refuses creates no user key).
  const address = attempt.uncountedAddress;
  attempt.uncountedAddress = undefined;
  const limits: RequestLimit[] & { counted?: boolean } = [
    ...(address ? [address] : []),
    { key: `exchange:user:${user.user.id}`, limit: config.rateLimit.exchangesPerUserPerMinute, what: 'token exchanges for this user' },
  ];
  // The request is counted against its limits in the switch's own write batch (one commit per
  // exchange); a refusal on the way there is counted before it is answered, and a limit used up
  // wins over it, as when the counting came first.
  try {
    return await exchangeFor(deps, form as TokenExchangeForm & { audience: string }, ip, identity, user, limits);
  } catch (err) {
    if (!limits.counted) await limitRequests(deps, limits);
    throw err;
  }
}

/** The exchange once the user is known; counts `limits` (and marks them counted) with the switch it records. */
async function exchangeFor(
  deps: AppDeps,
  form: TokenExchangeForm & { audience: string },
  ip: string | undefined,
  identity: Identity,
  user: UserWithHome,
  limits: RequestLimit[] & { counted?: boolean },
): Promise<TokenExchangeResponse> {
  const { config, clock } = deps;
  const db = deps.database.db;
  // A key this process already knows to be used up: counted and refused (or not) before any work.
  if (limits.some((l) => deps.rateLimiter.knownUsedUp(l.key))) {
    limits.counted = true;
    await limitRequests(deps, limits);
  }
  const resource = form.resource ?? config.resources[0]!;
  if (!config.resources.includes(resource)) throw new OAuthFailure('invalid_target', `unknown resource ${resource}`);

  const loaded = await loadAccessFacts(db, user, form.audience);
  const grant = loaded?.facts.grant;
  // Without a grant of their own, nothing tells a forbidden customer from one that does not exist.
  if (!loaded || !grant || loaded.facts.tenant.kind !== 'client' || !isDelegatedGrant(loaded.facts)) throw new OAuthFailure('invalid_target', NOT_ENTERABLE);
  const now = clock();
  const decision = resolveAccess(loaded.facts, loaded.entitlements, now);
  if (!decision.allowed) throw new OAuthFailure('invalid_target', decision.summary);
  const tenant = loaded.chain[loaded.chain.length - 1]!;
  if (!ipAllowed(ip, tenant.ipAllowlist)) throw new OAuthFailure('invalid_target', IP_RESTRICTED_MESSAGE(tenant.name));
  // A partner's own list restricts its analysts too, wherever they go (issue 17).
  if (!ipAllowed(ip, user.home.ipAllowlist)) throw new OAuthFailure('invalid_target', IP_RESTRICTED_MESSAGE(user.home.name));

  const requested = form.scope === undefined ? undefined : form.scope.split(' ').filter(Boolean);
  if (requested?.length === 0) throw new OAuthFailure('invalid_scope', 'scope is empty: leave it out to get everything the grant allows');
  const allowed = new Set(decision.effectivePermissions);
  const wider = requested?.filter((s) => !allowed.has(s)) ?? [];
  if (wider.length) throw new OAuthFailure('invalid_scope', `not granted in ${tenant.name}: ${wider.join(' ')}`);
  const scope = [...new Set(requested ?? decision.effectivePermissions)].sort().join(' ');

  const expiresAtMs = Math.min(
    now.getTime() + config.accessTokenTtlSeconds * 1000,
    grant.expiresAt?.getTime() ?? Infinity,
    identity.expiresAt.getTime(),
  );
  // JWT `exp` is in whole seconds: round down so the token never outlives the grant.
  const expiresIn = Math.floor((expiresAtMs - now.getTime()) / 1000);
  if (expiresIn < 1) throw new OAuthFailure('invalid_target', `grant ${grant.id} expires in under a second`);

  const roles = [...(grant.role ? [grant.role] : []), ...(grant.platformAdmin ? ['platform_administrator'] : [])];
  const jti = randomUUID();
  const { token } = await deps.tokens.issueAccessToken(
    {
      client_id: EXTENSION_CLIENT_ID,
      scope,
      tenant_id: tenant.id,
      tenant_name: tenant.name,
      packages: [...enabledPackages(loaded.entitlements)].sort(),
      email: user.user.email,
      home_tenant_id: user.home.id,
      roles,
      platform_admin: grant.platformAdmin,
      grant_id: grant.id,
      act: { sub: user.home.id, sub_type: 'partner_tenant' },
      ...(identity.jti ? { sid: identity.jti } : {}),
    },
    user.user.id,
    resource,
    new Date(now.getTime() + expiresIn * 1000),
    jti,
  );
  // Signed first, handed out only once this write has re-checked the grant (and counted the
  // request within its limits): one revoked a moment ago yields no token, and a success is
  // recorded only for a token that leaves.
  const switchRecord = (withinLimits?: Statement) =>
    switchStatements({ id: grant.id, userId: user.user.id, customerId: tenant.id }, now, {
      at: now,
      action: 'token.exchange',
      outcome: 'success',
      actorUserId: user.user.id,
      tenantId: tenant.id,
      ip,
      reason: decision.summary,
      detail: { jti, grant_id: grant.id, expires_in: expiresIn, scope_count: scope ? scope.split(' ').length : 0 },
    }, withinLimits);
  let recorded: boolean;
  if (limits.counted) {
    recorded = (await deps.database.writeBatch(switchRecord(), { durable: false }))[0]!.changes === 1;
  } else {
    limits.counted = true;
    const { decision: limited, results } = await deps.rateLimiter.hitAllWith(limits, switchRecord);
    throwIfLimited(limits, limited);
    recorded = results[0]!.changes === 1;
  }
  if (!recorded) throw new OAuthFailure('invalid_target', `grant ${grant.id} was revoked or expired a moment ago`);
  return { access_token: token, issued_token_type: ACCESS_TOKEN_TYPE, token_type: 'Bearer', expires_in: expiresIn, scope };
}
