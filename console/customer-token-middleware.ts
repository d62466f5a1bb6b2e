// Guards every /t/:tenantId/… route: verifies the request's customer token for the path's tenant
// and hands the claims on, or lets the caller decide how to refuse (an HTML page or JSON).
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { CustomerClaims } from './customer-claims';
import { verifyCustomerToken, type TokenFailure, type TokenVerifierDeps } from './verify-customer-token';

export type CustomerTokenEnv = { Variables: { claims: CustomerClaims } };

/** RFC 6750 §3: a bare challenge when no token came, `invalid_token` when one did and failed. */
export function bearerChallenge(failure: TokenFailure): string {
  return failure === 'missing' ? 'Bearer realm="console"' : 'Bearer realm="console", error="invalid_token"';
}

export function requireCustomerToken(deps: TokenVerifierDeps, refuse: (c: Context, tenantId: string, failure: TokenFailure) => Response | Promise<Response>) {
  return createMiddleware<CustomerTokenEnv>(async (c, next) => {
    const tenantId = c.req.param('tenantId') ?? '';
    const check = await verifyCustomerToken(c.req.header('authorization'), tenantId, deps);
    if (!check.ok) {
      c.header('WWW-Authenticate', bearerChallenge(check.failure));
      return refuse(c, tenantId, check.failure);
    }
    c.set('claims', check.claims);
    await next();
  });
}
