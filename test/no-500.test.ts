// "No input produces a 500": random bodies, queries, paths and headers against every endpoint of
// a real server. Every failure must be a documented JSON error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { errorBodySchema } from '../shared/errors';
import { oauthErrorSchema } from '../shared/oauth';
import { DEMO } from '../bff/db/seed';
import { startTestWorld, unlimitedRates, type TestWorld } from './helpers/test-server';

let world: TestWorld;
let session: string;
beforeAll(async () => {
  world = await startTestWorld({ config: { rateLimit: unlimitedRates() } });
  session = await world.signIn(DEMO.users.contosoAnalyst.email);
});
afterAll(() => world.close());

const text = fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('', 't_acme', 'Incident_View', '../..', '%00', '\u0000', 'é', '{"a":1}', 'null'));
const json = fc.oneof(fc.json({ maxDepth: 3 }), fc.string({ maxLength: 60 }), fc.record({ email: text, password: text }, { requiredKeys: [] }));
const authHeader = fc.oneof(fc.constant(undefined), fc.constant('SESSION'), text.map((t) => `Bearer ${t}`), text.map((t) => `Basic ${t}`), text);

async function expectDocumentedError(res: Response, oauth: boolean) {
  expect(res.status).toBeLessThan(500);
  if (res.status >= 400) {
    const body = await res.json();
    if (oauth) expect(oauthErrorSchema.safeParse(body).success || errorBodySchema.safeParse(body).success).toBe(true);
    else expect(errorBodySchema.safeParse(body).success).toBe(true);
  } else {
    await res.arrayBuffer();
  }
}

const headersFor = (auth: string | undefined, contentType?: string): Record<string, string> => {
  const h: Record<string, string> = {};
  const value = auth === 'SESSION' ? `Bearer ${session}` : auth;
  if (value !== undefined && /^[\t\x20-\x7e]*$/.test(value)) h.authorization = value;
  if (contentType) h['content-type'] = contentType;
  return h;
};

describe('no input produces a 500', () => {
  it('POST /v1/session', async () => {
    await fc.assert(
      fc.asyncProperty(json, fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'), async (body, type) => {
        const res = await fetch(`${world.baseUrl}/v1/session`, { method: 'POST', headers: headersFor(undefined, type), body: typeof body === 'string' ? body : JSON.stringify(body) });
        await expectDocumentedError(res, false);
      }),
      { numRuns: 60 },
    );
  });

  it('GET /v1 endpoints with random queries, paths and credentials', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.constantFrom('tenant', 'user', 'permission', 'x'), text, { maxKeys: 4 }), text, authHeader, async (query, segment, auth) => {
        const headers = headersFor(auth);
        await expectDocumentedError(await fetch(`${world.baseUrl}/v1/access/explain?${new URLSearchParams(query)}`, { headers }), false);
        await expectDocumentedError(await fetch(`${world.baseUrl}/v1/tenants/${encodeURIComponent(segment)}/entitlements`, { headers }), false);
        await expectDocumentedError(await fetch(`${world.baseUrl}/v1/me/context`, { headers }), false);
        for (const p of ['', '/published', '/changes?version=' + encodeURIComponent(segment), '/images/' + encodeURIComponent(segment)]) await expectDocumentedError(await fetch(`${world.baseUrl}/v1/branding/${encodeURIComponent(segment)}${p}`, { headers }), false);
        await expectDocumentedError(await fetch(`${world.baseUrl}/v1/${encodeURIComponent(segment)}`, { headers }), false);
      }),
      { numRuns: 60 },
    );
  });

  it('POST /oauth/token, /oauth/introspect and /oauth/revoke with random forms', async () => {
    const form = fc.dictionary(
      fc.constantFrom('grant_type', 'client_id', 'subject_token', 'subject_token_type', 'audience', 'resource', 'scope', 'token', 'token_type_hint', 'client_secret', 'actor_token'),
      fc.oneof(text, fc.constant('SESSION'), fc.constant('urn:ietf:params:oauth:grant-type:token-exchange'), fc.constant('switchboard-extension')),
      { maxKeys: 8 },
    );
    await fc.assert(
      fc.asyncProperty(form, authHeader, fc.constantFrom('application/x-www-form-urlencoded', 'application/json', 'multipart/form-data; boundary=x'), async (fields, auth, type) => {
        const body = new URLSearchParams(Object.entries(fields).map(([k, v]) => [k, v === 'SESSION' ? session : v])).toString();
        for (const path of ['/oauth/token', '/oauth/introspect', '/oauth/revoke']) {
          await expectDocumentedError(await fetch(`${world.baseUrl}${path}`, { method: 'POST', headers: headersFor(auth, type), body }), true);
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('no input produces a 500 on the access-admin endpoints (issue 17)', () => {
  let admin: string;
  beforeAll(async () => {
    admin = await world.signIn(DEMO.users.contosoAdmin.email);
  });
  const id = fc.oneof(text, fc.constantFrom('t_acme', 't_c001', 'g_acme_analyst', 'g_globex_analyst', 'r_acme', 'r_umbrella', 't_contoso', 'u_contoso_analyst'));
  const anyBody = fc.oneof(
    json,
    fc.record(
      {
        version: fc.oneof(fc.integer(), fc.constant(1), text),
        customer_id: id,
        user_ids: fc.array(id, { maxLength: 3 }),
        platform_admin: fc.oneof(fc.boolean(), text),
        duration: fc.oneof(fc.constant({ kind: 'permanent' }), fc.constant({ kind: 'hours', hours: 24 }), fc.record({ kind: fc.constant('until'), expires_at: fc.oneof(text, fc.date({ noInvalidDate: true }).map((d) => d.toISOString())) }), json),
        customers: fc.array(fc.record({ customer_id: id, role: fc.oneof(fc.constant(null), text, fc.constant('operator')), products: fc.array(text, { maxLength: 2 }) }), { maxLength: 3 }),
        role: fc.oneof(fc.constant(null), text),
        products: fc.array(text, { maxLength: 2 }),
        grant_id: id,
        reason: text,
        decisions: fc.array(fc.record({ id, decision: fc.constantFrom('approve', 'decline', 'x'), expires_at: text }), { maxLength: 2 }),
        name: text,
        notify_on_grant_changes: fc.boolean(),
        entries: fc.array(text, { maxLength: 3 }),
        confirm_name: text,
        acknowledge_data_loss: fc.constant(true),
        email: fc.oneof(text, fc.constant('x@acme.example')),
        token: text,
        password: text,
      },
      { requiredKeys: [] },
    ),
  );
  const writes: [string, (s: string) => string][] = [
    ['POST', () => '/v1/relationships'],
    ['POST', (s) => `/v1/relationships/${s}/approve`],
    ['DELETE', (s) => `/v1/relationships/${s}`],
    ['PATCH', (s) => `/v1/relationships/${s}/notifications`],
    ['POST', () => '/v1/grants/preview'],
    ['POST', () => '/v1/grants'],
    ['PATCH', (s) => `/v1/grants/${s}`],
    ['POST', (s) => `/v1/grants/${s}/preview`],
    ['POST', (s) => `/v1/grants/${s}/extend`],
    ['DELETE', (s) => `/v1/grants/${s}`],
    ['POST', () => '/v1/extension-requests'],
    ['POST', () => '/v1/extension-requests/decide'],
    ['PATCH', (s) => `/v1/partners/t_contoso/customers/${s}`],
    ['POST', () => '/v1/admin/tenants'],
    ['PATCH', (s) => `/v1/admin/tenants/${s}`],
    ['PUT', (s) => `/v1/admin/tenants/${s}/subscriptions`],
    ['PUT', (s) => `/v1/admin/tenants/${s}/ip-allowlist`],
    ['POST', (s) => `/v1/admin/tenants/${s}/invitations`],
    ['POST', () => '/v1/invitations/accept'],
  ];
  const reads = (s: string, q: string) => [
    `/v1/relationships?${q}`, `/v1/grants/${s}`, `/v1/extension-requests?${q}`, `/v1/partners/${s}/customers?${q}`, `/v1/partners/t_contoso/customers/${s}`,
    `/v1/partners/${s}/users?${q}`, `/v1/partners/t_contoso/users/${s}`, `/v1/audit?${q}`, `/v1/audit/export?${q}`, `/v1/admin/tenants?${q}`, `/v1/admin/tenants/${s}`,
  ];

  it('writes with random bodies, ids and credentials', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...writes), id, anyBody, fc.oneof(fc.constant('ADMIN'), authHeader), async ([method, path], segment, body, auth) => {
        const headers = auth === 'ADMIN' ? { authorization: `Bearer ${admin}`, 'content-type': 'application/json' } : headersFor(auth, 'application/json');
        const res = await fetch(`${world.baseUrl}${path(encodeURIComponent(segment))}`, { method, headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
        await expectDocumentedError(res, false);
      }),
      { numRuns: 150 },
    );
  });

  it('reads with random queries and ids', async () => {
    const query = fc.dictionary(
      fc.constantFrom('state', 'q', 'cursor', 'limit', 'relationship', 'platform_admin', 'access', 'customer_id', 'tenant_id', 'user_id', 'from', 'to', 'action', 'format', 'kind', 'status', 'parent_id'),
      fc.oneof(text, fc.constantFrom('csv', 'jsonl', 'client', 'partner', 'all', 'pending', '2026-11-24T12:00:00Z', 'true', '5', 'grant.')),
      { maxKeys: 5 },
    );
    await fc.assert(
      fc.asyncProperty(id, query, fc.oneof(fc.constant('ADMIN'), authHeader), async (segment, q, auth) => {
        const headers = auth === 'ADMIN' ? { authorization: `Bearer ${admin}` } : headersFor(auth);
        for (const path of reads(encodeURIComponent(segment), new URLSearchParams(q).toString())) {
          await expectDocumentedError(await fetch(`${world.baseUrl}${path}`, { headers }), false);
        }
      }),
      { numRuns: 60 },
    );
  });
});
