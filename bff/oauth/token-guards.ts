// What stands in front of the token endpoint: a per-address limit, refused before the body is read
// once used up, and one audit event for every refusal, however early it happened.
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppDeps } from '../deps';
import type { RateDecision, RateLimit } from '../middleware/rate-limiter';
import { auditStatement } from '../db/audit';
import { rateLimitKeyForIp } from '../domain/ip-allowlist';
import { OAuthFailure } from './errors';

/** Who asked for which customer: filled in as the request is understood, for the audit of a refusal. */
export interface ExchangeAttempt {
  userId: string | null;
  /** The per-address limit while this request has not been counted against it. */
  uncountedAddress?: RequestLimit;
}

export type OAuthEnv = { Variables: { attempt?: ExchangeAttempt; audience?: string; unaudited?: boolean } };

/** A limit a token request counts against, and what the refusal says it was over. */
export interface RequestLimit extends RateLimit {
  what: string;
}

/** The token endpoint's limit per address (IPv4, or IPv6 /64). */
const addressLimit = (deps: AppDeps, c: Context): RequestLimit => ({
  key: `exchange:ip:${rateLimitKeyForIp(deps.clientIp(c))}`,
  limit: deps.config.rateLimit.exchangesPerIpPerMinute,
  what: 'token requests from this address',
});

/** Counts one request under each limit, in order and in one batch; over one, a 429 (audited once per window, not per request). */
export async function limitRequests(deps: AppDeps, limits: RequestLimit[]) {
  throwIfLimited(limits, await deps.rateLimiter.hitAll(limits));
}

/** The 429 for a request over one of `limits` (audited once per window, not per request). */
export function throwIfLimited(limits: RequestLimit[], hit: RateDecision) {
  if (!hit.allowed) {
    const what = limits.find((l) => l.key === hit.key)!.what;
    throw new OAuthFailure('temporarily_unavailable', `too many ${what}; retry later`, 429, { 'Retry-After': String(hit.retryAfterSeconds) }, hit.firstRefusal);
  }
}

/**
 * Every POST to the token endpoint counts against its address. An address this process knows to
 * have used up its limit is counted and refused here, before the body is read, so a flood of
 * malformed requests is refused (and audited once per window) like a flood of good ones. Otherwise
 * the address is counted with the user, in one batch, once the request names one
 * (token-exchange.ts), or after the answer when it never does: one write per request, not two.
 */
export const limitTokenRequests = (deps: AppDeps) =>
  createMiddleware<OAuthEnv>(async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const address = addressLimit(deps, c);
    const attempt: ExchangeAttempt = { userId: null, uncountedAddress: address };
    c.set('attempt', attempt);
    if (deps.rateLimiter.knownUsedUp(address.key)) {
      attempt.uncountedAddress = undefined;
      await limitRequests(deps, [address]);
    }
    await next();
    if (attempt.uncountedAddress) await deps.rateLimiter.hit(address.key, address.limit);
  });

/** Writes one audit event for any refusal of a token request, however early it happened. */
export const auditRefusals = (deps: AppDeps) =>
  createMiddleware<OAuthEnv>(async (c, next) => {
    await next();
    if (c.req.method !== 'POST' || c.res.status < 400 || c.get('unaudited')) return;
    const body = (await c.res.clone().json().catch(() => ({}))) as { error?: unknown; error_description?: unknown };
    const code = typeof body.error === 'string' ? body.error : String(c.res.status);
    const description = typeof body.error_description === 'string' ? body.error_description : '';
    // As durable as the success audit (bff/db/grants.ts, recordSwitchAudited): committed before the answer leaves.
    const event = {
      at: deps.clock(),
      action: 'token.exchange',
      outcome: 'failure' as const,
      actorUserId: c.get('attempt')?.userId ?? null,
      tenantId: c.get('audience') ?? null,
      ip: deps.clientIp(c),
      reason: `${code}: ${description}`,
    };
    await deps.database.writeBatch([auditStatement(event)], { durable: false });
  });

/** Marks a refusal as one not to audit (set by the OAuth error handler). */
export const skipAudit = (c: Context) => c.set('unaudited', true);
