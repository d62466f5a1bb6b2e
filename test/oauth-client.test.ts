// The real-client proof: openid-client 6 discovers the BFF from its RFC 8414 metadata and performs
// the RFC 8693 exchange; jose verifies the issued RFC 9068 token against the published JWKS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { None, ResponseBodyError, allowInsecureRequests, discovery, genericGrantRequest, type Configuration } from 'openid-client';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { startTestWorld, SEEDED_AT, type TestWorld } from './helpers/test-server';
import { ACCESS_TOKEN_TYPE, TOKEN_EXCHANGE_GRANT } from '../shared/oauth';
import { ROLES } from '../shared/catalogue';
import { DEMO } from '../bff/db/seed';

const RESOURCE = 'http://127.0.0.1:8788';

describe('openid-client 6 against the BFF', () => {
  let world: TestWorld;
  let config: Configuration;
  let session: string;

  beforeAll(async () => {
    world = await startTestWorld();
    config = await discovery(new URL(world.baseUrl), 'switchboard-extension', undefined, None(), {
      algorithm: 'oauth2',
      execute: [allowInsecureRequests],
    });
    session = await world.signIn(DEMO.users.contosoAnalyst.email);
  });
  afterAll(async () => {
    await world?.close();
  });

  it('discovers the authorization server metadata', () => {
    const meta = config.serverMetadata();
    expect(meta.issuer).toBe(world.baseUrl);
    expect(meta.token_endpoint).toBe(`${world.baseUrl}/oauth/token`);
    expect(meta.jwks_uri).toBe(`${world.baseUrl}/.well-known/jwks.json`);
    expect(meta.introspection_endpoint).toBe(`${world.baseUrl}/oauth/introspect`);
    expect(meta.revocation_endpoint).toBe(`${world.baseUrl}/oauth/revoke`);
    expect(meta.grant_types_supported).toEqual([TOKEN_EXCHANGE_GRANT]);
    expect(config.clientMetadata().client_id).toBe('switchboard-extension');
  });

  it('exchanges a session token for a customer token that verifies against the JWKS with RFC 9068 claims', async () => {
    const response = await genericGrantRequest(config, TOKEN_EXCHANGE_GRANT, {
      subject_token: session,
      subject_token_type: ACCESS_TOKEN_TYPE,
      audience: DEMO.tenants.globex,
      requested_token_type: ACCESS_TOKEN_TYPE,
    });
    expect(response.token_type).toBe('bearer');
    expect(response.issued_token_type).toBe(ACCESS_TOKEN_TYPE);
    expect(response.expires_in).toBe(900);
    expect(typeof response.scope).toBe('string');

    const meta = config.serverMetadata();
    const jwks = createRemoteJWKSet(new URL(meta.jwks_uri!));
    const { payload, protectedHeader } = await jwtVerify(response.access_token, jwks, {
      issuer: meta.issuer,
      audience: RESOURCE,
      typ: 'at+jwt',
      algorithms: ['ES256'],
      // Tokens are minted on the test world's clock, not the wall clock.
      currentDate: world.clock(),
    });
    expect(protectedHeader).toMatchObject({ alg: 'ES256', typ: 'at+jwt' });
    expect(typeof protectedHeader.kid).toBe('string');

    // RFC 9068 §2.2 required claims.
    expect(payload.iss).toBe(world.baseUrl);
    expect(payload.sub).toBe(DEMO.users.contosoAnalyst.id);
    expect(payload.aud).toBe(RESOURCE);
    expect(payload.client_id).toBe('switchboard-extension');
    expect(payload.iat).toBe(Math.floor(SEEDED_AT.getTime() / 1000));
    expect(payload.exp).toBe(payload.iat! + 900);
    expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(payload.scope).toBe(response.scope);
    const scope = String(payload.scope).split(' ');
    expect(scope).toContain('Users_Manage');
    expect(scope).not.toContain('Jobs_View');
    expect(scope.every((p) => ROLES.admin.permissions.includes(p) || ROLES.platform_administrator.permissions.includes(p))).toBe(true);

    // Ours.
    expect(payload).toMatchObject({
      tenant_id: DEMO.tenants.globex,
      home_tenant_id: DEMO.tenants.contoso,
      roles: ['admin', 'platform_administrator'],
      platform_admin: true,
      grant_id: DEMO.grants.globex,
      act: { sub: DEMO.tenants.contoso },
    });
    expect((payload.act as { sub: string }).sub).toBe('t_contoso');
  });

  it('honours a narrowed scope', async () => {
    const response = await genericGrantRequest(config, TOKEN_EXCHANGE_GRANT, {
      subject_token: session,
      subject_token_type: ACCESS_TOKEN_TYPE,
      audience: DEMO.tenants.acme,
      scope: 'Incident_View Resources_View',
    });
    expect(response.scope).toBe('Incident_View Resources_View');
    const { payload } = await jwtVerify(response.access_token, createRemoteJWKSet(new URL(config.serverMetadata().jwks_uri!)), {
      issuer: world.baseUrl,
      audience: RESOURCE,
      typ: 'at+jwt',
      currentDate: world.clock(),
    });
    expect(payload).toMatchObject({ tenant_id: DEMO.tenants.acme, scope: 'Incident_View Resources_View', roles: ['operator'], platform_admin: false });
  });

  it('surfaces a refusal as ResponseBodyError with invalid_target', async () => {
    const attempt = genericGrantRequest(config, TOKEN_EXCHANGE_GRANT, {
      subject_token: session,
      subject_token_type: ACCESS_TOKEN_TYPE,
      audience: DEMO.tenants.wayne,
    });
    const err = await attempt.then(
      () => {
        throw new Error('the exchange for a forbidden customer succeeded');
      },
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ResponseBodyError);
    const body = err as ResponseBodyError;
    expect(body.error).toBe('invalid_target');
    expect(body.status).toBe(400);
    expect(body.error_description).toBe('the audience is not a customer you may enter');
  });

  it('surfaces invalid_scope and invalid_request through the client too', async () => {
    const scoped = await genericGrantRequest(config, TOKEN_EXCHANGE_GRANT, {
      subject_token: session,
      subject_token_type: ACCESS_TOKEN_TYPE,
      audience: DEMO.tenants.acme,
      scope: 'Jobs_Manage',
    }).catch((e: unknown) => e);
    expect(scoped).toBeInstanceOf(ResponseBodyError);
    expect((scoped as ResponseBodyError).error).toBe('invalid_scope');

    const garbage = await genericGrantRequest(config, TOKEN_EXCHANGE_GRANT, {
      subject_token: 'not-a-token',
      subject_token_type: ACCESS_TOKEN_TYPE,
      audience: DEMO.tenants.acme,
    }).catch((e: unknown) => e);
    expect(garbage).toBeInstanceOf(ResponseBodyError);
    expect((garbage as ResponseBodyError).error).toBe('invalid_request');
  });

  it('every issued token names a key the JWKS publishes', async () => {
    const response = await genericGrantRequest(config, TOKEN_EXCHANGE_GRANT, {
      subject_token: session,
      subject_token_type: ACCESS_TOKEN_TYPE,
      audience: DEMO.tenants.acme,
    });
    const res = await fetch(config.serverMetadata().jwks_uri!);
    const { keys } = (await res.json()) as { keys: { kid: string }[] };
    expect(keys.map((k) => k.kid)).toContain(decodeProtectedHeader(response.access_token).kid);
  });
});
