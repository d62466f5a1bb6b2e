// /oauth: token exchange (RFC 8693), introspection (RFC 7662), revocation (RFC 7009). Form-encoded
// in, RFC 6749 errors out, never cached.
import { Hono, type Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { validator } from 'hono/validator';
import { z, type ZodType } from 'zod';
import type { AppDeps } from '../deps';
import { authenticateOAuthCaller } from '../oauth/client-auth';
import { OAuthFailure, oauthErrorResponse } from '../oauth/errors';
import { introspect, revoke } from '../oauth/introspection';
import { exchangeToken, tokenExchangeFormSchema } from '../oauth/token-exchange';

const tokenForm = z.object({
  token: z.string().min(1).max(8192),
  token_type_hint: z.string().max(64).optional(),
  client_id: z.string().max(256).optional(),
  client_secret: z.string().max(1024).optional(),
});

/** Form validation answering RFC 6749's `invalid_request`. */
const oauthForm = <S extends ZodType>(schema: S) =>
  validator('form', async (value, c) => {
    if (!c.req.header('content-type')?.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      return oauthErrorResponse(c, new OAuthFailure('invalid_request', 'the body must be application/x-www-form-urlencoded (RFC 6749 §3.2)'));
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
      return oauthErrorResponse(c, new OAuthFailure('invalid_request', `expected application/x-www-form-urlencoded with single-valued parameters (${problems})`));
    }
    return parsed.data as z.infer<S>;
  });

const noStore = (c: Context) => {
  c.header('Cache-Control', 'no-store');
  c.header('Pragma', 'no-cache');
};

export const oauthRoutes = (deps: AppDeps) => {
  const app = new Hono()
    .post('/token', oauthForm(tokenExchangeFormSchema), async (c) => {
      const response = await exchangeToken(deps, c.req.valid('form'), deps.clientIp(c));
      noStore(c);
      return c.json(response, 200);
    })
    .post('/introspect', oauthForm(tokenForm), async (c) => {
      const form = c.req.valid('form');
      const caller = await authenticateOAuthCaller(c.req.header('authorization'), form, deps.config, deps.tokens, deps.database.db);
      noStore(c);
      return c.json(await introspect(deps, caller, form.token), 200);
    })
    .post('/revoke', oauthForm(tokenForm), async (c) => {
      const form = c.req.valid('form');
      const caller = await authenticateOAuthCaller(c.req.header('authorization'), form, deps.config, deps.tokens, deps.database.db);
      await revoke(deps, caller, form.token, deps.clientIp(c));
      noStore(c);
      return c.body(null, 200);
    });
  app.onError((err, c) => {
    if (err instanceof OAuthFailure) return oauthErrorResponse(c, err);
    if (err instanceof HTTPException && err.status < 500) {
      return oauthErrorResponse(c, new OAuthFailure('invalid_request', err.message || 'malformed request', err.status));
    }
    console.error('oauth endpoint failure', err);
    return oauthErrorResponse(c, new OAuthFailure('temporarily_unavailable', 'internal error; the failure was logged', 500));
  });
  return app;
};
