// Verifies the customer token a request carries in `Authorization: Bearer` (RFC 6750 §2.1), the
// way the README's "How a monitoring app validates it" asks: signature, typ, iss, aud, exp, then
// the claims' shape, then that the token is for the tenant of the path.
import { errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { customerClaimsSchema, type CustomerClaims } from './customer-claims';

export interface TokenVerifierDeps {
  /** The BFF's issuer URL: the token's `iss`. */
  issuer: string;
  /** The console's own URL: the token's `aud`. */
  audience: string;
  jwks: JWTVerifyGetKey;
  clock: () => Date;
}

export type TokenFailure = 'missing' | 'expired' | 'other_tenant' | 'invalid';

/** What the sign-in-required page and the API say; none names the token's tenant. */
export const TOKEN_FAILURE_REASONS: Record<TokenFailure, string> = {
  missing: 'no customer token',
  expired: 'the customer token has expired',
  other_tenant: 'this customer token is for another customer',
  invalid: 'the customer token is not valid',
};

export type TokenCheck = { ok: true; claims: CustomerClaims } | { ok: false; failure: TokenFailure };

// RFC 6750 §2.1: the scheme is case-insensitive, the token is a b64token.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

export function bearerToken(authorization: string | undefined): string | null {
  return authorization?.match(BEARER)?.[1] ?? null;
}

export async function verifyCustomerToken(authorization: string | undefined, tenantId: string, deps: TokenVerifierDeps): Promise<TokenCheck> {
  const token = bearerToken(authorization);
  if (!token) return { ok: false, failure: 'missing' };
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, deps.jwks, {
      issuer: deps.issuer,
      audience: deps.audience,
      typ: 'at+jwt',
      algorithms: ['ES256'],
      currentDate: deps.clock(),
      requiredClaims: ['sub', 'exp', 'iat', 'jti'],
    }));
  } catch (err) {
    return { ok: false, failure: err instanceof errors.JWTExpired ? 'expired' : 'invalid' };
  }
  const parsed = customerClaimsSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, failure: 'invalid' };
  if (parsed.data.tenant_id !== tenantId) return { ok: false, failure: 'other_tenant' };
  return { ok: true, claims: parsed.data };
}
