import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { readEnv } from './env';

const KEK = 'mJ3Zl0m0cQ8m1wB6wq3ZcW0x0Qw1m7Hh3sVwq3k4YxA';

describe('readEnv', () => {
  it('gives the embedded defaults on an empty environment', () => {
    const env = readEnv({});
    expect(env).toMatchObject({ host: '127.0.0.1', port: 8787, databaseUrl: 'file:bff/.data/switchboard.db', seedDemo: true, usingDevSecret: true });
    expect(env.config).toMatchObject({ issuer: 'http://127.0.0.1:8787', accessTokenTtlSeconds: 900, resources: ['http://127.0.0.1:8788'], externalIssuer: null, trustedProxies: [] });
  });

  it('reads a remote libSQL database, an OIDC issuer and extra resources', () => {
    const env = readEnv({
      DATABASE_URL: 'libsql://switchboard.example.turso.io',
      DATABASE_AUTH_TOKEN: 'secret',
      OIDC_ISSUER: 'https://idp.example',
      OIDC_JWKS_URL: 'https://idp.example/jwks',
      OIDC_AUDIENCE: 'switchboard',
      EXTRA_RESOURCES: 'https://a.example, https://b.example',
      CONSOLE_CLIENT_SECRET: 'a-long-enough-console-secret',
      KEY_ENCRYPTION_KEY: KEK,
    });
    expect(env.databaseUrl).toBe('libsql://switchboard.example.turso.io');
    expect(env.databaseAuthToken).toBe('secret');
    expect(env.config.externalIssuer).toEqual({ issuer: 'https://idp.example', jwksUrl: 'https://idp.example/jwks', audience: 'switchboard' });
    expect(env.config.resources).toEqual(['http://127.0.0.1:8788', 'https://a.example', 'https://b.example']);
    expect(env.usingDevSecret).toBe(false);
  });

  it('fails fast listing every problem', () => {
    expect(() => readEnv({ PORT: 'eighty', ACCESS_TOKEN_TTL_SECONDS: '3600', DATABASE_URL: 'postgres://x' })).toThrow(/PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/);
    expect(() => readEnv({ ACCESS_TOKEN_TTL_SECONDS: '3600' })).toThrow(/ACCESS_TOKEN_TTL_SECONDS/);
    expect(() => readEnv({ OIDC_ISSUER: 'https://idp.example' })).toThrow(/OIDC_ISSUER needs OIDC_JWKS_URL/);
    expect(() => readEnv({ RATE_LIMIT_USER_PER_MINUTE: '10' })).toThrow(/RATE_LIMIT_USER_PER_MINUTE/);
  });
});

describe('the console client secret', () => {
  it('may be the public development secret only while the issuer is on this machine', () => {
    expect(readEnv({ ISSUER: 'http://localhost:8787' }).usingDevSecret).toBe(true);
    expect(() => readEnv({ ISSUER: 'https://switchboard.example.com' })).toThrow(/CONSOLE_CLIENT_SECRET/);
    expect(() => readEnv({ HOST: '0.0.0.0', ISSUER: 'http://localhost:8787' })).toThrow(/CONSOLE_CLIENT_SECRET/);
    expect(() => readEnv({ HOST: '::' })).toThrow(/CONSOLE_CLIENT_SECRET/);
    expect(readEnv({ HOST: '::', CONSOLE_CLIENT_SECRET: 'a-long-enough-console-secret', KEY_ENCRYPTION_KEY: KEK }).config.issuer).toBe('http://[::]:8787');
    expect(readEnv({ HOST: '[::1]' }).config.issuer).toBe('http://[::1]:8787');
    expect(() => readEnv({ TRUSTED_PROXIES: '127.0.0.1' })).toThrow(/CONSOLE_CLIENT_SECRET/);
    expect(() => readEnv({ HOST: 'foo bar' })).toThrow(/HOST: an IP address or a host name/);
    expect(readEnv({ ISSUER: 'https://switchboard.example.com', CONSOLE_CLIENT_SECRET: 'a-long-enough-console-secret', KEY_ENCRYPTION_KEY: KEK }).usingDevSecret).toBe(false);
  });
});

describe('scale-out settings', () => {
  it('refreshes the signing keys every 30 s unless told, between 1 and 60 s', () => {
    expect(readEnv({}).config.keysRefreshSeconds).toBe(30);
    expect(readEnv({ KEYS_REFRESH_SECONDS: '1' }).config.keysRefreshSeconds).toBe(1);
    expect(readEnv({ KEYS_REFRESH_SECONDS: '60' }).config.keysRefreshSeconds).toBe(60);
    // Past 60 s a stale instance could sign a token that outlives its key's publication.
    expect(() => readEnv({ KEYS_REFRESH_SECONDS: '61' })).toThrow(/KEYS_REFRESH_SECONDS/);
    expect(() => readEnv({ KEYS_REFRESH_SECONDS: '0' })).toThrow(/KEYS_REFRESH_SECONDS/);
    expect(() => readEnv({ KEYS_REFRESH_SECONDS: 'soon' })).toThrow(/KEYS_REFRESH_SECONDS/);
  });

  it('starts one cluster worker per CPU unless INSTANCES says otherwise', () => {
    expect(readEnv({}).instances).toBe(availableParallelism());
    expect(readEnv({ INSTANCES: '3' }).instances).toBe(3);
    expect(() => readEnv({ INSTANCES: '0' })).toThrow(/INSTANCES/);
    expect(() => readEnv({ INSTANCES: 'two' })).toThrow(/INSTANCES/);
  });
});

describe('the key-encryption key', () => {
  const remote = { HOST: '0.0.0.0', CONSOLE_CLIENT_SECRET: 'a-long-enough-console-secret' };

  it('is made for the demo beside the database file, on a loopback bind only', () => {
    expect(readEnv({}).keyEncryption).toEqual({ key: undefined, previous: [], file: 'bff/.data/switchboard.db.kek', generate: true, next: undefined });
    expect(readEnv({ DATABASE_URL: 'file:/tmp/x/a.db' }).keyEncryption.file).toBe('/tmp/x/a.db.kek');
  });

  it('is refused when missing on a bind other than loopback, with a message saying what to set', () => {
    expect(() => readEnv(remote)).toThrow(/KEY_ENCRYPTION_KEY: required unless the server is reached only through a loopback address/);
    expect(() => readEnv({ ISSUER: 'https://switchboard.example.com' })).toThrow(/CONSOLE_CLIENT_SECRET[\s\S]*KEY_ENCRYPTION_KEY/);
    expect(readEnv({ ...remote, KEY_ENCRYPTION_KEY: KEK }).keyEncryption).toMatchObject({ key: KEK, generate: false });
    // A named file must exist: it is never created away from loopback.
    expect(readEnv({ ...remote, KEY_ENCRYPTION_KEY_FILE: '/run/secrets/kek' }).keyEncryption).toMatchObject({ file: '/run/secrets/kek', generate: false });
  });

  it('must be 32 bytes in base64url, and so must every previous one', () => {
    expect(() => readEnv({ KEY_ENCRYPTION_KEY: 'short' })).toThrow(/KEY_ENCRYPTION_KEY: 32 random bytes in base64url/);
    expect(() => readEnv({ KEY_ENCRYPTION_KEY: `${KEK}=` })).toThrow(/KEY_ENCRYPTION_KEY/);
    expect(() => readEnv({ KEY_ENCRYPTION_KEY_PREVIOUS: `${KEK},nope` })).toThrow(/KEY_ENCRYPTION_KEY_PREVIOUS/);
    expect(readEnv({ KEY_ENCRYPTION_KEY: KEK, KEY_ENCRYPTION_KEY_PREVIOUS: ` ${KEK} ` }).keyEncryption.previous).toEqual([KEK]);
  });
});
