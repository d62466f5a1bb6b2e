// Replay: every tenant-scoped request a Contoso analyst makes, replayed with Fabrikam's tenant
// and user ids, answers exactly like an id that does not exist: status, headers (but Date) and
// body, over a real socket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../bff/db/seed';
import { ACCESS_TOKEN_TYPE, TOKEN_EXCHANGE_GRANT } from '../shared/oauth';
import { startTestWorld, unlimitedRates, type TestWorld } from './helpers/test-server';

let world: TestWorld;
let token: string;
beforeAll(async () => {
  world = await startTestWorld({ config: { rateLimit: unlimitedRates() } });
  token = await world.signIn(DEMO.users.contosoAnalyst.email);
});
afterAll(() => world.close());

/** The analyst's own requests, each a function of the tenant id (t) and user id (u) it names. */
const requests: { name: string; path: (t: string, u: string) => string; init?: (t: string) => RequestInit }[] = [
  { name: 'entitlements', path: (t) => `/v1/tenants/${t}/entitlements` },
  { name: 'explain tenant', path: (t) => `/v1/access/explain?tenant=${t}` },
  { name: 'explain permission', path: (t) => `/v1/access/explain?tenant=${t}&permission=Jobs_Manage` },
  { name: 'explain user in own customer', path: (_t, u) => `/v1/access/explain?tenant=${DEMO.tenants.acme}&user=${u}` },
  { name: 'explain user and tenant', path: (t, u) => `/v1/access/explain?tenant=${t}&user=${u}` },
  {
    name: 'token exchange',
    path: () => '/oauth/token',
    init: (t) => ({
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: TOKEN_EXCHANGE_GRANT, client_id: 'switchboard-extension', subject_token: token, subject_token_type: ACCESS_TOKEN_TYPE, audience: t }),
    }),
  },
];

async function answer(path: string, init: RequestInit | undefined, ids: string[]) {
  const res = await fetch(`${world.baseUrl}${path}`, { ...init, headers: { authorization: `Bearer ${token}`, ...(init?.headers as Record<string, string>) } });
  let body = (await res.text()).replace(/"evaluated_at":"[^"]+"/g, '');
  for (const id of ids) body = body.replaceAll(id, 'ID');
  const headers = [...res.headers.entries()].filter(([k]) => k !== 'date').map(([k, v]) => `${k}: ${k === 'content-length' ? '*' : v}`);
  return { status: res.status, headers, body };
}

const foreignTenants = [DEMO.tenants.fabrikam, DEMO.tenants.wayne];
const foreignUsers = [DEMO.users.fabrikamAnalyst.id, DEMO.users.fabrikamAdmin.id];

describe("replaying a Contoso analyst's requests with Fabrikam's ids", () => {
  it.each(requests)('$name answers like a missing id', async ({ path, init }) => {
    // The request as the analyst makes it is answered (not refused for its shape).
    const own = await answer(path(DEMO.tenants.acme, DEMO.users.contosoAnalyst.id), init?.(DEMO.tenants.acme), []);
    expect(own.status).toBe(200);
    const missing = await answer(path('t_nowhere', 'u_nobody'), init?.('t_nowhere'), ['t_nowhere', 'u_nobody']);
    for (const t of foreignTenants) {
      for (const u of foreignUsers) {
        const replay = await answer(path(t, u), init?.(t), [t, u]);
        expect(replay, `${t} ${u}`).toEqual(missing);
      }
    }
  });
});
