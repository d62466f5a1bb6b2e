import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestWorld, type TestWorld } from '../../test/helpers/test-server';

let world: TestWorld;
beforeAll(async () => {
  world = await startTestWorld({ seed: false });
});
afterAll(() => world.close());

describe('/.well-known', () => {
  it('publishes the signing keys as an RFC 7517 JWKS with public parts only', async () => {
    const res = await fetch(`${world.baseUrl}/.well-known/jwks.json`);
    expect(res.status).toBe(200);
    const { keys } = (await res.json()) as { keys: Record<string, unknown>[] };
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(typeof keys[0]!.kid).toBe('string');
    expect(keys[0]).not.toHaveProperty('d');
  });

  it('publishes RFC 8414 metadata whose endpoints are under the issuer', async () => {
    const res = await fetch(`${world.baseUrl}/.well-known/oauth-authorization-server`);
    expect(res.status).toBe(200);
    const meta = (await res.json()) as Record<string, unknown>;
    expect(meta).toMatchObject({
      issuer: world.baseUrl,
      token_endpoint: `${world.baseUrl}/oauth/token`,
      jwks_uri: `${world.baseUrl}/.well-known/jwks.json`,
      introspection_endpoint: `${world.baseUrl}/oauth/introspect`,
      revocation_endpoint: `${world.baseUrl}/oauth/revoke`,
      grant_types_supported: ['urn:ietf:params:oauth:grant-type:token-exchange'],
      token_endpoint_auth_methods_supported: ['none'],
    });
  });

  it('keeps the database keys across restarts: a second app on the same database publishes the same kid', async () => {
    const first = ((await (await fetch(`${world.baseUrl}/.well-known/jwks.json`)).json()) as { keys: { kid: string }[] }).keys;
    const { createDeps } = await import('../deps');
    const again = await createDeps({ database: world.database, clock: world.clock, config: world.deps.config });
    expect((await again.keys.jwks()).keys.map((k) => k.kid)).toEqual(first.map((k) => k.kid));
  });
});
