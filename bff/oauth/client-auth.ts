// Who is calling introspection or revocation: the console as a confidential client
// (client_secret_basic or client_secret_post, RFC 6749 §2.3.1), or a signed-in user's session token.
import { timingSafeEqual, createHash } from 'node:crypto';
import type { AppConfig } from '../config';
import type { TokenService } from '../auth/tokens';
import { bearerToken } from '../middleware/auth';
import { userForIdentity } from '../auth/identity-user';
import type { Tx } from '../db/client';
import type { Context } from 'hono';
import type { AppDeps } from '../deps';
import { rateLimitKeyForIp } from '../domain/ip-allowlist';
import { OAuthFailure } from './errors';

export type OAuthCaller = { kind: 'client'; clientId: string } | { kind: 'user'; userId: string };

const sameSecret = (a: string, b: string) => timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

function basicCredentials(header: string | undefined): { id: string; secret: string } | undefined {
  const encoded = header?.match(/^Basic\s+([A-Za-z0-9+/=]+)\s*$/i)?.[1];
  if (!encoded) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  try {
    return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}

const unauthenticated = (why: string) =>
  new OAuthFailure('invalid_client', why, 401, { 'WWW-Authenticate': 'Basic realm="switchboard", Bearer realm="switchboard"' });

export async function authenticateOAuthCaller(
  authorization: string | undefined,
  form: { client_id?: string; client_secret?: string },
  config: AppConfig,
  tokens: TokenService,
  db: Tx,
): Promise<OAuthCaller> {
  const basic = basicCredentials(authorization);
  const credentials = basic ?? (form.client_id && form.client_secret ? { id: form.client_id, secret: form.client_secret } : undefined);
  if (credentials) {
    if (credentials.id === config.consoleClient.id && sameSecret(credentials.secret, config.consoleClient.secret)) {
      return { kind: 'client', clientId: credentials.id };
    }
    throw unauthenticated('client authentication failed');
  }
  const token = bearerToken(authorization);
  if (token) {
    const identity = await tokens.verifyIdentity(token).catch(() => undefined);
    const user = identity && (await userForIdentity(db, identity));
    if (!user) throw unauthenticated('the bearer token is not a valid session token of an active user');
    return { kind: 'user', userId: user.user.id };
  }
  throw unauthenticated('authenticate as the console client (HTTP Basic) or with a session token (Bearer)');
}

/** Failed client or bearer authentications per address per minute on introspection and revocation. */
const AUTH_FAILURES_PER_IP_PER_MINUTE = 30;

/** Authenticates the caller of introspection or revocation, refusing an address that keeps failing before trying again. */
export async function authenticateLimited(deps: AppDeps, c: Context, form: { client_id?: string; client_secret?: string }): Promise<OAuthCaller> {
  const key = `oauth-auth-failures:${rateLimitKeyForIp(deps.clientIp(c))}`;
  const wait = await deps.rateLimiter.blockedFor(key, AUTH_FAILURES_PER_IP_PER_MINUTE);
  if (wait !== null) {
    throw new OAuthFailure('temporarily_unavailable', 'too many failed authentications from this address; retry later', 429, { 'Retry-After': String(wait) });
  }
  try {
    return await authenticateOAuthCaller(c.req.header('authorization'), form, deps.config, deps.tokens, deps.database.db);
  } catch (err) {
    await deps.rateLimiter.hit(key, AUTH_FAILURES_PER_IP_PER_MINUTE);
    throw err;
  }
}
