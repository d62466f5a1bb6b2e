// RFC 7662 introspection and RFC 7009 revocation. A customer token is active only while the grant
// behind it still lets its user in, and its scope shrinks with the grant: revoking or expiring the
// grant turns it off at once.
import type { AppDeps } from '../deps';
import { loadAccessFacts } from '../db/access-facts';
import { recordAudit } from '../db/audit';
import { isTokenRevoked, revokeToken } from '../db/revocations';
import { findUserById } from '../db/users';
import { resolveAccess } from '../domain/access';
import type { AccessTokenClaims } from '../auth/tokens';
import type { OAuthCaller } from './client-auth';

const INACTIVE = { active: false } as const;

/**
 * Who may see or revoke what: a customer token by its own user, or by the console (its resource
 * server) for introspection; a session token only by its own user (RFC 7662 §2.2, RFC 7009 §2.1).
 */
const isOwner = (caller: OAuthCaller, sub: unknown) => caller.kind === 'user' && caller.userId === sub;

/** The token's scope still granted now, or null when the grant no longer lets its user in. */
async function scopeStillGranted(deps: AppDeps, claims: AccessTokenClaims): Promise<string | null> {
  if (claims.sid && (await isTokenRevoked(deps.database.db, claims.sid))) return null;
  const user = await findUserById(deps.database.db, String(claims.sub));
  if (!user || user.user.status !== 'active') return null;
  const loaded = await loadAccessFacts(deps.database.db, user, claims.tenant_id);
  if (!loaded || loaded.facts.grant?.id !== claims.grant_id) return null;
  const decision = resolveAccess(loaded.facts, loaded.entitlements, deps.clock());
  if (!decision.allowed) return null;
  const now = new Set(decision.effectivePermissions);
  return claims.scope.split(' ').filter((p) => now.has(p)).join(' ');
}

export async function introspect(deps: AppDeps, caller: OAuthCaller, token: string) {
  const access = await deps.tokens.verifyAccessToken(token).catch(() => null);
  if (access) {
    if (caller.kind !== 'client' && !isOwner(caller, access.sub)) return INACTIVE;
    const scope = await scopeStillGranted(deps, access);
    if (scope === null) return INACTIVE;
    const { iss, sub, aud, exp, iat, jti, client_id, tenant_id, tenant_name, home_tenant_id, roles, platform_admin, grant_id, act } = access;
    return { active: true, token_type: 'Bearer', iss, sub, aud, exp, iat, jti, client_id, scope, tenant_id, tenant_name, home_tenant_id, roles, platform_admin, grant_id, act };
  }
  const session = await deps.tokens.verifySessionToken(token).catch(() => null);
  if (session && isOwner(caller, session.sub)) {
    const user = await findUserById(deps.database.db, String(session.sub));
    if (!user || user.user.status !== 'active') return INACTIVE;
    const { iss, sub, aud, exp, iat, jti } = session;
    return { active: true, token_type: 'Bearer', token_use: 'session', iss, sub, aud, exp, iat, jti, username: user.user.email, home_tenant_id: user.home.id };
  }
  return INACTIVE;
}

/** Revokes a token of the caller's own; per RFC 7009 §2.2 an invalid or foreign token is answered the same way. */
export async function revoke(deps: AppDeps, caller: OAuthCaller, token: string, ip: string | undefined) {
  const claims = (await deps.tokens.verifyAccessToken(token).catch(() => null)) ?? (await deps.tokens.verifySessionToken(token).catch(() => null));
  const issuedToCaller = caller.kind === 'client' ? claims?.client_id === caller.clientId : isOwner(caller, claims?.sub);
  if (!claims || !issuedToCaller) return;
  const now = deps.clock();
  await deps.database.write(async (tx) => {
    await revokeToken(tx, String(claims.jti), new Date(claims.exp! * 1000), now);
    await recordAudit(tx, {
      at: now,
      action: 'token.revoke',
      outcome: 'success',
      actorUserId: caller.kind === 'user' ? caller.userId : null,
      tenantId: typeof claims.tenant_id === 'string' ? claims.tenant_id : null,
      ip,
      reason: caller.kind === 'client' ? `revoked by client ${caller.clientId}` : 'revoked by its user',
      detail: { jti: claims.jti },
    });
  });
}
