// The JSON API the console's own page script calls, under the tenant's path so it carries the
// same customer token as the page.
import { Hono } from 'hono';
import { PERMISSIONS } from '../../shared/catalogue';
import { scopeOf } from '../customer-claims';
import { requireCustomerToken, type CustomerTokenEnv } from '../customer-token-middleware';
import { isSameOriginRequest } from '../same-origin';
import { TOKEN_FAILURE_REASONS, type TokenVerifierDeps } from '../verify-customer-token';

export function tenantApi(deps: TokenVerifierDeps) {
  return new Hono<CustomerTokenEnv>()
    .use(requireCustomerToken(deps, (c, _tenantId, failure) => c.json({ error: 'invalid_token', error_description: TOKEN_FAILURE_REASONS[failure] }, 401)))
    .get('/whoami', (c) => {
      const { tenant_id, tenant_name, sub, email, scope } = c.var.claims;
      return c.json({ tenant_id, tenant_name, sub, email, scope }, 200);
    })
    // A demo action: re-checks the token's scope and changes nothing.
    .post('/actions/:permission', (c) => {
      if (!isSameOriginRequest(c, deps.audience)) {
        return c.json({ error: 'cross_site_request', error_description: 'actions are accepted from the console itself only' }, 403);
      }
      const permission = c.req.param('permission');
      if (!PERMISSIONS.has(permission)) return c.json({ error: 'not_found', error_description: `no permission ${permission}` }, 404);
      const claims = c.var.claims;
      if (!scopeOf(claims).has(permission)) {
        // RFC 6750 §3.1: insufficient_scope names the scope the request needs.
        c.header('WWW-Authenticate', `Bearer realm="console", error="insufficient_scope", scope="${permission}"`);
        return c.json({ error: 'insufficient_scope', error_description: `this customer token does not carry ${permission}` }, 403);
      }
      return c.json({ ok: true, permission, tenant_id: claims.tenant_id, message: `${permission} accepted (demo: nothing was changed)` }, 200);
    });
}
