// Issue 20, hostile input: a generated pass over every endpoint of a real server (fast-check):
// random and boundary strings, unicode (lone surrogates, bidi controls, NUL), wrong types, nulls,
// extra keys for mass assignment, prototype keys, huge bodies. Zero 5xx, every error in the
// documented shape (/v1: shared/errors.ts; /oauth: RFC 6749), and strict request schemas refuse
// keys the contract does not name. test/no-500.test.ts keeps the first, smaller pass.
import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_PASSWORD } from '../bff/db/seed';
import { explainQuerySchema } from '../shared/access-explain';
import { errorBodySchema } from '../shared/errors';
import { backgroundRequestSchema } from '../shared/extension-messages';
import { oauthErrorSchema } from '../shared/oauth';
import { sessionRequestSchema } from '../shared/session';
import { CONSOLE, basic } from './helpers/oauth-requests';
import { startTestWorld, unlimitedRates, type TestWorld } from './helpers/test-server';

const RUNS = 80;
let world: TestWorld;
let session: string;
beforeAll(async () => {
  world = await startTestWorld({ config: { rateLimit: unlimitedRates() } });
  session = await world.signIn(DEMO.users.contosoAnalyst.email);
});
afterAll(() => world.close());

const BOUNDARY = [
  '', ' ', '\u0000', '\uFEFF', '\u202E', '\uD800', '\uDFFF', '🙂', 'é', 'ǅ', '\r\n', '../../etc/passwd', '%00', '%', '%%', '<script>alert(1)</script>',
  "' OR 1=1 --", '"; drop table users; --', '__proto__', 'constructor', 'prototype', 'null', 'undefined', 'NaN', '-1', '1e309', '0x10',
  't_acme', 't_wayne', 'u_contoso_admin', 'Incident_View', DEMO.users.contosoAnalyst.email, 'a'.repeat(64), 'a'.repeat(65), 'a'.repeat(254), 'a'.repeat(255), 'a'.repeat(1024), 'a'.repeat(1025),
];
const hostileString = fc.oneof(fc.string({ maxLength: 80 }), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom(...BOUNDARY));
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  hostileString,
  fc.constantFrom(null, true, false, 0, -1, 1.5, Number.MAX_SAFE_INTEGER, [], {}),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
);
/** Keys an attacker adds hoping something assigns them: roles, ids, prototype keys. */
const EXTRA_KEYS = ['__proto__', 'constructor', 'prototype', 'role', 'roles', 'user_id', 'userId', 'tenant_id', 'is_admin', 'platform_admin', 'status', 'id', 'email_verified'];
const extraKeys = fc.dictionary(fc.constantFrom(...EXTRA_KEYS), hostileValue, { minKeys: 1, maxKeys: 3 });

/** A JSON text with keys in order, `__proto__` included as an own key (JSON.stringify of a literal would drop it). */
const jsonText = (entries: [string, unknown][]) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}`).join(',')}}`;

/** Percent-encodes any string, lone surrogates included (as the invalid UTF-8 a hostile client would send). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const encodeAny = (s: string) => s.split(LONE_SURROGATE).map(encodeURIComponent).join('%ED%A0%80');
/** Already-encoded path segments that decode to invalid UTF-8 or to separators. */
const RAW_SEGMENTS = ['%ED%A0%80', '%C0%AF', '%FF', '%2F', '%2e%2e', '%00', '%'];

/**
 * A POST over its own socket: the server may answer a body past the limit before it is all sent,
 * and close the connection; what it answered is read all the same.
 */
function rawPost(path: string, headers: Record<string, string>, body: string): Promise<Response> {
  return new Promise((resolve, reject) => {
    const { port } = new URL(world.baseUrl);
    const socket = connect(Number(port), '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', () => undefined); // EPIPE or reset once the server has answered and closed
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head ?? '')?.[1]);
      if (!status) return reject(new Error(`no HTTP answer: ${text.slice(0, 200)}`));
      const chunked = /transfer-encoding: chunked/i.test(head!);
      let payload = rest.join('\r\n\r\n');
      if (chunked) payload = payload.replace(/^[0-9a-f]+\r\n/i, '').replace(/\r\n0\r\n\r\n$/, '');
      resolve(new Response(payload, { status }));
    });
    const lines = Object.entries({ host: '127.0.0.1', connection: 'close', 'content-length': String(Buffer.byteLength(body)), ...headers }).map(([k, v]) => `${k}: ${v}`);
    socket.write(`POST ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`);
    socket.write(body);
  });
}

const STATUS_OK_OR_CLIENT_ERROR = (s: number) => s < 500;

async function expectDocumented(res: Response, oauth: boolean, what: string) {
  const text = await res.text();
  expect(STATUS_OK_OR_CLIENT_ERROR(res.status), `${what} → ${res.status} ${text.slice(0, 300)}`).toBe(true);
  if (res.status < 400) return;
  const body = JSON.parse(text);
  const documented = oauth ? oauthErrorSchema.safeParse(body).success || errorBodySchema.safeParse(body).success : errorBodySchema.safeParse(body).success;
  expect(documented, `${what} → ${text.slice(0, 300)}`).toBe(true);
  expect(text).not.toMatch(/\n\s+at |node_modules|SQLITE_|LibsqlError|DrizzleQueryError/);
}

const authOf = (kind: string, value: string): Record<string, string> => {
  const v = kind === 'session' ? `Bearer ${session}` : kind === 'bearer' ? `Bearer ${value}` : kind === 'basic' ? `Basic ${value}` : kind === 'console' ? basic(CONSOLE.id, CONSOLE.secret) : value;
  return kind === 'none' || !/^[\t\x20-\x7e]*$/.test(v) ? {} : { authorization: v };
};
const authKind = fc.constantFrom('none', 'session', 'bearer', 'basic', 'console', 'raw');

describe('every endpoint, fuzzed', () => {
  it('POST /v1/session: wrong types, unicode, nulls, extra and prototype keys, any content type', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ email: hostileValue, password: hostileValue }, { requiredKeys: [] }),
        fc.option(extraKeys, { nil: undefined }),
        fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', ''),
        async (fields, extra, type) => {
          const body = jsonText([...Object.entries(fields), ...Object.entries(extra ?? {})]);
          const res = await fetch(`${world.baseUrl}/v1/session`, { method: 'POST', headers: type ? { 'content-type': type } : {}, body });
          await expectDocumented(res, false, `POST /v1/session ${body.slice(0, 200)}`);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('GET /v1 endpoints: hostile paths, queries and credentials', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.oneof(fc.constantFrom('tenant', 'user', 'permission', ...EXTRA_KEYS), hostileString), hostileString, { maxKeys: 4 }),
        fc.oneof(hostileString.map(encodeAny), fc.constantFrom(...RAW_SEGMENTS)),
        authKind,
        hostileString,
        async (query, seg, kind, credential) => {
          const headers = authOf(kind, credential);
          const q = Object.entries(query).map(([k, v]) => `${encodeAny(k)}=${encodeAny(v)}`).join('&');
          for (const path of [`/v1/access/explain?${q}`, `/v1/tenants/${seg}/entitlements?${q}`, `/v1/me/context?${q}`, `/v1/catalogue?${q}`, `/v1/${seg}`, `/v1/tenants/${seg}`, `/healthz?${q}`]) {
            await expectDocumented(await fetch(`${world.baseUrl}${path}`, { headers }), false, `GET ${path}`);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('POST /oauth/token, /introspect and /revoke: hostile forms, repeated and unknown parameters, JSON instead of a form', async () => {
    const names = fc.constantFrom('grant_type', 'client_id', 'subject_token', 'subject_token_type', 'audience', 'resource', 'scope', 'token', 'token_type_hint', 'client_secret', 'actor_token', ...EXTRA_KEYS);
    const value = fc.oneof(hostileString, fc.constantFrom('SESSION', 'urn:ietf:params:oauth:grant-type:token-exchange', 'urn:ietf:params:oauth:token-type:access_token', 'switchboard-extension', 't_acme'));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(names, value), { maxLength: 10 }), authKind, hostileString, fc.constantFrom('application/x-www-form-urlencoded', 'application/json', 'text/plain', ''), async (pairs, kind, credential, type) => {
        const fields = pairs.map(([k, v]) => [k, v === 'SESSION' ? session : v] as [string, string]);
        const body = type === 'application/json' ? jsonText(fields) : new URLSearchParams(fields).toString();
        for (const path of ['/oauth/token', '/oauth/introspect', '/oauth/revoke']) {
          const res = await fetch(`${world.baseUrl}${path}`, { method: 'POST', headers: { ...authOf(kind, credential), ...(type ? { 'content-type': type } : {}) }, body });
          await expectDocumented(res, true, `POST ${path} ${body.slice(0, 200)}`);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('every route with the wrong method, and the well-known documents with hostile queries', async () => {
    const routes = ['/healthz', '/v1/session', '/v1/me/context', '/v1/access/explain', '/v1/tenants/t_acme/entitlements', '/v1/catalogue', '/.well-known/jwks.json', '/.well-known/oauth-authorization-server', '/oauth/token', '/oauth/introspect', '/oauth/revoke'];
    for (const path of routes) {
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
        const res = await fetch(`${world.baseUrl}${path}`, { method, headers: { authorization: `Bearer ${session}`, 'content-type': 'application/json' }, body: ['GET', 'OPTIONS'].includes(method) ? undefined : '{}' });
        await expectDocumented(res, path.startsWith('/oauth'), `${method} ${path}`);
      }
    }
    await fc.assert(
      fc.asyncProperty(hostileString, async (s) => {
        for (const path of ['/.well-known/jwks.json', '/.well-known/oauth-authorization-server']) {
          await expectDocumented(await fetch(`${world.baseUrl}${path}?${encodeAny(s)}=${encodeAny(s)}`), false, path);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('huge bodies, near and past the limit, on every POST', async () => {
    for (const size of [60 * 1024, 64 * 1024, 64 * 1024 + 1, 1024 * 1024]) {
      const big = 'a'.repeat(size);
      const signIn = await rawPost('/v1/session', { 'content-type': 'application/json' }, JSON.stringify({ email: big, password: 'x' }));
      await expectDocumented(signIn, false, `POST /v1/session of ${size} bytes`);
      expect(signIn.status).toBe(size < 64 * 1024 ? 400 : 413);
      for (const path of ['/oauth/token', '/oauth/introspect', '/oauth/revoke']) {
        const res = await rawPost(path, { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(CONSOLE.id, CONSOLE.secret) }, new URLSearchParams({ token: big }).toString());
        expect(res.status, `${path} ${size}`).toBeGreaterThanOrEqual(size < 64 * 1024 ? 200 : 413);
        await expectDocumented(res, true, `POST ${path} of ${size} bytes`);
      }
    }
  });

  it('leaves Object.prototype as it was', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(Object.getOwnPropertyNames(Object.getPrototypeOf({})).sort());
    for (const key of ['admin', 'role', 'roles', 'is_admin', 'platform_admin', 'user_id', 'polluted']) expect(({} as Record<string, unknown>)[key], key).toBeUndefined();
  });
});

describe('strict request schemas refuse keys the contract does not name', () => {
  const signIn = { email: DEMO.users.contosoAnalyst.email, password: DEMO_PASSWORD };

  it('a sign-in with an extra key is refused, naming it, and issues no session', async () => {
    for (const [key, value] of [['role', 'admin'], ['user_id', DEMO.users.contosoAdmin.id], ['__proto__', { platform_admin: true }], ['constructor', { prototype: { admin: true } }]] as const) {
      const res = await fetch(`${world.baseUrl}/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: jsonText([...Object.entries(signIn), [key, value]]) });
      const body = errorBodySchema.parse(await res.json());
      expect({ key, status: res.status, code: body.error.code }).toEqual({ key, status: 400, code: 'invalid_request' });
      expect(body.error.message).toContain(key === '__proto__' ? 'Unrecognized key' : key);
    }
    // The same body without the extra key signs in: the refusal was for the key alone.
    expect((await fetch(`${world.baseUrl}/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(signIn) })).status).toBe(200);
  });

  it('an explain query with an extra parameter is refused with 400', async () => {
    const res = await fetch(`${world.baseUrl}/v1/access/explain?tenant=${DEMO.tenants.acme}&user_id=${DEMO.users.contosoAdmin.id}`, { headers: { authorization: `Bearer ${session}` } });
    expect(res.status).toBe(400);
    expect(errorBodySchema.parse(await res.json()).error.message).toMatch(/user_id/);
  });

  it('the shared schemas: requests strict, every message type', () => {
    expect(sessionRequestSchema.safeParse({ ...signIn, role: 'admin' }).success).toBe(false);
    expect(explainQuerySchema.safeParse({ tenant: 't_acme', x: '1' }).success).toBe(false);
    for (const message of [{ type: 'session.status' }, { type: 'context.refresh' }, { type: 'customer.switch', tenantId: 't_acme' }, { type: 'session.signIn', ...signIn }]) {
      expect(backgroundRequestSchema.safeParse(message).success).toBe(true);
      expect(backgroundRequestSchema.safeParse({ ...message, tabId: 1, sender: 'page' }).success).toBe(false);
    }
  });
});
