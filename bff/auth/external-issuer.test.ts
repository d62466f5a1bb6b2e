// A deployment that trusts an external OIDC issuer: its tokens sign users in (matched by e-mail)
// and can be exchanged for customer tokens. The issuer's JWKS is served over real HTTP.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { serve, type ServerType } from '@hono/node-server';
import { SignJWT, exportJWK, generateKeyPair, type CryptoKey } from 'jose';
import { JWT_TOKEN_TYPE, TOKEN_EXCHANGE_GRANT } from '../../shared/oauth';
import { DEMO } from '../db/seed';
import { startTestWorld, type TestWorld } from '../../test/helpers/test-server';

const ISSUER = 'https://login.example-idp.test';
const AUDIENCE = 'switchboard';
let idp: ServerType;
let world: TestWorld;
let idpKey: CryptoKey;

beforeAll(async () => {
  const pair = await generateKeyPair('RS256');
  idpKey = pair.privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'idp-1', alg: 'RS256', use: 'sig' };
  const jwksApp = new Hono().get('/jwks', (c) => c.json({ keys: [jwk] }));
  idp = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: jwksApp.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  const jwksUrl = `http://127.0.0.1:${(idp.address() as AddressInfo).port}/jwks`;
  world = await startTestWorld({ config: { externalIssuer: { issuer: ISSUER, jwksUrl, audience: AUDIENCE } } });
});
afterAll(async () => {
  await world.close();
  await new Promise<void>((resolve) => idp.close(() => resolve()));
});

const idpToken = (claims: Record<string, unknown>, options: { issuer?: string; audience?: string; key?: CryptoKey; expiresIn?: number } = {}) =>
  new SignJWT({ email_verified: true, ...claims })
    .setProtectedHeader({ alg: 'RS256', kid: 'idp-1' })
    .setIssuer(options.issuer ?? ISSUER)
    .setAudience(options.audience ?? AUDIENCE)
    .setSubject('idp-user-123')
    .setIssuedAt(Math.floor(world.clock().getTime() / 1000))
    .setExpirationTime(Math.floor(world.clock().getTime() / 1000) + (options.expiresIn ?? 300))
    .sign(options.key ?? idpKey);

const context = (token: string) => fetch(`${world.baseUrl}/v1/me/context`, { headers: { authorization: `Bearer ${token}` } });

describe('trusting an external OIDC issuer', () => {
  it('signs in a known user by the verified e-mail of the issuer\'s token', async () => {
    const res = await context(await idpToken({ email: DEMO.users.contosoAnalyst.email }));
    expect(res.status).toBe(200);
    expect(((await res.json()) as { user: { id: string } }).user.id).toBe(DEMO.users.contosoAnalyst.id);
  });

  it('exchanges the issuer\'s token (subject_token_type jwt) for a customer token', async () => {
    const res = await fetch(`${world.baseUrl}/oauth/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: TOKEN_EXCHANGE_GRANT,
        client_id: 'switchboard-extension',
        subject_token: await idpToken({ email: DEMO.users.contosoAnalyst.email }),
        subject_token_type: JWT_TOKEN_TYPE,
        audience: DEMO.tenants.acme,
      }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { expires_in: number };
    // Never past the external token's own expiry (300 s here).
    expect(body.expires_in).toBeLessThanOrEqual(300);
  });

  it.each([
    ['an unverified e-mail', () => idpToken({ email: DEMO.users.contosoAnalyst.email, email_verified: false })],
    ['no e-mail', () => idpToken({})],
    ['an e-mail the issuer does not say it verified', () => idpToken({ email: DEMO.users.contosoAnalyst.email, email_verified: undefined })],
    ['an e-mail with no Switchboard user', () => idpToken({ email: 'stranger@contoso-msp.example' })],
    ['another audience', () => idpToken({ email: DEMO.users.contosoAnalyst.email }, { audience: 'someone-else' })],
    ['another issuer', () => idpToken({ email: DEMO.users.contosoAnalyst.email }, { issuer: 'https://evil.example' })],
    ['an expired token', () => idpToken({ email: DEMO.users.contosoAnalyst.email }, { expiresIn: -10 })],
  ])('refuses %s with 401', async (_, make) => {
    const res = await context(await make());
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
  });

  it("accepts the issuer's RFC 9068 access tokens (typ at+jwt) as sign-in", async () => {
    const token = await new SignJWT({ email: DEMO.users.contosoAnalyst.email, email_verified: true })
      .setProtectedHeader({ alg: 'RS256', kid: 'idp-1', typ: 'at+jwt' })
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setSubject('idp-user-123')
      .setIssuedAt(Math.floor(world.clock().getTime() / 1000))
      .setExpirationTime(Math.floor(world.clock().getTime() / 1000) + 300)
      .sign(idpKey);
    expect((await context(token)).status).toBe(200);
  });

  it('refuses a token signed by a key the issuer does not publish', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    expect((await context(await idpToken({ email: DEMO.users.contosoAnalyst.email }, { key: privateKey }))).status).toBe(401);
  });
});
