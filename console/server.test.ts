// The console as a real HTTP server, verifying tokens against the BFF's published JWKS over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roomyLimits } from '../test/helpers/oauth-requests';
import { startTestWorld, type TestWorld } from '../test/helpers/test-server';
import { readConsoleEnv } from './console-env';
import { startConsole, type RunningConsole } from './server';
import { ANALYST, CONSOLE_AUDIENCE, customerToken } from './test-support';

let world: TestWorld;
let running: RunningConsole;

beforeAll(async () => {
  world = await startTestWorld({ config: roomyLimits });
  running = await startConsole({ port: 0, host: '127.0.0.1', bffUrl: world.baseUrl, publicUrl: CONSOLE_AUDIENCE, clock: world.clock });
});
afterAll(async () => {
  await running?.close();
  await world?.close();
});

describe('startConsole', () => {
  it('listens on the port the OS picked and accepts tokens for its public URL', () => {
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(running.url).not.toBe('http://127.0.0.1:0');
    expect(running.publicUrl).toBe(CONSOLE_AUDIENCE);
  });

  it('serves a customer page over HTTP to a valid token', async () => {
    const token = await customerToken(world, 't_acme');
    const res = await fetch(`${running.url}/t/t_acme/dashboard`, { headers: { authorization: `Bearer ${token}` } });
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text).toContain('data-testid="acting-tenant" data-tenant-id="t_acme">Acme Retail</span>');
    expect(text).toContain(`data-testid="acting-user">${ANALYST}</span>`);
    const whoami = await fetch(`${running.url}/t/t_acme/api/whoami`, { headers: { authorization: `Bearer ${token}` } });
    expect(await whoami.json()).toMatchObject({ tenant_id: 't_acme', tenant_name: 'Acme Retail' });
  });

  it('refuses the same page without a token', async () => {
    const res = await fetch(`${running.url}/t/t_acme/dashboard`);
    expect(res.status).toBe(401);
    expect(await res.text()).toContain('data-testid="sign-in-required"');
  });
});

describe('readConsoleEnv', () => {
  it('has defaults for a local demo', () => {
    expect(readConsoleEnv({})).toEqual({ host: '127.0.0.1', port: 8788, bffUrl: 'http://127.0.0.1:8787', issuer: undefined, publicUrl: undefined });
  });

  it('reads every variable', () => {
    const env = { CONSOLE_HOST: '0.0.0.0', CONSOLE_PORT: '9000', BFF_URL: 'http://bff:8787', BFF_ISSUER: 'https://id.example', CONSOLE_URL: 'https://monitor.example' };
    expect(readConsoleEnv(env)).toEqual({ host: '0.0.0.0', port: 9000, bffUrl: 'http://bff:8787', issuer: 'https://id.example', publicUrl: 'https://monitor.example' });
  });

  it('fails fast, listing every bad value', () => {
    expect(() => readConsoleEnv({ CONSOLE_PORT: '70000', BFF_URL: 'ftp://x' })).toThrow(/CONSOLE_PORT[\s\S]*BFF_URL|BFF_URL[\s\S]*CONSOLE_PORT/);
  });
});
