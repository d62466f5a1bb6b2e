// /oauth: token exchange (RFC 8693), introspection (RFC 7662), revocation (RFC 7009). Form-encoded
// in, RFC 6749 errors out, never cached. Every refusal of the token endpoint is audited.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { HTTPException } from 'hono/http-exception';
import { validator } from 'hono/validator';
import { z, type ZodType } from 'zod';
import type { AppDeps } from '../deps';
import { recordAudit } from '../db/audit';
import { authenticateOAuthCaller } from '../oauth/client-auth';
import { OAuthFailure, noStore, oauthErrorResponse } from '../oauth/errors';
import { introspect, revoke } from '../oauth/introspection';
import { exchangeToken, limitRequests, tokenExchangeFormSchema, type ExchangeAttempt } from '../oauth/token-exchange';
import { rateLimitKeyForIp } from '../domain/ip-allowlist';

const MAX_FORM_BYTES = 32 * 1024;
/** Failed client or bearer authentications per IP per minute on introspection and revocation. */
const AUTH_FAILURES_PER_IP_PER_MINUTE = 30;

type OAuthEnv = { Variables: { attempt?: ExchangeAttempt; audience?: string; unaudited?: boolean } };

const tokenForm = z.object({
  token: z.string().min(1).max(8192),
  token_type_hint: z.string().max(64).optional(),
  client_id: z.string().max(256).optional(),
  client_secret: z.string().max(1024).optional(),
});

/** Form validation answering RFC 6749's `invalid_request`. */
const oauthForm = <S extends ZodType>(schema: S) =>
  validator('form', async (value, c) => {
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
  });

/**
 * Every POST to the token endpoint counts against its IP before the body is read, so a flood of
 * malformed requests is refused (and audited once per window) like a flood of good ones.
 */
const limitTokenRequests = (deps: AppDeps) =>
  createMiddleware<OAuthEnv>(async (c, next) => {
    if (c.req.method === 'POST') {
      limitRequests(deps, `exchange:ip:${rateLimitKeyForIp(deps.clientIp(c))}`, deps.config.rateLimit.exchangesPerIpPerMinute, 'token requests from this address');
    }
    await next();
  });

/** Writes one audit event for any refusal of a token request, however early it happened. */
const auditRefusals = (deps: AppDeps) =>
  createMiddleware<OAuthEnv>(async (c, next) => {
    await next();
    if (c.req.method !== 'POST' || c.res.status < 400 || c.get('unaudited')) return;
    const body = (await c.res.clone().json().catch(() => ({}))) as { error?: unknown; error_description?: unknown };
    const code = typeof body.error === 'string' ? body.error : String(c.res.status);
    const description = typeof body.error_description === 'string' ? body.error_description : '';
    await deps.database.write((tx) =>
      recordAudit(tx, {
        at: deps.clock(),
        action: 'token.exchange',
        outcome: 'failure',
        actorUserId: c.get('attempt')?.userId ?? null,
        tenantId: c.get('audience') ?? null,
        ip: deps.clientIp(c),
        reason: `${code}: ${description}`,
      }),
    );
  });

/** Authenticates the caller of introspection or revocation, refusing an IP that keeps failing before trying again. */
async function authenticate(deps: AppDeps, c: Context, form: { client_id?: string; client_secret?: string }) {
  const key = `oauth-auth-failures:${rateLimitKeyForIp(deps.clientIp(c))}`;
  const wait = deps.rateLimiter.blockedFor(key, AUTH_FAILURES_PER_IP_PER_MINUTE);
  if (wait !== null) {
    throw new OAuthFailure('temporarily_unavailable', 'too many failed authentications from this address; retry later', 429, { 'Retry-After': String(wait) });
  }
  try {
    return await authenticateOAuthCaller(c.req.header('authorization'), form, deps.config, deps.tokens, deps.database.db);
  } catch (err) {
    deps.rateLimiter.hit(key, AUTH_FAILURES_PER_IP_PER_MINUTE);
    throw err;
  }
}

export const oauthRoutes = (deps: AppDeps) => {
  const app = new Hono<OAuthEnv>()
    .use('/token', auditRefusals(deps))
    .use('/token', limitTokenRequests(deps))
    .use(bodyLimit({ maxSize: MAX_FORM_BYTES, onError: (c) => oauthErrorResponse(c, new OAuthFailure('invalid_request', `request body over ${MAX_FORM_BYTES} bytes`, 413)) }))
    .post('/token', oauthForm(tokenExchangeFormSchema), async (c) => {
      const attempt: ExchangeAttempt = { userId: null };
      c.set('attempt', attempt);
      const response = await exchangeToken(deps, c.req.valid('form'), deps.clientIp(c), attempt);
      noStore(c);
      return c.json(response, 200);
    })
    .post('/introspect', oauthForm(tokenForm), async (c) => {
      const form = c.req.valid('form');
      const caller = await authenticate(deps, c, form);
      noStore(c);
      return c.json(await introspect(deps, caller, form.token), 200);
    })
    .post('/revoke', oauthForm(tokenForm), async (c) => {
      const form = c.req.valid('form');
      const caller = await authenticate(deps, c, form);
      await revoke(deps, caller, form.token, deps.clientIp(c));
      noStore(c);
      return c.body(null, 200);
    });
  app.onError((err, c) => {
    if (err instanceof OAuthFailure) {
      if (!err.audited) c.set('unaudited', true);
      return oauthErrorResponse(c, err);
    }
    if (err instanceof HTTPException && err.status < 500) {
      return oauthErrorResponse(c, new OAuthFailure('invalid_request', err.message || 'malformed request', err.status));
    }
    console.error('oauth endpoint failure', err);
    return oauthErrorResponse(c, new OAuthFailure('temporarily_unavailable', 'internal error; the failure was logged', 500));
  });
  return app;
};
