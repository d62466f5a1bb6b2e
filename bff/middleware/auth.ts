// Bearer authentication for /v1: a session token of ours or a trusted external issuer's.
import { createMiddleware } from 'hono/factory';
import type { AppDeps } from '../deps';
import type { UserWithHome } from '../db/users';
import { userForIdentity } from '../auth/identity-user';
import { TokenError, type Identity } from '../auth/tokens';
import { ApiError } from './errors';

export type AuthEnv = { Variables: { caller: UserWithHome; identity: Identity } };

export function bearerToken(header: string | undefined): string | undefined {
  return header?.match(/^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i)?.[1];
}

export const requireCaller = (deps: AppDeps) =>
  createMiddleware<AuthEnv>(async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    if (!token) {
      throw new ApiError(401, 'unauthorized', 'sign in first: send Authorization: Bearer <session token> (POST /v1/session)', {
        'WWW-Authenticate': 'Bearer realm="switchboard"',
      });
    }
    let identity: Identity;
    try {
      identity = await deps.tokens.verifyIdentity(token);
    } catch (err) {
      const reason = err instanceof TokenError ? err.reason : 'token rejected';
      throw new ApiError(401, 'unauthorized', reason, { 'WWW-Authenticate': `Bearer realm="switchboard", error="invalid_token"` });
    }
    const caller = await userForIdentity(deps.database.db, identity);
    if (!caller) {
      throw new ApiError(401, 'unauthorized', 'unknown or inactive user', { 'WWW-Authenticate': `Bearer realm="switchboard", error="invalid_token"` });
    }
    c.set('caller', caller);
    c.set('identity', identity);
    await next();
  });
