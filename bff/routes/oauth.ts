// /oauth: token exchange (RFC 8693), introspection (RFC 7662), revocation (RFC 7009). Form-encoded
// in, RFC 6749 errors out, never cached. Every refusal of the token endpoint is audited.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { validator } from 'hono/validator';
import { z, type ZodType } from 'zod';
import type { AppDeps } from '../deps';
import { asDatabaseBusy } from '../db/busy-retry';
import { authenticateLimited } from '../oauth/client-auth';
import { OAuthFailure, noStore, oauthErrorResponse } from '../oauth/errors';
import { introspect, revoke } from '../oauth/introspection';
import { exchangeToken, tokenExchangeFormSchema } from '../oauth/token-exchange';
import { auditRefusals, limitTokenRequests, skipAudit, type ExchangeAttempt, type OAuthEnv } from '../oauth/token-guards';

const MAX_FORM_BYTES = 32 * 1024;

const tokenForm = z.object({
  token: z.string().min(1).max(8192),
  token_type_hint: z.string().max(64).optional(),
  client_id: z.string().max(256).optional(),
  client_secret: z.string().max(1024).optional(),
});

/** Form validation answering RFC 6749's `invalid_request`. */
const oauthForm = <S extends ZodType>(schema: S) => {
  const check = (value: Record<string, unknown>, c: Context) => {
    // What the audit of a refusal may name, taken from the form already parsed here (never re-read).
    if (typeof value.audience === 'string') c.set('audience', value.audience.slice(0, 64));
    if (!c.req.header('content-type')?.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
      return oauthErrorResponse(c, new OAuthFailure('invalid_request', 'the body must be application/x-www-form-urlencoded (RFC 6749 §3.2)'));
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
      return oauthErrorResponse(c, new OAuthFailure('invalid_request', `expected application/x-www-form-urlencoded with single-valued parameters (${problems})`));
    }
    return parsed.data as z.infer<S>;
  };
  const general = validator('form', check);
  // The usual body, application/x-www-form-urlencoded, is read once as text and split by
  // URLSearchParams (the same WHATWG parser Request.formData() uses, without building a Request
  // and a FormData first); the object is the one validator('form') makes. Any other media type
  // takes validator('form') itself, so every answer stays what it was.
  const fast: typeof general = async (c, next) => {
    const contentType = c.req.header('content-type');
    if (!contentType || contentType.split(';')[0]!.trim().toLowerCase() !== 'application/x-www-form-urlencoded') return general(c, next);
    const form: Record<string, unknown> = Object.create(null);
    for (const [key, value] of new URLSearchParams(await c.req.text())) {
      const seen = form[key];
      if (key.endsWith('[]')) ((form[key] ??= []) as string[]).push(value);
      else if (Array.isArray(seen)) seen.push(value);
      else if (Object.hasOwn(form, key)) form[key] = [seen, value];
      else form[key] = value;
    }
    const result = check(form, c);
    if (result instanceof Response) return result;
    c.req.addValidatedData('form', result as object);
    await next();
  };
  return fast;
};

export const oauthRoutes = (deps: AppDeps) => {
  const app = new Hono<OAuthEnv>()
    .use('/token', auditRefusals(deps))
    .use('/token', limitTokenRequests(deps))
    .use(bodyLimit({ maxSize: MAX_FORM_BYTES, onError: (c) => oauthErrorResponse(c, new OAuthFailure('invalid_request', `request body over ${MAX_FORM_BYTES} bytes`, 413)) }))
    .post('/token', oauthForm(tokenExchangeFormSchema), async (c) => {
      // Set by limitTokenRequests, which counts the address with this attempt's user.
      const attempt: ExchangeAttempt = c.get('attempt') ?? { userId: null };
      const response = await exchangeToken(deps, c.req.valid('form'), deps.clientIp(c), attempt);
      noStore(c);
      return c.json(response, 200);
    })
    .post('/introspect', oauthForm(tokenForm), async (c) => {
      const form = c.req.valid('form');
      const caller = await authenticateLimited(deps, c, form);
      noStore(c);
      return c.json(await introspect(deps, caller, form.token), 200);
    })
    .post('/revoke', oauthForm(tokenForm), async (c) => {
      const form = c.req.valid('form');
      const caller = await authenticateLimited(deps, c, form);
      await revoke(deps, caller, form.token, deps.clientIp(c));
      noStore(c);
      return c.body(null, 200);
    });
  app.onError((err, c) => {
    if (err instanceof OAuthFailure) {
      if (!err.audited) skipAudit(c);
      return oauthErrorResponse(c, err);
    }
    const busy = asDatabaseBusy(err);
    if (busy) {
      // Not audited: the audit would be one more write to a database that stayed locked or cannot be written.
      skipAudit(c);
      return oauthErrorResponse(c, new OAuthFailure('temporarily_unavailable', 'the service is busy; retry shortly', 503, { 'Retry-After': String(busy.retryAfterSeconds) }));
    }
    if (err instanceof HTTPException && err.status < 500) {
      return oauthErrorResponse(c, new OAuthFailure('invalid_request', err.message || 'malformed request', err.status));
    }
    console.error('oauth endpoint failure', err);
    return oauthErrorResponse(c, new OAuthFailure('temporarily_unavailable', 'internal error; the failure was logged', 500));
  });
  return app;
};
