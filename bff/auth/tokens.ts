// Signing and verifying our JWTs: session tokens (the analyst's sign-in, kept in the extension's
// background) and customer access tokens (RFC 9068, `typ: at+jwt`). Also trusts an external OIDC
// issuer's tokens as sign-in when configured.
import { randomUUID } from 'node:crypto';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { AppConfig } from '../config';
import type { Clock } from '../domain/clock';
import { SIGNING_ALG, type KeyStore } from './key-store';
import { signCompactEs256 } from './compact-jws';

export const SESSION_TYP = 'JWT';
export const ACCESS_TOKEN_TYP = 'at+jwt';
const EXTERNAL_ALGS = ['RS256', 'PS256', 'ES256', 'ES384', 'EdDSA'];

/** Why a token was refused; `reason` is safe to show the caller. */
export class TokenError extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

/**
 * Whether `token` is a JWS in canonical compact form: three non-empty base64url segments, no
 * padding, no whitespace, each segment exactly as base64url would write its bytes. jose decodes
 * leniently (`sig==` or stray trailing bits verify), so without this one token would have many
 * spellings and any cache, log or comparison keyed by the token string could be fooled.
 */
export function isCanonicalCompactJws(token: string): boolean {
  const segments = token.split('.');
  return segments.length === 3 && segments.every((s) => /^[A-Za-z0-9_-]+$/.test(s) && Buffer.from(s, 'base64url').toString('base64url') === s);
}

export interface Identity {
  source: 'session' | 'external';
  /** Our user id (session tokens) or null (external tokens name the user by e-mail). */
  userId: string | null;
  email: string | null;
  jti: string | null;
  expiresAt: Date;
}

export interface AccessTokenClaims extends JWTPayload {
  client_id: string;
  scope: string;
  tenant_id: string;
  /** The customer's display name and enabled product packages, so the console needs no second look-up. */
  tenant_name: string;
  packages: string[];
  /** The signed-in user's e-mail, for the console to show whom it acts for. */
  email: string;
  home_tenant_id: string;
  roles: string[];
  platform_admin: boolean;
  grant_id: string;
  act: { sub: string; sub_type: 'partner_tenant' };
  /** The session token it was exchanged from: signing out (revoking it) turns this token off too. */
  sid?: string;
}

interface Deps {
  keys: KeyStore;
  config: AppConfig;
  clock: Clock;
  isRevoked: (jti: string) => Promise<boolean>;
  /** Key resolver for the external issuer; defaults to its remote JWKS. */
  externalJwks?: JWTVerifyGetKey;
}

export function createTokenService(deps: Deps) {
  const { keys, config, clock } = deps;
  const externalJwks =
    deps.externalJwks ?? (config.externalIssuer ? createRemoteJWKSet(new URL(config.externalIssuer.jwksUrl)) : undefined);
  const ownKey: JWTVerifyGetKey = async (header) => {
    const key = header.kid ? await keys.verificationKey(header.kid) : undefined;
    if (!key) throw new TokenError('token signed by an unknown key');
    return key;
  };
  const seconds = (d: Date) => Math.floor(d.getTime() / 1000);
  /**
   * Session tokens this process has verified, by the whole token: the signature check (the largest
   * cost of every authenticated request) is done once per token. A hit is still checked for expiry,
   * for its key being published (the key store's bound on staleness applies, as before) and, in the
   * database, for revocation (another instance may have revoked it).
   */
  const verifiedSessions = new Map<string, { identity: Identity; kid: string; expiresAtMs: number }>();
  const MAX_VERIFIED_SESSIONS = 10_000;
  async function verifiedBefore(token: string): Promise<Identity | undefined> {
    const hit = verifiedSessions.get(token);
    if (!hit) return undefined;
    if (clock().getTime() >= hit.expiresAtMs || !(await keys.verificationKey(hit.kid))) {
      verifiedSessions.delete(token);
      return undefined;
    }
    if (await deps.isRevoked(hit.identity.jti!)) throw new TokenError('token has been revoked');
    return hit.identity;
  }
  function rememberVerified(token: string, identity: Identity, kid: string) {
    if (verifiedSessions.size >= MAX_VERIFIED_SESSIONS) verifiedSessions.delete(verifiedSessions.keys().next().value!);
    verifiedSessions.set(token, { identity, kid, expiresAtMs: identity.expiresAt.getTime() });
  }

  async function sign(payload: JWTPayload, typ: string, expiresAt: Date, audience: string | string[], subject: string, jti: string = randomUUID()) {
    const { kid, privateKey } = await keys.signingKey();
    const now = clock();
    // The claims SignJWT would set, signed by node:crypto directly (compact-jws.ts: jose 6 signs on WebCrypto).
    const claims = { ...payload, iss: config.issuer, sub: subject, aud: audience, iat: seconds(now), exp: seconds(expiresAt), jti };
    return { token: signCompactEs256({ alg: SIGNING_ALG, kid, typ }, claims, privateKey), jti };
  }

  /** Verifies one of our own tokens of the given `typ`; maps jose's failures to TokenError. */
  async function verifyOwn(token: string, typ: string, audience?: string) {
    if (!isCanonicalCompactJws(token)) throw new TokenError('not a JWT in compact form');
    try {
      const { payload } = await jwtVerify(token, ownKey, {
        issuer: config.issuer,
        audience,
        typ,
        algorithms: [SIGNING_ALG],
        currentDate: clock(),
        requiredClaims: ['sub', 'exp', 'iat', 'jti'],
      });
      if (await deps.isRevoked(String(payload.jti))) throw new TokenError('token has been revoked');
      return payload;
    } catch (err) {
      throw toTokenError(err);
    }
  }

  async function verifySession(token: string) {
    const payload = await verifyOwn(token, SESSION_TYP, config.issuer);
    if (payload.token_use !== 'session') throw new TokenError('not a session token');
    return payload;
  }

  return {
    async issueSession(user: { id: string; email: string; homeTenantId: string }) {
      const expiresAt = new Date(clock().getTime() + config.sessionTtlSeconds * 1000);
      const { token, jti } = await sign(
        { token_use: 'session', email: user.email, home_tenant_id: user.homeTenantId },
        SESSION_TYP,
        expiresAt,
        config.issuer,
        user.id,
      );
      return { token, jti, expiresIn: config.sessionTtlSeconds, expiresAt };
    },

    async issueAccessToken(claims: Omit<AccessTokenClaims, 'iss' | 'aud' | 'exp' | 'iat' | 'jti'>, subject: string, audience: string, expiresAt: Date, jti?: string) {
      return sign(claims, ACCESS_TOKEN_TYP, expiresAt, audience, subject, jti);
    },

    /** A sign-in token: our session token, or the trusted external issuer's. Never a customer token. */
    async verifyIdentity(token: string): Promise<Identity> {
      const known = await verifiedBefore(token);
      if (known) return known;
      let header: ReturnType<typeof decodeProtectedHeader>;
      let unverified: JWTPayload;
      if (!isCanonicalCompactJws(token)) throw new TokenError('not a JWT in compact form');
      try {
        header = decodeProtectedHeader(token);
        unverified = decodeJwt(token);
      } catch {
        throw new TokenError('not a JWT');
      }
      if (unverified.iss === config.issuer) {
        const typ = typeof header.typ === 'string' ? header.typ.toLowerCase() : '';
        if (typ === ACCESS_TOKEN_TYP || typ === 'application/at+jwt') {
          throw new TokenError('a customer access token cannot be exchanged or used as a sign-in');
        }
        const payload = await verifySession(token);
        const identity: Identity = {
          source: 'session',
          userId: String(payload.sub),
          email: typeof payload.email === 'string' ? payload.email : null,
          jti: String(payload.jti),
          expiresAt: new Date(payload.exp! * 1000),
        };
        rememberVerified(token, Object.freeze(identity), String(header.kid));
        return identity;
      }
      const external = config.externalIssuer;
      if (!external || !externalJwks || unverified.iss !== external.issuer) {
        throw new TokenError('token issuer is not trusted');
      }
      try {
        const { payload } = await jwtVerify(token, externalJwks, {
          issuer: external.issuer,
          audience: external.audience,
          algorithms: EXTERNAL_ALGS,
          currentDate: clock(),
          requiredClaims: ['sub', 'exp'],
        });
        // Users are matched by e-mail, so only an address the issuer vouches for may sign in.
        if (typeof payload.email !== 'string' || payload.email_verified !== true) {
          throw new TokenError('external token carries no verified e-mail');
        }
        return { source: 'external', userId: null, email: payload.email, jti: payload.jti ?? null, expiresAt: new Date(payload.exp! * 1000) };
      } catch (err) {
        throw toTokenError(err);
      }
    },

    /** A customer access token we issued (for introspection and revocation). */
    async verifyAccessToken(token: string): Promise<AccessTokenClaims> {
      return (await verifyOwn(token, ACCESS_TOKEN_TYP)) as AccessTokenClaims;
    },

    /** Our session token, for revocation and introspection. */
    verifySessionToken: verifySession,
  };
}

export type TokenService = ReturnType<typeof createTokenService>;

function toTokenError(err: unknown): TokenError {
  if (err instanceof TokenError) return err;
  if (err instanceof errors.JWTExpired) return new TokenError('token has expired');
  if (err instanceof errors.JOSEError) return new TokenError(`token rejected: ${err.code}`);
  return new TokenError('token rejected');
}
