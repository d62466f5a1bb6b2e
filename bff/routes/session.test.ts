import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { sessionResponseSchema } from '../../shared/session';
import { errorBodySchema } from '../../shared/errors';
import { DEMO, DEMO_PASSWORD } from '../db/seed';
import { defaultConfig } from '../config';
import { eq } from 'drizzle-orm';
import { auditEvents, rateLimitWindows } from '../db/schema';
import { startTestWorld, type TestWorld } from '../../test/helpers/test-server';

let world: TestWorld;
beforeAll(async () => {
  world = await startTestWorld();
});
afterAll(() => world.close());

const post = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  fetch(`${world.baseUrl}/v1/session`, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('POST /v1/session', () => {
  it('signs in a demo user and returns a session JWT verifiable against the published JWKS', async () => {
    const res = await post({ email: DEMO.users.contosoAnalyst.email, password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = sessionResponseSchema.parse(await res.json());
    expect(body.user).toMatchObject({ id: DEMO.users.contosoAnalyst.id, role: 'partner_analyst', home_tenant: { id: DEMO.tenants.contoso } });
    expect(body.expires_in).toBe(8 * 3600);
    const jwks = createRemoteJWKSet(new URL(`${world.baseUrl}/.well-known/jwks.json`));
    const { payload, protectedHeader } = await jwtVerify(body.session_token, jwks, {
      issuer: world.baseUrl,
      audience: world.baseUrl,
      currentDate: world.clock(),
    });
    expect(protectedHeader.alg).toBe('ES256');
    expect(payload.sub).toBe(DEMO.users.contosoAnalyst.id);
    expect(payload.token_use).toBe('session');
  });

  it('accepts the e-mail in any case', async () => {
    const res = await post({ email: 'Analyst@Contoso-MSP.example', password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
  });

  it('answers a wrong password and an unknown e-mail with the same 401', async () => {
    const wrong = await post({ email: DEMO.users.contosoAnalyst.email, password: 'not-the-password' });
    const unknown = await post({ email: 'nobody@contoso-msp.example', password: 'not-the-password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
  });

  it.each([
    ['missing fields', {}],
    ['bad e-mail', { email: 'not-an-email', password: 'x' }],
    ['empty password', { email: 'a@b.example', password: '' }],
    ['wrong types', { email: 42, password: ['x'] }],
  ])('rejects %s with a 400 invalid_request envelope', async (_, body) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const error = errorBodySchema.parse(await res.json());
    expect(error.error.code).toBe('invalid_request');
    expect(error.error.details?.length).toBeGreaterThan(0);
  });

  it('rejects malformed JSON and a non-JSON body with 400, never 500', async () => {
    expect((await post('{"email":')).status).toBe(400);
    expect((await post('email=a', { 'content-type': 'application/x-www-form-urlencoded' })).status).toBe(400);
  });

  it('rejects a body over 64 KiB with 413', async () => {
    const res = await post({ email: 'a@b.example', password: 'x'.repeat(70_000) });
    expect(res.status).toBe(413);
    expect(errorBodySchema.parse(await res.json()).error.code).toBe('invalid_request');
  });

  it('rate-limits password guessing per account and IP with 429 and Retry-After', async () => {
    const limited = await startTestWorld({ config: { rateLimit: { ...defaultConfig().rateLimit, signInsPerAccountAndIpPerMinute: 3, signInsPerIpPerMinute: 5 } } });
    try {
      const attempt = () =>
        fetch(`${limited.baseUrl}/v1/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: DEMO.users.support.email, password: 'guess' }),
        });
      for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401);
      const blocked = await attempt();
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      // Another account from the same IP is still allowed, until the per-IP limit (5) is reached:
      // every attempt from the address counts, the refused fourth one above included.
      const other = (email: string) =>
        fetch(`${limited.baseUrl}/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'guess' }) });
      expect((await other('someone@contoso-msp.example')).status).toBe(401);
      expect((await other('someone-else@contoso-msp.example')).status).toBe(429);
      limited.clock.advance(60_000);
      expect((await attempt()).status).toBe(401);
    } finally {
      await limited.close();
    }
  });
});

describe('a flood of new e-mails from one address', () => {
  // Issue 20: a refused attempt used to create a per-account key for every new e-mail, and 100,000
  // of them pushed the address's own window out of the bounded in-memory counters.
  it('leaves that address limited, and its refused attempts create no per-account key', async () => {
    const limits = { ...defaultConfig().rateLimit, signInsPerIpPerMinute: 5, signInsPerAccountAndIpPerMinute: 3 };
    const w = await startTestWorld({ config: { rateLimit: limits, trustedProxies: ['127.0.0.1/32'] } });
    try {
      const from = (ip: string, email: string) =>
        fetch(`${w.baseUrl}/v1/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
          body: JSON.stringify({ email, password: 'guess' }),
        });
      const statuses: number[] = [];
      for (let i = 0; i < 300; i++) statuses.push((await from('203.0.113.7', `flood-${i}@example.com`)).status);
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses.slice(5).filter((s) => s !== 429)).toEqual([]);
      const keys = (await w.database.db.select({ key: rateLimitWindows.key }).from(rateLimitWindows)).map((r) => r.key);
      const flooded = keys.filter((k) => k.includes('flood-'));
      expect(flooded.every((k) => /flood-[0-4]@/.test(k)), flooded.join(', ')).toBe(true);
      expect(keys.filter((k) => k.startsWith('session:pair:'))).toHaveLength(5);
      // Still limited for an e-mail it never tried; another address is not.
      expect((await from('203.0.113.7', 'fresh@example.com')).status).toBe(429);
      expect((await from('198.51.100.1', 'fresh@example.com')).status).toBe(401);
    } finally {
      await w.close();
    }
  });
});

describe('guessing one account from many addresses', () => {
  it('caps failures per account, yet lets the owner in from an address they used before', async () => {
    const limits = { ...defaultConfig().rateLimit, signInsPerAccountPerMinute: 5 };
    const w = await startTestWorld({ config: { rateLimit: limits, trustedProxies: ['127.0.0.1/32'] } });
    try {
      const from = (ip: string, password: string) =>
        fetch(`${w.baseUrl}/v1/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
          body: JSON.stringify({ email: DEMO.users.contosoAnalyst.email, password }),
        });
      expect((await from('198.51.100.10', DEMO_PASSWORD)).status).toBe(200);
      for (let i = 1; i <= 5; i++) expect((await from(`203.0.113.${i}`, 'guess')).status).toBe(401);
      expect((await from('203.0.113.99', 'guess')).status).toBe(429);
      expect((await from('203.0.113.98', DEMO_PASSWORD)).status).toBe(429);
      expect((await from('198.51.100.10', DEMO_PASSWORD)).status).toBe(200);
      const refusals = await w.database.db.select().from(auditEvents).where(eq(auditEvents.reason, 'rate limited (account under attack)'));
      expect(refusals).toHaveLength(1);
      // An address that cannot be determined is never a known one, even after the owner used it.
      expect((await from('not-an-ip', DEMO_PASSWORD)).status).toBe(429);
      w.clock.advance(60_000);
      expect((await from('not-an-ip', DEMO_PASSWORD)).status).toBe(200);
      for (let i = 1; i <= 5; i++) expect((await from(`203.0.113.${i}`, 'guess')).status).toBe(401);
      expect((await from('also-not-an-ip', 'guess')).status).toBe(429);
      w.clock.advance(60_000);
      expect((await from('203.0.113.98', DEMO_PASSWORD)).status).toBe(200);
    } finally {
      await w.close();
    }
  });
});

describe('bearer authentication on /v1', () => {
  it('refuses a missing, malformed or expired session token with 401 and WWW-Authenticate', async () => {
    const token = await world.signIn(DEMO.users.contosoAnalyst.email);
    const get = (auth?: string) => fetch(`${world.baseUrl}/v1/me/context`, { headers: auth ? { authorization: auth } : {} });
    const missing = await get();
    expect(missing.status).toBe(401);
    expect(missing.headers.get('www-authenticate')).toContain('Bearer');
    expect((await get('Bearer not.a.jwt')).status).toBe(401);
    expect((await get(`Basic ${token}`)).status).toBe(401);
    expect((await get(`Bearer ${token}`)).status).toBe(200);
    world.clock.advance(8 * 3600 * 1000);
    const expired = await get(`Bearer ${token}`);
    expect(expired.status).toBe(401);
    expect(errorBodySchema.parse(await expired.json()).error.message).toContain('expired');
    world.clock.set(new Date('2026-11-24T12:00:00Z'));
  });
});
