// POST /oauth/introspect (RFC 7662) and /oauth/revoke (RFC 7009) over real HTTP: who may ask, and
// how a customer token turns off the moment the grant behind it does.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { SignJWT, decodeJwt, decodeProtectedHeader, generateKeyPair } from 'jose';
import { DEMO } from '../db/seed';
import { GLOBEX_EXPIRY, HOUR, MINUTE, SEEDED_AT, startTestWorld, type TestWorld } from '../../test/helpers/test-server';
import { CONSOLE, RESOURCE, basic, consoleAuth, exchange, expectIssued, expectOAuthError, introspect, post, roomyLimits, type Reply } from '../../test/helpers/oauth-requests';
import { ROLES } from '../../shared/catalogue';
import { revokeGrant, setRelationshipState } from '../db/grants';
import { setTenantStatus } from '../db/tenants';
import { accessGrants, auditEvents } from '../db/schema';

const T = DEMO.tenants;
const U = DEMO.users;
const G = DEMO.grants;

describe('POST /oauth/introspect and /oauth/revoke', () => {
  let world: TestWorld;
  let analyst: string;
  let customerToken: string;

  beforeEach(async () => {
    world = await startTestWorld({ config: roomyLimits });
    analyst = await world.signIn(U.contosoAnalyst.email);
    customerToken = (await expectIssued(await exchange(world, analyst, T.acme))).response.access_token;
  });
  afterEach(async () => {
    await world.close();
  });

  const expectActive = (reply: Reply) => {
    expect(reply.status, reply.text).toBe(200);
    expect(reply.headers.get('cache-control')).toBe('no-store');
    expect(reply.body).toMatchObject({
      active: true,
      token_type: 'Bearer',
      sub: U.contosoAnalyst.id,
      client_id: 'switchboard-extension',
      tenant_id: T.acme,
      home_tenant_id: T.contoso,
      grant_id: G.acme,
      aud: RESOURCE,
    });
    expect(reply.body.scope.split(' ').sort()).toEqual([...ROLES.operator.permissions].sort());
  };
  const expectInactive = (reply: Reply) => {
    expect(reply.status, reply.text).toBe(200);
    expect(reply.body).toEqual({ active: false });
  };

  it('requires authentication: 401 invalid_client without, or with a wrong secret', async () => {
    const none = await introspect(world, customerToken, {});
    expectOAuthError(none, 'invalid_client', 401);
    expect(none.headers.get('www-authenticate')).toMatch(/Basic/);
    expectOAuthError(await introspect(world, customerToken, { authorization: basic(CONSOLE.id, 'wrong-secret') }), 'invalid_client', 401);
    expectOAuthError(await introspect(world, customerToken, {}, { client_id: CONSOLE.id, client_secret: 'wrong-secret' }), 'invalid_client', 401);
    expectOAuthError(await introspect(world, customerToken, { authorization: 'Bearer not-a-token' }), 'invalid_client', 401);
    // The extension is a public client: its id alone authenticates nothing.
    expectOAuthError(await introspect(world, customerToken, {}, { client_id: 'switchboard-extension' }), 'invalid_client', 401);
    // A customer token is not a sign-in.
    expectOAuthError(await introspect(world, customerToken, { authorization: `Bearer ${customerToken}` }), 'invalid_client', 401);
  });

  it('stops answering an IP after 30 failed authentications in a minute, even with the right secret', async () => {
    for (let i = 0; i < 30; i++) expectOAuthError(await introspect(world, customerToken, { authorization: basic(CONSOLE.id, `guess-${i}`) }), 'invalid_client', 401);
    const blocked = await introspect(world, customerToken);
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('60');
    world.clock.advance(60_000);
    expectActive(await introspect(world, customerToken));
  });

  it('answers the console over HTTP Basic and client_secret_post', async () => {
    expectActive(await introspect(world, customerToken));
    expectActive(await introspect(world, customerToken, {}, { client_id: CONSOLE.id, client_secret: CONSOLE.secret }));
  });

  it("answers a signed-in user about their own tokens only", async () => {
    expectActive(await introspect(world, customerToken, { authorization: `Bearer ${analyst}` }));
    const other = await world.signIn(U.fabrikamAnalyst.email);
    expectInactive(await introspect(world, customerToken, { authorization: `Bearer ${other}` }));
    expectInactive(await introspect(world, analyst, { authorization: `Bearer ${other}` }));
    // A user sees their own session token; the console, a resource server, never sees sign-in tokens (RFC 7662 §2.2).
    const own = await introspect(world, analyst, { authorization: `Bearer ${analyst}` });
    expect(own.body).toMatchObject({ active: true, token_type: 'Bearer', token_use: 'session', sub: U.contosoAnalyst.id, username: U.contosoAnalyst.email });
    expectInactive(await introspect(world, analyst));
  });

  it('reads active:false for garbage and for tokens it did not issue', async () => {
    expectInactive(await introspect(world, 'garbage'));
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT(decodeJwt(customerToken))
      .setProtectedHeader({ alg: 'ES256', kid: decodeProtectedHeader(customerToken).kid!, typ: 'at+jwt' })
      .sign(privateKey);
    expectInactive(await introspect(world, forged));
  });

  it('reads active:false at once after the grant is revoked', async () => {
    expectActive(await introspect(world, customerToken));
    await world.database.write((tx) => revokeGrant(tx, G.acme, world.clock()));
    expectInactive(await introspect(world, customerToken));
  });

  it('reads active:false once the grant expires', async () => {
    const analystGlobex = (await expectIssued(await exchange(world, analyst, T.globex))).response.access_token;
    expect((await introspect(world, analystGlobex)).body).toMatchObject({ active: true, tenant_id: T.globex, grant_id: G.globex });
    world.clock.set(new Date(GLOBEX_EXPIRY.getTime() - 10 * MINUTE));
    const late = (await expectIssued(await exchange(world, analyst, T.globex))).response.access_token;
    expect((await introspect(world, late)).body).toMatchObject({ active: true });
    world.clock.set(GLOBEX_EXPIRY);
    expectInactive(await introspect(world, late));
    expectInactive(await introspect(world, analystGlobex));
  });

  it('narrows the scope it reports when the grant narrows, without reissuing the token', async () => {
    await world.database.write((tx) => tx.update(accessGrants).set({ role: 'spokesperson' }).where(eq(accessGrants.id, G.acme)));
    const reply = await introspect(world, customerToken);
    expect(reply.body.active).toBe(true);
    const operatorOnly = new Set(ROLES.operator.permissions);
    const expected = ROLES.spokesperson.permissions.filter((p) => operatorOnly.has(p)).sort();
    expect(reply.body.scope.split(' ').sort()).toEqual(expected);
    expect(expected.length).toBeLessThan(operatorOnly.size);
  });

  it('reads active:false once the relationship is removed', async () => {
    await world.database.write((tx) => setRelationshipState(tx, T.contoso, T.acme, { state: 'removed', at: world.clock(), by: 'partner' }));
    expectInactive(await introspect(world, customerToken));
  });

  it('reads active:false once the customer is terminated', async () => {
    await world.database.write((tx) => setTenantStatus(tx, T.acme, 'terminated'));
    expectInactive(await introspect(world, customerToken));
  });

  it('reads active:false after its user revokes it; the console cannot revoke a token issued to the extension (RFC 7009 §2.1)', async () => {
    const revokedByUser = await post(world, '/oauth/revoke', { token: customerToken }, { authorization: `Bearer ${analyst}` });
    expect(revokedByUser.status).toBe(200);
    expect(revokedByUser.headers.get('cache-control')).toBe('no-store');
    expectInactive(await introspect(world, customerToken));

    const second = (await expectIssued(await exchange(world, analyst, T.acme))).response.access_token;
    expectActive(await introspect(world, second));
    expect((await post(world, '/oauth/revoke', { token: second, token_type_hint: 'access_token' }, consoleAuth)).status).toBe(200);
    expectActive(await introspect(world, second));
    expect((await post(world, '/oauth/revoke', { token: second, token_type_hint: 'access_token' }, { authorization: `Bearer ${analyst}` })).status).toBe(200);
    expectInactive(await introspect(world, second));
    expectInactive(await introspect(world, second, { authorization: `Bearer ${analyst}` }));
  });

  it('reads active:false for a customer token once the session it came from is revoked (sign-out)', async () => {
    expectActive(await introspect(world, customerToken));
    expect((await post(world, '/oauth/revoke', { token: analyst }, { authorization: `Bearer ${analyst}` })).status).toBe(200);
    expectInactive(await introspect(world, customerToken));
    expect(decodeJwt(customerToken).sid).toBe(decodeJwt(analyst).jti);
  });

  it("does not let one user revoke another user's token", async () => {
    const other = await world.signIn(U.fabrikamAnalyst.email);
    expect((await post(world, '/oauth/revoke', { token: customerToken }, { authorization: `Bearer ${other}` })).status).toBe(200);
    expectActive(await introspect(world, customerToken));
  });

  it('revocation answers 200 for garbage tokens too, but still requires authentication', async () => {
    const garbage = await post(world, '/oauth/revoke', { token: 'garbage' }, consoleAuth);
    expect(garbage.status).toBe(200);
    expect(garbage.headers.get('cache-control')).toBe('no-store');
    expect((await post(world, '/oauth/revoke', { token: 'a.b.c' }, { authorization: `Bearer ${analyst}` })).status).toBe(200);
    expect((await post(world, '/oauth/revoke', { token: 'garbage', client_id: CONSOLE.id, client_secret: CONSOLE.secret })).status).toBe(200);
    expectOAuthError(await post(world, '/oauth/revoke', { token: 'garbage' }), 'invalid_client', 401);
    // Nothing real was revoked.
    expectActive(await introspect(world, customerToken));
  });

  it('records an audit row for a revocation', async () => {
    await post(world, '/oauth/revoke', { token: customerToken }, { authorization: `Bearer ${analyst}` });
    const rows = await world.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'token.revoke'));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ outcome: 'success', actorUserId: U.contosoAnalyst.id, tenantId: T.acme, detail: { jti: decodeJwt(customerToken).jti } });
  });
});
