// POST /oauth/token, /oauth/introspect and /oauth/revoke over real HTTP on 127.0.0.1: every refusal
// answers the exact RFC 6749 / RFC 8693 error code, and every issued token stays inside its grant.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { SignJWT, base64url, decodeJwt, decodeProtectedHeader, generateKeyPair } from 'jose';
import { DEMO } from '../db/seed';
import { GLOBEX_EXPIRY, HOUR, MINUTE, SEEDED_AT, startTestWorld, type TestWorld } from '../../test/helpers/test-server';
import { CONSOLE, RESOURCE, exchange, exchangeForm, expectIssued, expectOAuthError, post, roomyLimits, seconds } from '../../test/helpers/oauth-requests';
import { ACCESS_TOKEN_TYPE, JWT_TOKEN_TYPE } from '../../shared/oauth';
import { PERMISSIONS, ROLES } from '../../shared/catalogue';
import { defaultConfig } from '../config';
import { revokeGrant, setRelationshipState } from '../db/grants';
import { setIpAllowlist, setTenantStatus } from '../db/tenants';
import { accessGrants, auditEvents, rateLimitWindows, recents } from '../db/schema';

const T = DEMO.tenants;
const U = DEMO.users;
const G = DEMO.grants;

describe('POST /oauth/token', () => {
  let world: TestWorld;
  let analyst: string;

  beforeEach(async () => {
    world = await startTestWorld({ config: roomyLimits });
    analyst = await world.signIn(U.contosoAnalyst.email);
  });
  afterEach(async () => {
    await world.close();
  });

  describe('issues a customer token', () => {
    it('for Acme with every permission of the Operator grant, never cached, for at most 900 s', async () => {
      const reply = await exchange(world, analyst, T.acme);
      const { response, claims } = await expectIssued(reply);
      expect(reply.headers.get('cache-control')).toBe('no-store');
      expect(reply.headers.get('pragma')).toBe('no-cache');
      // Acme subscribes to every package and the grant covers every package: the whole Operator role.
      expect(response.scope.split(' ').sort()).toEqual([...ROLES.operator.permissions].sort());
      expect(claims.scope).toBe(response.scope);
      expect(response.expires_in).toBeLessThanOrEqual(900);
      expect(response.expires_in).toBe(900);
      expect(claims.exp! - claims.iat!).toBe(response.expires_in);
      expect(claims.iat).toBe(seconds(SEEDED_AT));
      expect(claims).toMatchObject({ sub: U.contosoAnalyst.id, aud: RESOURCE, tenant_id: T.acme, grant_id: G.acme, roles: ['operator'], platform_admin: false });
      expect(claims).toMatchObject({ tenant_name: 'Acme Retail', email: U.contosoAnalyst.email, packages: ['event_incident_management', 'hybrid_discovery_monitoring', 'remediation_automation'] });
    });

    it('for Globex without the packages the grant does not cover, even as Platform Administrator', async () => {
      const { response, claims } = await expectIssued(await exchange(world, analyst, T.globex));
      const scope = response.scope.split(' ');
      const allowedPackages = new Set(['hybrid_discovery_monitoring', 'event_incident_management']);
      const expected = [...new Set([...ROLES.admin.permissions, ...ROLES.platform_administrator.permissions])]
        .filter((p) => PERMISSIONS.get(p)?.scope === 'customer' && allowedPackages.has(PERMISSIONS.get(p)!.package ?? 'hybrid_discovery_monitoring'))
        .sort();
      expect(scope).toEqual(expected);
      expect(scope).not.toContain('Jobs_View');
      expect(scope).toContain('Incident_Manage');
      expect(claims).toMatchObject({ tenant_id: T.globex, roles: ['admin', 'platform_administrator'], platform_admin: true, grant_id: G.globex });
      expect(claims.packages).toEqual(['event_incident_management', 'hybrid_discovery_monitoring']);
    });

    it('narrows the scope to what was asked, sorted and de-duplicated', async () => {
      const { response, claims } = await expectIssued(await exchange(world, analyst, T.acme, { scope: 'Resources_View  Monitoring_View Resources_View' }));
      expect(response.scope).toBe('Monitoring_View Resources_View');
      expect(claims.scope).toBe('Monitoring_View Resources_View');
    });

    it('accepts the jwt subject token type and an explicit resource and requested_token_type', async () => {
      await expectIssued(
        await exchange(world, analyst, T.acme, { subject_token_type: JWT_TOKEN_TYPE, resource: RESOURCE, requested_token_type: ACCESS_TOKEN_TYPE }),
      );
    });

    it('never outlives the grant: five minutes before Globex expires the token lasts at most 300 s', async () => {
      world.clock.set(new Date(GLOBEX_EXPIRY.getTime() - 5 * MINUTE));
      const { response, claims } = await expectIssued(await exchange(world, analyst, T.globex));
      expect(response.expires_in).toBeLessThanOrEqual(300);
      expect(response.expires_in).toBeGreaterThan(290);
      expect(claims.exp!).toBeLessThanOrEqual(seconds(GLOBEX_EXPIRY));
      expect(claims.exp! - claims.iat!).toBe(response.expires_in);
    });

    it('with a fractional-second clock, exp still never passes the grant expiry', async () => {
      world.clock.set(new Date(GLOBEX_EXPIRY.getTime() - 120_500));
      const { response, claims } = await expectIssued(await exchange(world, analyst, T.globex));
      expect(response.expires_in).toBe(120);
      expect(claims.exp! * 1000).toBeLessThanOrEqual(GLOBEX_EXPIRY.getTime());
    });

    it('hands out no token when the grant is revoked while the token is being signed', async () => {
      const lastAccess = async () => (await world.database.db.select().from(accessGrants).where(eq(accessGrants.id, 'g_c020')).get())?.lastAccessAt;
      const before = await lastAccess();
      const sign = world.deps.tokens.issueAccessToken;
      world.deps.tokens.issueAccessToken = async (...args) => {
        const signed = await sign(...args);
        await world.database.write((tx) => revokeGrant(tx, 'g_c020', world.clock()));
        return signed;
      };
      try {
        const reply = await exchange(world, analyst, 't_c020');
        expectOAuthError(reply, 'invalid_target');
        expect(reply.body.error_description).toContain('revoked or expired a moment ago');
      } finally {
        world.deps.tokens.issueAccessToken = sign;
      }
      const rows = await world.database.db.select().from(auditEvents).where(eq(auditEvents.tenantId, 't_c020'));
      expect(rows.map((r) => r.outcome)).toEqual(['failure']);
      expect(await lastAccess()).toEqual(before);
    });

    it('writes a success audit row, the grant last access and the recents entry', async () => {
      world.clock.advance(3 * MINUTE);
      const now = world.clock();
      const { claims } = await expectIssued(await exchange(world, analyst, T.acme));
      const db = world.database.db;
      const rows = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'token.exchange'), eq(auditEvents.tenantId, T.acme)));
      expect(rows).toHaveLength(1);
      const row = rows[0]!;
      expect(row).toMatchObject({ outcome: 'success', actorUserId: U.contosoAnalyst.id, at: now });
      expect(row.reason).toMatch(/^allowed: /);
      expect(row.detail).toMatchObject({ jti: claims.jti, grant_id: G.acme, expires_in: 900 });

      const grant = await db.select().from(accessGrants).where(eq(accessGrants.id, G.acme)).get();
      expect(grant?.lastAccessAt).toEqual(now);
      const recent = await db
        .select()
        .from(recents)
        .where(and(eq(recents.userId, U.contosoAnalyst.id), eq(recents.tenantId, T.acme)))
        .get();
      expect(recent?.switchedAt).toEqual(now);

      // A second switch later moves both forward (the recents row is updated, not duplicated).
      world.clock.advance(MINUTE);
      await expectIssued(await exchange(world, analyst, T.acme));
      const again = await db.select().from(recents).where(eq(recents.userId, U.contosoAnalyst.id));
      expect(again.filter((r) => r.tenantId === T.acme)).toEqual([{ userId: U.contosoAnalyst.id, tenantId: T.acme, switchedAt: world.clock() }]);
      expect((await db.select().from(accessGrants).where(eq(accessGrants.id, G.acme)).get())?.lastAccessAt).toEqual(world.clock());
    });
  });

  describe('refuses the request', () => {
    it('unsupported_grant_type for any other grant', async () => {
      expectOAuthError(await exchange(world, analyst, T.acme, { grant_type: 'authorization_code' }), 'unsupported_grant_type');
      expectOAuthError(await exchange(world, analyst, T.acme, { grant_type: 'client_credentials' }), 'unsupported_grant_type');
    });

    it('invalid_client (401) for an unknown or missing client_id', async () => {
      expectOAuthError(await exchange(world, analyst, T.acme, { client_id: 'evil-extension' }), 'invalid_client', 401);
      expectOAuthError(await exchange(world, analyst, T.acme, { client_id: undefined }), 'invalid_client', 401);
      expectOAuthError(await exchange(world, analyst, T.acme, { client_id: CONSOLE.id }), 'invalid_client', 401);
    });

    it('invalid_request for a missing or garbage subject_token', async () => {
      expectOAuthError(await exchange(world, undefined, T.acme), 'invalid_request');
      expectOAuthError(await exchange(world, '', T.acme), 'invalid_request');
      expectOAuthError(await exchange(world, 'not-a-jwt', T.acme), 'invalid_request');
      expectOAuthError(await exchange(world, `${analyst}x`, T.acme), 'invalid_request');
    });

    it('invalid_scope for an empty scope parameter: leave it out to get the whole grant', async () => {
      expectOAuthError(await exchange(world, analyst, T.acme, { scope: '' }), 'invalid_scope');
      expectOAuthError(await exchange(world, analyst, T.acme, { scope: '   ' }), 'invalid_scope');
    });

    it('invalid_request for a wrong or missing subject_token_type', async () => {
      expectOAuthError(await exchange(world, analyst, T.acme, { subject_token_type: 'urn:ietf:params:oauth:token-type:id_token' }), 'invalid_request');
      expectOAuthError(await exchange(world, analyst, T.acme, { subject_token_type: undefined }), 'invalid_request');
    });

    it('invalid_request for a repeated parameter, a missing audience and actor tokens', async () => {
      const body = new URLSearchParams(exchangeForm(analyst, T.acme) as Record<string, string>);
      body.append('audience', T.globex);
      const res = await fetch(`${world.baseUrl}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toBe('invalid_request');
      expectOAuthError(await exchange(world, analyst, undefined), 'invalid_request');
      expectOAuthError(await exchange(world, analyst, T.acme, { actor_token: analyst, actor_token_type: ACCESS_TOKEN_TYPE }), 'invalid_request');
    });

    it('invalid_request (not a server error) for a JSON body instead of a form', async () => {
      const res = await fetch(`${world.baseUrl}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(exchangeForm(analyst, T.acme)),
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: string }).error).toBe('invalid_request');
    });

    it('invalid_request for an expired session token (past 8 h)', async () => {
      await expectIssued(await exchange(world, analyst, T.acme));
      world.clock.advance(8 * HOUR + 1000);
      const reply = await exchange(world, analyst, T.acme);
      expectOAuthError(reply, 'invalid_request');
      expect(reply.body.error_description).toMatch(/expired/);
    });

    it('invalid_request for a token forged with our kid and issuer but another key', async () => {
      const header = decodeProtectedHeader(analyst);
      const payload = decodeJwt(analyst);
      const { privateKey } = await generateKeyPair('ES256');
      const forged = await new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid: header.kid!, typ: 'JWT' }).sign(privateKey);
      expect(decodeJwt(forged)).toEqual(payload);
      expectOAuthError(await exchange(world, forged, T.acme), 'invalid_request');
      // The genuine token with the same claims is accepted: the signature alone made the difference.
      await expectIssued(await exchange(world, analyst, T.acme));
    });

    it('invalid_request for an unsigned (alg: none) token', async () => {
      const header = decodeProtectedHeader(analyst);
      const payload = decodeJwt(analyst);
      const enc = (o: object) => base64url.encode(JSON.stringify(o));
      const unsigned = `${enc({ alg: 'none', typ: 'JWT', kid: header.kid })}.${enc(payload)}.`;
      expectOAuthError(await exchange(world, unsigned, T.acme), 'invalid_request');
      // Even keeping the genuine signature but claiming alg none.
      const [, body, signature] = analyst.split('.');
      expectOAuthError(await exchange(world, `${enc({ alg: 'none', typ: 'JWT', kid: header.kid })}.${body}.${signature}`, T.acme), 'invalid_request');
    });

    it('invalid_request for a token from an untrusted issuer', async () => {
      const payload = decodeJwt(analyst);
      const { privateKey } = await generateKeyPair('ES256');
      const foreign = await new SignJWT({ ...payload, iss: 'https://idp.evil.example' })
        .setProtectedHeader({ alg: 'ES256', kid: 'evil', typ: 'JWT' })
        .sign(privateKey);
      const reply = await exchange(world, foreign, T.acme);
      expectOAuthError(reply, 'invalid_request');
      expect(reply.body.error_description).toMatch(/issuer/);
    });

    it('invalid_request for an exchanged customer token used as the subject (no chaining)', async () => {
      const { response } = await expectIssued(await exchange(world, analyst, T.acme));
      expectOAuthError(await exchange(world, response.access_token, T.acme), 'invalid_request');
      expectOAuthError(await exchange(world, response.access_token, T.globex), 'invalid_request');
      expectOAuthError(await exchange(world, response.access_token, T.acme, { subject_token_type: JWT_TOKEN_TYPE }), 'invalid_request');
    });

    it('invalid_request for a session token revoked through /oauth/revoke', async () => {
      await expectIssued(await exchange(world, analyst, T.acme));
      const revoked = await post(world, '/oauth/revoke', { token: analyst }, { authorization: `Bearer ${analyst}` });
      expect(revoked.status).toBe(200);
      const reply = await exchange(world, analyst, T.acme);
      expectOAuthError(reply, 'invalid_request');
      expect(reply.body.error_description).toMatch(/revoked/);
      // A fresh sign-in still works.
      await expectIssued(await exchange(world, await world.signIn(U.contosoAnalyst.email), T.acme));
    });

    it('invalid_target with one identical answer for an unknown tenant and a forbidden one', async () => {
      const unknown = await exchange(world, analyst, 't_does_not_exist');
      const forbidden = await exchange(world, analyst, T.wayne);
      expectOAuthError(unknown, 'invalid_target');
      expectOAuthError(forbidden, 'invalid_target');
      expect(forbidden.status).toBe(unknown.status);
      expect(forbidden.text).toBe(unknown.text);
      expect(forbidden.body).toEqual(unknown.body);
      // Wayne is real and enterable by its own analyst.
      await expectIssued(await exchange(world, await world.signIn(U.fabrikamAnalyst.email), T.wayne));
    });

    it('invalid_target for a partner or service-provider tenant', async () => {
      expectOAuthError(await exchange(world, analyst, T.contoso), 'invalid_target');
      expectOAuthError(await exchange(world, analyst, T.northwind), 'invalid_target');
    });

    it('invalid_target for an expired grant (Initech)', async () => {
      const reply = await exchange(world, analyst, T.initech);
      expectOAuthError(reply, 'invalid_target');
      expect(reply.body.error_description).toMatch(/expired/);
    });

    it('invalid_target for the Globex grant once it expires', async () => {
      world.clock.set(new Date(GLOBEX_EXPIRY.getTime() - 1500));
      await expectIssued(await exchange(world, analyst, T.globex));
      world.clock.set(GLOBEX_EXPIRY);
      expectOAuthError(await exchange(world, analyst, T.globex), 'invalid_target');
    });

    it('invalid_target for a revoked grant', async () => {
      await expectIssued(await exchange(world, analyst, T.acme));
      await world.database.write((tx) => revokeGrant(tx, G.acme, world.clock()));
      const reply = await exchange(world, analyst, T.acme);
      expectOAuthError(reply, 'invalid_target');
      expect(reply.body.error_description).toMatch(/revoked/);
    });

    it('invalid_target while the relationship is pending (Umbrella)', async () => {
      const reply = await exchange(world, analyst, T.umbrella);
      expectOAuthError(reply, 'invalid_target');
      expect(reply.body.error_description).toMatch(/pending/);
    });

    it('invalid_target once the relationship is removed', async () => {
      await expectIssued(await exchange(world, analyst, T.acme));
      await world.database.write((tx) => setRelationshipState(tx, T.contoso, T.acme, { state: 'removed', at: world.clock(), by: 'customer' }));
      const reply = await exchange(world, analyst, T.acme);
      expectOAuthError(reply, 'invalid_target');
      expect(reply.body.error_description).toMatch(/removed/);
    });

    it('invalid_target for an inactive and for a terminated customer', async () => {
      await world.database.write((tx) => setTenantStatus(tx, T.acme, 'inactive'));
      expectOAuthError(await exchange(world, analyst, T.acme), 'invalid_target');
      await world.database.write((tx) => setTenantStatus(tx, T.acme, 'terminated'));
      expectOAuthError(await exchange(world, analyst, T.acme), 'invalid_target');
      await world.database.write((tx) => setTenantStatus(tx, T.acme, 'active'));
      await expectIssued(await exchange(world, analyst, T.acme));
    });

    it("invalid_target from an IP outside the customer's allow-list; allowed from inside it", async () => {
      await world.database.write((tx) => setIpAllowlist(tx, T.acme, ['10.0.0.0/8']));
      const reply = await exchange(world, analyst, T.acme);
      expectOAuthError(reply, 'invalid_target');
      expect(reply.body.error_description).toContain('Your organization policies restrict you from accessing');
      expect(reply.body.error_description).toContain('Acme Retail');
      // Other customers are not affected by Acme's list.
      await expectIssued(await exchange(world, analyst, T.globex));

      await world.database.write((tx) => setIpAllowlist(tx, T.acme, ['127.0.0.1/32']));
      await expectIssued(await exchange(world, analyst, T.acme));
    });

    it('invalid_target for an unknown resource', async () => {
      expectOAuthError(await exchange(world, analyst, T.acme, { resource: 'https://monitoring.evil.example' }), 'invalid_target');
      expectOAuthError(await exchange(world, analyst, T.acme, { resource: `${RESOURCE}/` }), 'invalid_target');
    });

    it('invalid_scope for a permission the grant lacks and for one that does not exist', async () => {
      const lacks = await exchange(world, analyst, T.acme, { scope: 'Jobs_View Jobs_Manage' });
      expectOAuthError(lacks, 'invalid_scope');
      expect(lacks.body.error_description).toContain('Jobs_Manage');
      expect(lacks.body.error_description).not.toContain('Jobs_View');
      expectOAuthError(await exchange(world, analyst, T.acme, { scope: 'Resources_View Teleport_Anywhere' }), 'invalid_scope');
      // Partner-level permissions never travel into a customer.
      expectOAuthError(await exchange(world, analyst, T.acme, { scope: 'Clients_View' }), 'invalid_scope');
      // Globex's grant does not cover Remediation and Automation, Platform Administrator or not.
      expectOAuthError(await exchange(world, analyst, T.globex, { scope: 'Jobs_View' }), 'invalid_scope');
    });

    it('writes a failure audit row with the reason', async () => {
      await exchange(world, analyst, T.initech);
      const rows = await world.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'token.exchange'), eq(auditEvents.tenantId, T.initech)));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ outcome: 'failure', actorUserId: U.contosoAnalyst.id, at: world.clock() });
      expect(rows[0]!.reason).toMatch(/^invalid_target: /);
      expect(rows[0]!.reason).toMatch(/expired/);
      expect((await world.database.db.select().from(accessGrants).where(eq(accessGrants.id, G.initech)).get())?.lastAccessAt).toBeNull();

      await exchange(world, 'garbage', T.acme);
      const garbage = await world.database.db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.action, 'token.exchange'), eq(auditEvents.outcome, 'failure'), eq(auditEvents.tenantId, T.acme)));
      expect(garbage).toHaveLength(1);
      expect(garbage[0]!.actorUserId).toBeNull();
      expect(garbage[0]!.reason).toMatch(/^invalid_request: /);
    });
  });
});

describe('POST /oauth/token audits refusals that happen before the exchange itself', () => {
  let world: TestWorld;
  beforeAll(async () => {
    world = await startTestWorld({ config: roomyLimits });
  });
  afterAll(async () => {
    await world.close();
  });
  const failures = () =>
    world.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'token.exchange'), eq(auditEvents.outcome, 'failure')));

  it('a JSON body, a malformed audience and an oversized body each leave one failure row', async () => {
    const analyst = await world.signIn(U.contosoAnalyst.email);
    const json = await fetch(`${world.baseUrl}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(exchangeForm(analyst, T.acme)) });
    expect(json.status).toBe(400);
    expectOAuthError(await exchange(world, analyst, 'not a tenant id!'), 'invalid_request');
    const huge = await exchange(world, analyst, T.acme, { scope: 'x'.repeat(40_000) });
    expect(huge.status).toBe(413);
    expect(huge.body.error).toBe('invalid_request');
    const rows = await failures();
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.reason!.startsWith('invalid_request: '))).toBe(true);
    expect(rows.map((r) => r.tenantId)).toContain('not a tenant id!');
  });

  it('audits only POSTs: another method is a plain 404 with no audit row', async () => {
    const before = (await failures()).length;
    const res = await fetch(`${world.baseUrl}/oauth/token`);
    expect(res.status).toBe(404);
    expect((await failures()).length).toBe(before);
  });

  it('caps what an attacker can make it store', async () => {
    const analyst = await world.signIn(U.contosoAnalyst.email);
    const before = (await failures()).length;
    await exchange(world, analyst, 'y'.repeat(5000), { scope: 'z'.repeat(8000) });
    const rows = await failures();
    expect(rows).toHaveLength(before + 1);
    const row = rows[rows.length - 1]!;
    expect(row.tenantId!.length).toBeLessThanOrEqual(64);
    expect(row.reason!.length).toBeLessThanOrEqual(1001);
  });
});

describe('POST /oauth/token per-IP limit', () => {
  it('counts oversized bodies before reading them', async () => {
    const world = await startTestWorld({ config: { rateLimit: { ...defaultConfig().rateLimit, exchangesPerIpPerMinute: 60 } } });
    try {
      const huge = 'scope=' + 'x'.repeat(40_000);
      const send = () => fetch(`${world.baseUrl}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: huge });
      for (let i = 0; i < 60; i++) expect((await send()).status).toBe(413);
      expect((await send()).status).toBe(429);
    } finally {
      await world.close();
    }
  });

  it('counts malformed requests too, refusing the flood with 429 and auditing it once', async () => {
    const world = await startTestWorld({ config: { rateLimit: { ...defaultConfig().rateLimit, exchangesPerIpPerMinute: 60 } } });
    try {
      const malformed = () => fetch(`${world.baseUrl}/oauth/token`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'nonsense' });
      for (let i = 0; i < 60; i++) expect((await malformed()).status).toBe(400);
      for (let i = 0; i < 20; i++) expect((await malformed()).status).toBe(429);
      const rows = await world.database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'token.exchange'), eq(auditEvents.outcome, 'failure')));
      expect(rows.filter((r) => r.reason!.startsWith('invalid_request: '))).toHaveLength(60);
      expect(rows.filter((r) => r.reason!.startsWith('temporarily_unavailable: '))).toHaveLength(1);
      // A good request from the same address waits for the window too.
      const analyst = await world.signIn(U.contosoAnalyst.email);
      expect((await exchange(world, analyst, T.acme)).status).toBe(429);
      world.clock.advance(60_000);
      await expectIssued(await exchange(world, analyst, T.acme));
    } finally {
      await world.close();
    }
  });
});

describe('POST /oauth/token counters', () => {
  it('counts each request once against its address, with its user in the same batch; one the address refuses creates no user key', async () => {
    const world = await startTestWorld({ config: { rateLimit: { ...defaultConfig().rateLimit, exchangesPerIpPerMinute: 4 } } });
    try {
      const counts = async () =>
        Object.fromEntries(
          (await world.database.db.select().from(rateLimitWindows)).filter((r) => r.key.startsWith('exchange:')).map((r) => [r.key.slice('exchange:'.length), r.count]),
        );
      const analyst = await world.signIn(U.contosoAnalyst.email);
      await expectIssued(await exchange(world, analyst, T.acme));
      await expectIssued(await exchange(world, analyst, T.globex));
      // Refused before naming a user: counted against the address after its answer.
      expect((await post(world, '/oauth/token', { grant_type: 'nonsense' })).status).toBe(400);
      const address = Object.keys(await counts()).find((k) => k.startsWith('ip:'))!;
      expect(await counts()).toEqual({ [address]: 3, [`user:${U.contosoAnalyst.id}`]: 2 });
      await expectIssued(await exchange(world, analyst, T.acme));
      const other = await world.signIn(U.fabrikamAnalyst.email);
      expect((await exchange(world, other, T.wayne)).status).toBe(429);
      expect((await exchange(world, other, T.wayne)).status).toBe(429);
      // The address is known to be used up: refused before the body is read, without a write.
      expect(await counts()).toEqual({ [address]: 5, [`user:${U.contosoAnalyst.id}`]: 3 });
    } finally {
      await world.close();
    }
  });
});

describe('POST /oauth/token rate limit', () => {
  let world: TestWorld;
  beforeAll(async () => {
    world = await startTestWorld({ config: { rateLimit: { ...defaultConfig().rateLimit, exchangesPerUserPerMinute: 60 } } });
  });
  afterAll(async () => {
    await world.close();
  });

  it('refuses the 61st exchange in a minute with 429 and Retry-After, then allows again a minute later', async () => {
    const analyst = await world.signIn(U.contosoAnalyst.email);
    for (let i = 1; i <= 60; i++) {
      const reply = await exchange(world, analyst, i % 2 ? T.acme : T.globex);
      expect(reply.status, `exchange ${i}: ${reply.text}`).toBe(200);
    }
    const limited = await exchange(world, analyst, T.acme);
    expect(limited.status).toBe(429);
    expect((await exchange(world, analyst, T.acme)).status).toBe(429);
    // The flood is audited once per window, with who and why.
    const refusals = await world.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, 'token.exchange'), eq(auditEvents.outcome, 'failure'), eq(auditEvents.actorUserId, U.contosoAnalyst.id)));
    expect(refusals).toHaveLength(1);
    expect(refusals[0]!.reason).toMatch(/^temporarily_unavailable: /);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(typeof limited.body.error).toBe('string');
    expect(limited.headers.get('cache-control')).toBe('no-store');

    // Another analyst is counted separately.
    await expectIssued(await exchange(world, await world.signIn(U.fabrikamAnalyst.email), T.wayne));

    world.clock.advance(60_000);
    await expectIssued(await exchange(world, analyst, T.acme));
  });
});
