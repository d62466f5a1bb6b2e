// RFC 7662 introspection and RFC 7009 revocation. A customer token is active only while the grant
// behind it still lets its user in: revoking or expiring the grant turns it off at once.
import type { AppDeps } from '../deps';
import { loadAccessFacts } from '../db/access-facts';
import { recordAudit } from '../db/audit';
import { isTokenRevoked, revokeToken } from '../db/revocations';
import { findUserById } from '../db/users';
import { resolveEntry } from '../domain/access';
import type { AccessTokenClaims } from '../auth/tokens';
import type { OAuthCaller } from './client-auth';

const INACTIVE = { active: false } as const;

const mayInspect = (caller: OAuthCaller, sub: unknown) => caller.kind === 'client' || (caller.kind === 'user' && caller.userId === sub);

async function grantStillAllows(deps: AppDeps, claims: AccessTokenClaims): Promise<boolean> {
  if (claims.sid && (await isTokenRevoked(deps.database.db, claims.sid))) return false;
  const user = await findUserById(deps.database.db, String(claims.sub));
  if (!user || user.user.status !== 'active') return false;
  const loaded = await loadAccessFacts(deps.database.db, user, claims.tenant_id);
  if (!loaded || loaded.facts.grant?.id !== claims.grant_id) return false;
  return resolveEntry(loaded.facts, deps.clock()).allowed;
}

export async function introspect(deps: AppDeps, caller: OAuthCaller, token: string) {
  const access = await deps.tokens.verifyAccessToken(token).catch(() => null);
  if (access) {
    if (!mayInspect(caller, access.sub) || !(await grantStillAllows(deps, access))) return INACTIVE;
    const { iss, sub, aud, exp, iat, jti, client_id, scope, tenant_id, home_tenant_id, roles, platform_admin, grant_id, act } = access;
    return { active: true, token_type: 'Bearer', iss, sub, aud, exp, iat, jti, client_id, scope, tenant_id, home_tenant_id, roles, platform_admin, grant_id, act };
  }
  const session = await deps.tokens.verifySessionToken(token).catch(() => null);
  if (session) {
    const user = await findUserById(deps.database.db, String(session.sub));
    if (!mayInspect(caller, session.sub) || !user || user.user.status !== 'active') return INACTIVE;
    const { iss, sub, aud, exp, iat, jti } = session;
    return { active: true, token_type: 'session', iss, sub, aud, exp, iat, jti, username: user.user.email, home_tenant_id: user.home.id };
  }
  return INACTIVE;
}

/** Revokes one of our tokens; per RFC 7009 §2.2 an invalid or foreign token is answered the same way. */
export async function revoke(deps: AppDeps, caller: OAuthCaller, token: string, ip: string | undefined) {
  const claims = (await deps.tokens.verifyAccessToken(token).catch(() => null)) ?? (await deps.tokens.verifySessionToken(token).catch(() => null));
  if (!claims || !mayInspect(caller, claims.sub)) return;
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
