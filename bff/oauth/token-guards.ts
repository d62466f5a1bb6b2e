// What stands in front of the token endpoint: a per-address limit counted before the body is read,
// and one audit event for every refusal, however early it happened.
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppDeps } from '../deps';
import { recordAudit } from '../db/audit';
import { rateLimitKeyForIp } from '../domain/ip-allowlist';
import { OAuthFailure } from './errors';
import type { ExchangeAttempt } from './token-exchange';

export type OAuthEnv = { Variables: { attempt?: ExchangeAttempt; audience?: string; unaudited?: boolean } };

/** Counts one request under `key`; over the limit, a 429 (audited once per window, not per request). */
export function limitRequests(deps: AppDeps, key: string, perMinute: number, what: string) {
  const hit = deps.rateLimiter.hit(key, perMinute);
  if (!hit.allowed) {
    throw new OAuthFailure('temporarily_unavailable', `too many ${what}; retry later`, 429, { 'Retry-After': String(hit.retryAfterSeconds) }, hit.firstRefusal);
  }
}

/**
 * Every POST to the token endpoint counts against its IP before the body is read, so a flood of
 * malformed requests is refused (and audited once per window) like a flood of good ones.
 */
export const limitTokenRequests = (deps: AppDeps) =>
  createMiddleware<OAuthEnv>(async (c, next) => {
    if (c.req.method === 'POST') {
      limitRequests(deps, `exchange:ip:${rateLimitKeyForIp(deps.clientIp(c))}`, deps.config.rateLimit.exchangesPerIpPerMinute, 'token requests from this address');
    }
    await next();
  });

/** Writes one audit event for any refusal of a token request, however early it happened. */
export const auditRefusals = (deps: AppDeps) =>
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

/** Marks a refusal as one not to audit (set by the OAuth error handler). */
export const skipAudit = (c: Context) => c.set('unaudited', true);
