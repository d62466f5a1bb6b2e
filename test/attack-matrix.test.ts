// The token-exchange attack matrix (issue 20): every case is named after the published test,
// advisory or CVE it comes from. Cases another test already proves are listed in COVERED below,
// with the file and the exact title of that test (checked to exist, so a pointer cannot rot).
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPublicKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { SignJWT, base64url, decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair } from 'jose';
import { DEMO } from '../bff/db/seed';
import { accessGrants, auditEvents, relationships, users } from '../bff/db/schema';
import { recordAudit } from '../bff/db/audit';
import { revokeGrant } from '../bff/db/grants';
import { ACCESS_TOKEN_TYPE, TOKEN_EXCHANGE_GRANT } from '../shared/oauth';
import { startTestWorld, unlimitedRates, type TestWorld } from './helpers/test-server';
import { consoleAuth, exchange, expectIssued, expectOAuthError, introspect, post, type Reply } from './helpers/oauth-requests';

const T = DEMO.tenants;
const U = DEMO.users;

let world: TestWorld;
let analyst: string;
/** Every refusal this file saw, for the last case: no stack traces, paths, SQL or key ids in any of them. */
const refusals: Reply[] = [];
const refused = (reply: Reply, error: string, status = 400) => {
  refusals.push(reply);
  expectOAuthError(reply, error, status);
  return reply;
};

beforeAll(async () => {
  world = await startTestWorld({ config: { rateLimit: unlimitedRates() } });
  analyst = await world.signIn(U.contosoAnalyst.email);
});
afterAll(() => world.close());

/** A token signed with the BFF's own current key: what only a key thief could make. */
async function signedWithOurKey(payload: Record<string, unknown>, header: Record<string, unknown> = {}) {
  const { kid, privateKey } = await world.deps.keys.signingKey();
  return new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT', ...header }).sign(privateKey);
}
const sessionClaims = (overrides: Record<string, unknown> = {}): Record<string, unknown> => {
  const now = Math.floor(world.clock().getTime() / 1000);
  return { ...decodeJwt(analyst), iat: now, exp: now + 3600, jti: crypto.randomUUID(), ...overrides };
};

describe('subject tokens (Keycloak TokenExchange tests, fosite rfc8693 handler, Hono 2026 JWT advisories)', () => {
  it('keycloak: a genuine signature over a not-yet-valid token (nbf an hour ahead) is refused', async () => {
    const now = Math.floor(world.clock().getTime() / 1000);
    const early = await signedWithOurKey(sessionClaims({ nbf: now + 3600 }));
    refused(await exchange(world, early, T.acme), 'invalid_request');
    // The same claims without nbf pass: the nbf alone made the difference.
    await expectIssued(await exchange(world, await signedWithOurKey(sessionClaims()), T.acme));
  });

  it('keycloak: a genuine signature under an unknown kid is refused', async () => {
    const { privateKey } = await world.deps.keys.signingKey();
    const token = await new SignJWT(sessionClaims()).setProtectedHeader({ alg: 'ES256', kid: 'not-a-key-of-ours', typ: 'JWT' }).sign(privateKey);
    refused(await exchange(world, token, T.acme), 'invalid_request');
    const keyless = await new SignJWT(sessionClaims()).setProtectedHeader({ alg: 'ES256', typ: 'JWT' }).sign(privateKey);
    refused(await exchange(world, keyless, T.acme), 'invalid_request');
  });

  it('hono GHSA 2026 (algorithm confusion): HS256 keyed with our published public key is refused', async () => {
    const { keys } = (await (await fetch(`${world.baseUrl}/.well-known/jwks.json`)).json()) as { keys: Record<string, string>[] };
    const jwk = keys[0]!;
    const pem = createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString();
    for (const secret of [JSON.stringify(jwk), pem, jwk.x!]) {
      const token = await new SignJWT(sessionClaims()).setProtectedHeader({ alg: 'HS256', kid: jwk.kid, typ: 'JWT' }).sign(new TextEncoder().encode(secret));
      refused(await exchange(world, token, T.acme), 'invalid_request');
    }
  });

  it('hono GHSA 2026 / RFC 8725 §3.10: jku, x5u and an embedded jwk header are never followed or trusted', async () => {
    let fetched = 0;
    const lure: Server = createServer((_req, res) => {
      fetched++;
      res.end('{}');
    });
    await new Promise<void>((resolve) => lure.listen(0, '127.0.0.1', resolve));
    const at = `http://127.0.0.1:${(lure.address() as AddressInfo).port}`;
    try {
      const { privateKey, publicKey } = await generateKeyPair('ES256');
      const attackerJwk = await exportJWK(publicKey);
      const { kid } = decodeProtectedHeader(analyst);
      const headers = [{ jku: `${at}/jwks.json` }, { x5u: `${at}/cert.pem` }, { jwk: attackerJwk }, { jku: `${at}/jwks.json`, kid }, { jwk: attackerJwk, kid }];
      for (const extra of headers) {
        const token = await new SignJWT(sessionClaims()).setProtectedHeader({ alg: 'ES256', typ: 'JWT', ...extra }).sign(privateKey);
        refused(await exchange(world, token, T.acme), 'invalid_request');
        refusals.push(await post(world, '/oauth/introspect', { token }, { authorization: `Bearer ${token}` }));
      }
      expect(fetched).toBe(0);
    } finally {
      lure.close();
    }
  });

  it('hono GHSA 2026: only the canonical compact form is accepted (padding, whitespace, stray bits)', async () => {
    const { response } = await expectIssued(await exchange(world, analyst, T.acme));
    const customer = response.access_token;
    // The last character of a base64url ES256 signature carries 2 bits and 4 unused ones: flipping
    // an unused bit decodes to the same bytes, which jose verifies; we refuse it.
    const last = analyst.at(-1)!;
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const sibling = alphabet[alphabet.indexOf(last) ^ 1]!;
    const spellings = [`${analyst}==`, `${analyst}=`, `${analyst} `, ` ${analyst}`, `${analyst}\n`, `${analyst}\t`, `${analyst.slice(0, -1)}${sibling}`, analyst.replace('.', '..'), `${analyst}.`];
    for (const spelling of spellings) {
      refused(await exchange(world, spelling, T.acme), 'invalid_request');
      const bearer = await fetch(`${world.baseUrl}/v1/me/context`, { headers: { authorization: `Bearer ${spelling.trim()}` } });
      if (spelling.trim() !== analyst) expect(bearer.status, JSON.stringify(spelling)).toBe(401);
    }
    for (const spelling of [`${customer}==`, `${customer} `, `${customer.slice(0, -1)}${alphabet[alphabet.indexOf(customer.at(-1)!) ^ 1]}`]) {
      expect((await introspect(world, spelling)).body, JSON.stringify(spelling)).toEqual({ active: false });
      // Revoking a non-canonical spelling revokes nothing (RFC 7009: answered 200 all the same).
      expect((await post(world, '/oauth/revoke', { token: spelling }, { authorization: `Bearer ${analyst}` })).status).toBe(200);
      expect((await introspect(world, customer)).body.active).toBe(true);
    }
    expect((await fetch(`${world.baseUrl}/v1/me/context`, { headers: { authorization: `Bearer ${analyst}==` } })).status).toBe(401);
  });

  it('fosite: a token of ours without token_use session, or with another typ, is not a sign-in', async () => {
    const { token_use: _dropped, ...noUse } = sessionClaims();
    refused(await exchange(world, await signedWithOurKey(noUse), T.acme), 'invalid_request');
    for (const typ of ['at+jwt', 'application/at+jwt', 'id_token+jwt', 'logout+jwt']) {
      refused(await exchange(world, await signedWithOurKey(sessionClaims(), { typ }), T.acme), 'invalid_request');
    }
    refused(await exchange(world, await signedWithOurKey(sessionClaims({ aud: 'http://127.0.0.1:8788' })), T.acme), 'invalid_request');
  });

  it('node-oidc-provider token exchange: unsupported token types and requested types are refused', async () => {
    for (const subject_token_type of ['urn:ietf:params:oauth:token-type:refresh_token', 'urn:ietf:params:oauth:token-type:id_token', 'urn:ietf:params:oauth:token-type:saml2']) {
      refused(await exchange(world, analyst, T.acme, { subject_token_type }), 'invalid_request');
    }
    for (const requested_token_type of ['urn:ietf:params:oauth:token-type:refresh_token', 'urn:ietf:params:oauth:token-type:id_token']) {
      refused(await exchange(world, analyst, T.acme, { requested_token_type }), 'invalid_request');
    }
  });
});

describe('parameters (RFC 8693 §2.1, Keycloak TokenExchange tests)', () => {
  it('repeated or contradictory parameters are refused, not resolved by picking one', async () => {
    const raw = (pairs: [string, string][]) =>
      fetch(`${world.baseUrl}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(pairs) }).then(async (r) => {
        const text = await r.text();
        return { status: r.status, headers: r.headers, text, body: JSON.parse(text) } as Reply;
      });
    const base: [string, string][] = [
      ['grant_type', TOKEN_EXCHANGE_GRANT],
      ['client_id', 'switchboard-extension'],
      ['subject_token_type', ACCESS_TOKEN_TYPE],
    ];
    const other = await world.signIn(U.fabrikamAnalyst.email);
    refused(await raw([...base, ['subject_token', analyst], ['subject_token', other], ['audience', T.acme]]), 'invalid_request');
    refused(await raw([...base, ['subject_token', analyst], ['grant_type', 'client_credentials'], ['audience', T.acme]]), 'invalid_request');
    refused(await raw([...base, ['subject_token', analyst], ['audience', T.acme], ['client_id', 'switchboard-console']]), 'invalid_request');
    refused(await raw([...base, ['subject_token', analyst], ['audience', T.acme], ['scope', 'Incident_View'], ['scope', 'Jobs_Manage']]), 'invalid_request');
    // Every parameter missing in turn.
    for (const drop of ['grant_type', 'client_id', 'subject_token', 'subject_token_type', 'audience']) {
      const pairs = [...base, ['subject_token', analyst], ['audience', T.acme]].filter(([k]) => k !== drop) as [string, string][];
      const reply = await raw(pairs);
      refusals.push(reply);
      expect(reply.status, drop).toBeGreaterThanOrEqual(400);
      expect(reply.status, drop).toBeLessThan(500);
    }
  });

  it('CVE-2022-1245 (Keycloak: any client could exchange for any target): another client or a confidential client named without its secret is refused', async () => {
    refused(await exchange(world, analyst, T.acme, { client_id: 'switchboard-console' }), 'invalid_client', 401);
    refused(await exchange(world, analyst, T.acme, { client_id: 'some-other-client' }), 'invalid_client', 401);
    // Console credentials authenticate the console; they do not let it exchange anyone's token.
    refusals.push(await post(world, '/oauth/token', { grant_type: TOKEN_EXCHANGE_GRANT, client_id: 'switchboard-console', subject_token: analyst, subject_token_type: ACCESS_TOKEN_TYPE, audience: T.acme }, consoleAuth));
    expect(refusals.at(-1)!.status).toBe(401);
  });

  it('scope escalation: partner-level, unknown, case-changed or smuggled permissions are invalid_scope', async () => {
    for (const scope of ['MSP_Manage', 'Clients_View', 'incident_view', 'Incident_View MSP_View', 'Incident_View\tJobs_Manage', 'Incident_View,Jobs_Manage', '*', 'openid offline_access']) {
      const reply = await exchange(world, analyst, T.acme, { scope });
      refusals.push(reply);
      expect(reply.status, scope).toBe(400);
      expect(reply.body.error, scope).toBe('invalid_scope');
    }
    // Globex's admin grant does not cover the packages it lacks, Platform Administrator or not.
    const reply = await exchange(world, analyst, T.globex, { scope: 'Jobs_Manage' });
    refused(reply, 'invalid_scope');
  });
});

describe('audiences (Casdoor CVE-2026-9094: exchange across organisations; planted-defect gap of issue 20)', () => {
  it('a partner tenant is never an audience, even with an approved relationship and a grant into it', async () => {
    const at = world.clock();
    // Northwind (the service provider) manages Contoso (a partner) and grants its support user into it.
    await world.database.write(async (tx) => {
      await tx.insert(relationships).values({ id: 'r_attack_contoso', partnerId: T.northwind, customerId: T.contoso, state: 'approved', requestedAt: at, approvedAt: at });
      await tx.insert(accessGrants).values({
        id: 'g_attack_contoso',
        userId: U.support.id,
        partnerId: T.northwind,
        customerId: T.contoso,
        platformAdmin: true,
        role: 'admin',
        products: ['hybrid_discovery_monitoring', 'event_incident_management'],
        expiresAt: null,
        grantedBy: U.support.id,
        grantedAt: at,
      });
    });
    const support = await world.signIn(U.support.email);
    const partner = refused(await exchange(world, support, T.contoso), 'invalid_target');
    const missing = refused(await exchange(world, support, 't_no_such_partner'), 'invalid_target');
    expect(partner.text).toBe(missing.text);
    refused(await exchange(world, support, T.northwind), 'invalid_target');
  });

  it("a token of one partner's analyst names another partner's customer: the answer of a missing id", async () => {
    const fabrikam = await world.signIn(U.fabrikamAnalyst.email);
    const foreign = refused(await exchange(world, fabrikam, T.acme), 'invalid_target');
    const missing = refused(await exchange(world, fabrikam, 't_acme_x'), 'invalid_target');
    expect(foreign.text.replaceAll(T.acme, 'ID')).toBe(missing.text.replaceAll('t_acme_x', 'ID'));
  });
});

describe('users (Keycloak: disabled user; node-oidc-provider: session end)', () => {
  it('a disabled user gets nothing for a session token issued before, and their tokens read inactive', async () => {
    const w = await startTestWorld({ config: { rateLimit: unlimitedRates() } });
    try {
      const token = await w.signIn(U.contosoAnalyst.email);
      const { response } = await expectIssued(await exchange(w, token, T.acme));
      await w.database.write((tx) => tx.update(users).set({ status: 'inactive' }).where(eq(users.id, U.contosoAnalyst.id)));
      const reply = await exchange(w, token, T.acme);
      refusals.push(reply);
      expectOAuthError(reply, 'invalid_request');
      expect(reply.body.error_description).toMatch(/inactive/);
      expect((await introspect(w, response.access_token)).body).toEqual({ active: false });
      expect((await fetch(`${w.baseUrl}/v1/me/context`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
      const signIn = await fetch(`${w.baseUrl}/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: U.contosoAnalyst.email, password: 'switchboard-demo' }) });
      expect(signIn.status).toBe(401);
    } finally {
      await w.close();
    }
  });
});

describe('races and uniqueness', () => {
  it('an exchange racing a revocation: no token is issued once the revocation has committed', async () => {
    const w = await startTestWorld({ config: { rateLimit: unlimitedRates() } });
    try {
      const token = await w.signIn(U.contosoAnalyst.email);
      const grant = 'g_c020';
      // Sixty exchanges in flight; the revocation commits once the tenth answer is back, while the rest still run.
      let answered = 0;
      let revocation: Promise<void> | undefined;
      const revoke = () =>
        w.database.write(async (tx) => {
          await revokeGrant(tx, grant, w.clock());
          await recordAudit(tx, { at: w.clock(), action: 'test.revocation-committed', outcome: 'success', tenantId: 't_c020' });
        });
      const attempts = Array.from({ length: 60 }, () =>
        exchange(w, token, 't_c020').then((reply) => {
          if (++answered === 10) revocation = revoke();
          return reply;
        }),
      );
      const replies = await Promise.all(attempts);
      await revocation;
      // After the commit, nothing more.
      refused(await exchange(w, token, 't_c020'), 'invalid_target');
      const issued = replies.filter((r) => r.status === 200).map((r) => String(decodeJwt(r.body.access_token).jti));
      for (const r of replies.filter((x) => x.status !== 200)) expectOAuthError(r, 'invalid_target');
      const rows = await w.database.db.all<{ seq: number; action: string; outcome: string; detail: string | null }>(
        sql`select rowid as seq, action, outcome, detail from ${auditEvents} where tenant_id = 't_c020' order by rowid`,
      );
      const committed = rows.find((r) => r.action === 'test.revocation-committed')!.seq;
      const successes = rows.filter((r) => r.action === 'token.exchange' && r.outcome === 'success');
      // Every token handed out was recorded, and every record precedes the revocation's commit.
      expect(successes.map((r) => JSON.parse(r.detail!).jti).sort()).toEqual([...issued].sort());
      for (const s of successes) expect(s.seq).toBeLessThan(committed);
      expect(issued.length).toBeGreaterThan(0);
      expect(replies.length - issued.length).toBeGreaterThan(0);
      // And the ones issued before it read inactive now.
      for (const r of replies.filter((x) => x.status === 200)) expect((await introspect(w, r.body.access_token)).body.active).toBe(false);
    } finally {
      await w.close();
    }
  });

  it('jti is unique over 10,000 exchanges of one session', { timeout: 600_000 }, async () => {
    const w = await startTestWorld({ config: { rateLimit: unlimitedRates() }, listen: false });
    try {
      const token = await w.signIn(U.contosoAnalyst.email);
      const body = new URLSearchParams({ grant_type: TOKEN_EXCHANGE_GRANT, client_id: 'switchboard-extension', subject_token: token, subject_token_type: ACCESS_TOKEN_TYPE, audience: T.acme }).toString();
      const jtis = new Set<string>();
      const started = performance.now();
      const N = Number(process.env.ATTACK_MATRIX_EXCHANGES ?? 10_000);
      const PARALLEL = 8;
      let next = 0;
      const worker = async () => {
        while (next < N) {
          next++;
          const res = await w.app.request('/oauth/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
          const json = (await res.json()) as { access_token: string };
          if (res.status !== 200) throw new Error(`exchange failed: ${res.status} ${JSON.stringify(json)}`);
          jtis.add(String(decodeJwt(json.access_token).jti));
        }
      };
      await Promise.all(Array.from({ length: PARALLEL }, worker));
      console.info(`${N} exchanges in ${((performance.now() - started) / 1000).toFixed(1)} s (in-process, ${PARALLEL} at a time)`);
      expect(jtis.size).toBe(N);
    } finally {
      await w.close();
    }
  });
});

describe('what the server gives away', () => {
  it('the JWKS publishes public members only, before and after a key rotation', async () => {
    const w = await startTestWorld({ listen: true });
    try {
      const check = async () => {
        const { keys } = (await (await fetch(`${w.baseUrl}/.well-known/jwks.json`)).json()) as { keys: Record<string, unknown>[] };
        expect(keys.length).toBeGreaterThan(0);
        for (const key of keys) {
          for (const member of Object.keys(key)) expect(['kty', 'crv', 'x', 'y', 'kid', 'alg', 'use', 'n', 'e'], member).toContain(member);
          for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k', 'oth']) expect(key).not.toHaveProperty(secret);
        }
        return keys.length;
      };
      const before = await check();
      await w.deps.keys.rotate();
      expect(await check()).toBe(before + 1);
    } finally {
      await w.close();
    }
  });

  it('no refusal above carries a stack trace, a source path, SQL, a key id or another token id', async () => {
    expect(refusals.length).toBeGreaterThan(40);
    const { kid } = decodeProtectedHeader(analyst);
    for (const reply of refusals) {
      expect(reply.status).toBeLessThan(500);
      const text = reply.text;
      for (const leak of [/\n\s*at |\(\S+:\d+:\d+\)/, /\.ts\b/, /\/work\/|node_modules/, /SQLITE|select |insert |constraint/i, /Error:/, new RegExp(String(kid))]) {
        expect(text, text).not.toMatch(leak);
      }
      expect(Object.keys(reply.body ?? {}).sort(), text).toEqual(['error', 'error_description']);
    }
  });
});

/** Cases proven elsewhere: where, under which exact title. */
const COVERED: { anchor: string; file: string; title: string }[] = [
  { anchor: 'keycloak: expired subject token', file: 'bff/routes/oauth.test.ts', title: 'invalid_request for an expired session token (past 8 h)' },
  { anchor: 'fosite: forged subject token (our kid and issuer, another key)', file: 'bff/routes/oauth.test.ts', title: 'invalid_request for a token forged with our kid and issuer but another key' },
  { anchor: 'hono GHSA 2026 / CVE-2015-9235 lineage: alg none', file: 'bff/routes/oauth.test.ts', title: 'invalid_request for an unsigned (alg: none) token' },
  { anchor: "keycloak: another issuer's token as subject", file: 'bff/routes/oauth.test.ts', title: 'invalid_request for a token from an untrusted issuer' },
  { anchor: 'node-oidc-provider: a customer (access) token as subject, no chaining', file: 'bff/routes/oauth.test.ts', title: 'invalid_request for an exchanged customer token used as the subject (no chaining)' },
  { anchor: 'keycloak: external issuer key not published by the issuer', file: 'bff/auth/external-issuer.test.ts', title: 'refuses a token signed by a key the issuer does not publish' },
  { anchor: 'RFC 8693: wrong or missing subject_token_type', file: 'bff/routes/oauth.test.ts', title: 'invalid_request for a wrong or missing subject_token_type' },
  { anchor: 'RFC 8693: repeated audience, missing audience, actor tokens', file: 'bff/routes/oauth.test.ts', title: 'invalid_request for a repeated parameter, a missing audience and actor tokens' },
  { anchor: 'RFC 6749 §3.2: JSON instead of a form', file: 'bff/routes/oauth.test.ts', title: 'invalid_request (not a server error) for a JSON body instead of a form' },
  { anchor: 'keycloak: a customer without an effective grant (expired)', file: 'bff/routes/oauth.test.ts', title: 'invalid_target for an expired grant (Initech)' },
  { anchor: 'keycloak: a customer without an effective grant (revoked)', file: 'bff/routes/oauth.test.ts', title: 'invalid_target for a revoked grant' },
  { anchor: 'keycloak: a customer without an effective grant (pending relationship)', file: 'bff/routes/oauth.test.ts', title: 'invalid_target while the relationship is pending (Umbrella)' },
  { anchor: 'keycloak: a customer without an effective grant (any world)', file: 'test/token-property.test.ts', title: 'issues tokens only within the grant' },
  { anchor: 'scope escalation: a permission the grant lacks', file: 'bff/routes/oauth.test.ts', title: 'invalid_scope for a permission the grant lacks and for one that does not exist' },
  { anchor: 'race: grant revoked while the token is being signed', file: 'bff/routes/oauth.test.ts', title: 'hands out no token when the grant is revoked while the token is being signed' },
  { anchor: 'node-oidc-provider: signed-out user (session revoked)', file: 'bff/routes/oauth.test.ts', title: 'invalid_request for a session token revoked through /oauth/revoke' },
  { anchor: 'node-oidc-provider: sign-out turns customer tokens off', file: 'bff/oauth/introspection.test.ts', title: 'reads active:false for a customer token once the session it came from is revoked (sign-out)' },
  { anchor: 'JWKS: public parts only', file: 'bff/routes/well-known.test.ts', title: 'publishes the signing keys as an RFC 7517 JWKS with public parts only' },
];

describe('covered elsewhere', () => {
  it.each(COVERED)('$anchor → $file', ({ file, title }) => {
    expect(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8')).toContain(title);
  });
});
