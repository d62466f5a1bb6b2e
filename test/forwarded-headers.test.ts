// Over a real socket, with no trusted proxies, a client cannot choose its address or identity by
// header: a forged X-Forwarded-For changes neither the audit, nor the rate limits, nor the IP
// allow-list; X-Tenant-Id, X-User-Id and friends change nothing about who the caller is. Each
// case also runs with 127.0.0.1 trusted as a proxy, where the header does count, so the test can
// tell "ignored" from "never looked at".
import { afterEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { DEMO, DEMO_PASSWORD } from '../bff/db/seed';
import { auditEvents } from '../bff/db/schema';
import { IP_RESTRICTED_MESSAGE } from '../bff/domain/ip-allowlist';
import { startTestWorld, unlimitedRates, type TestWorld } from './helpers/test-server';
import { exchange, expectIssued, expectOAuthError, post } from './helpers/oauth-requests';

const FORGED = '203.0.113.9';
const forged = { 'x-forwarded-for': FORGED, 'x-real-ip': FORGED, forwarded: `for=${FORGED}`, 'true-client-ip': FORGED, 'cf-connecting-ip': FORGED };

let world: TestWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

const start = (trustedProxies: string[], rateLimit: Partial<ReturnType<typeof unlimitedRates>> = {}) =>
  startTestWorld({ config: { trustedProxies, rateLimit: { ...unlimitedRates(), ...rateLimit } } });

async function signInOverSocket(w: TestWorld, email: string, headers: Record<string, string> = {}, password = DEMO_PASSWORD) {
  const res = await fetch(`${w.baseUrl}/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ email, password }) });
  const body = (await res.json()) as { session_token?: string };
  return { status: res.status, token: body.session_token };
}

const auditIps = async (w: TestWorld, action: string) =>
  (await w.database.db.select({ ip: auditEvents.ip }).from(auditEvents).where(and(eq(auditEvents.action, action)))).map((r) => r.ip);

describe('a forged X-Forwarded-For from an untrusted peer', () => {
  it('is not what the audit records', async () => {
    world = await start([]);
    const { token } = await signInOverSocket(world, DEMO.users.contosoAnalyst.email, forged);
    await expectIssued(await exchange(world, token, DEMO.tenants.acme, {}));
    await post(world, '/oauth/token', { grant_type: 'nonsense' }, forged);
    await post(world, '/oauth/revoke', { token: token! }, { authorization: `Bearer ${token}`, ...forged });
    for (const action of ['session.create', 'token.exchange', 'token.revoke']) {
      const ips = await auditIps(world, action);
      expect(ips.length, action).toBeGreaterThan(0);
      for (const ip of ips) expect(ip, action).toBe('127.0.0.1');
    }
  });

  it('is recorded when the peer is a trusted proxy (the control)', async () => {
    world = await start(['127.0.0.1']);
    await signInOverSocket(world, DEMO.users.contosoAnalyst.email, forged);
    expect(await auditIps(world, 'session.create')).toEqual([FORGED]);
  });

  it('does not reset or dodge the per-address sign-in limit', async () => {
    world = await start([], { signInsPerIpPerMinute: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await signInOverSocket(world, `nobody${i}@example.com`, { 'x-forwarded-for': `198.51.100.${i}` }, 'wrong')).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // With the peer trusted, each forwarded address is counted on its own: the header is read there.
    await world.close();
    world = await start(['127.0.0.1'], { signInsPerIpPerMinute: 3 });
    const trusted: number[] = [];
    for (let i = 0; i < 5; i++) trusted.push((await signInOverSocket(world, `nobody${i}@example.com`, { 'x-forwarded-for': `198.51.100.${i}` }, 'wrong')).status);
    expect(trusted).toEqual([401, 401, 401, 401, 401]);
  });

  it('does not dodge the per-address token-request limit', async () => {
    world = await start([], { exchangesPerIpPerMinute: 3 });
    const token = await world.signIn(DEMO.users.contosoAnalyst.email);
    const form = plainForm(token, DEMO.tenants.acme);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(world, '/oauth/token', form, { 'x-forwarded-for': `198.51.100.${i}` })).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
  });

  it('does not open an IP allow-list: the seeded Evergreen Logistics refuses loopback, forged header or not', async () => {
    world = await start([]);
    const token = await world.signIn(DEMO.users.contosoAnalyst.email);
    const { tenant } = DEMO.ipRestricted;
    const plain = await exchange(world, token, tenant);
    expectOAuthError(plain, 'invalid_target');
    expect(plain.body.error_description).toBe(IP_RESTRICTED_MESSAGE('Evergreen Logistics'));
    const withHeader = await post(world, '/oauth/token', { ...plainForm(token, tenant) }, forged);
    expectOAuthError(withHeader, 'invalid_target');
    expect(withHeader.body.error_description).toBe(IP_RESTRICTED_MESSAGE('Evergreen Logistics'));
    // Every other seeded customer of the analyst stays open from loopback.
    await expectIssued(await exchange(world, token, DEMO.tenants.acme));
  });

  it('opens the allow-list only through a trusted proxy (the control)', async () => {
    world = await start(['127.0.0.1']);
    const token = await world.signIn(DEMO.users.contosoAnalyst.email);
    const { tenant } = DEMO.ipRestricted;
    await expectIssued(await post(world, '/oauth/token', plainForm(token, tenant), { 'x-forwarded-for': FORGED }));
  });
});

describe('identity headers from the client', () => {
  it('X-User-Id, X-Tenant-Id and similar never change who the caller is or what they see', async () => {
    world = await start([]);
    const token = await world.signIn(DEMO.users.contosoAnalyst.email);
    const spoof = {
      'x-user-id': DEMO.users.fabrikamAnalyst.id,
      'x-tenant-id': DEMO.tenants.fabrikam,
      'x-forwarded-user': DEMO.users.fabrikamAdmin.email,
      'x-remote-user': DEMO.users.support.email,
      'x-original-url': `/v1/tenants/${DEMO.tenants.wayne}/entitlements`,
      'x-rewrite-url': `/v1/tenants/${DEMO.tenants.wayne}/entitlements`,
      'x-http-method-override': 'DELETE',
      ...forged,
    };
    const get = async (path: string, headers: Record<string, string>) => {
      const res = await fetch(`${world!.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}`, ...headers } });
      return `${res.status} ${(await res.text()).replace(/"(generated_at|evaluated_at)":"[^"]+"/g, '')}`;
    };
    for (const path of ['/v1/me/context', `/v1/tenants/${DEMO.tenants.wayne}/entitlements`, `/v1/access/explain?tenant=${DEMO.tenants.wayne}`, `/v1/tenants/${DEMO.tenants.acme}/entitlements`]) {
      expect(await get(path, spoof), path).toBe(await get(path, {}));
    }
    // Without a token, the headers alone authenticate nobody.
    const anonymous = await fetch(`${world.baseUrl}/v1/me/context`, { headers: spoof });
    expect(anonymous.status).toBe(401);
    // And the exchange still issues for the token's user, into the audience asked, nothing else.
    const issued = await expectIssued(await post(world, '/oauth/token', plainForm(token, DEMO.tenants.acme), spoof));
    expect(issued.claims).toMatchObject({ sub: DEMO.users.contosoAnalyst.id, tenant_id: DEMO.tenants.acme, home_tenant_id: DEMO.tenants.contoso });
  });
});

function plainForm(token: string | undefined, audience: string) {
  return {
    grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
    client_id: 'switchboard-extension',
    subject_token: token,
    subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
    audience,
  };
}
