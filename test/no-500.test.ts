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
