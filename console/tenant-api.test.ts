// The JSON API the page script calls: whoami and the demo actions, behind the same token checks.
import { describe, expect, it } from 'vitest';
import { decodeJwt } from 'jose';
import { ANALYST, CONSOLE_AUDIENCE, useConsoleWorld } from './test-support';

const cw = useConsoleWorld();

const call = (path: string, token?: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
  cw.app.request(path, { ...init, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...init.headers } });

describe('GET /t/:tenantId/api/whoami', () => {
  it('answers who the token acts for', async () => {
    const res = await call('/t/t_acme/api/whoami', cw.acme);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({
      tenant_id: 't_acme',
      tenant_name: 'Acme Retail',
      sub: 'u_contoso_analyst',
      email: ANALYST,
      scope: decodeJwt(cw.acme).scope,
    });
  });

  it("refuses another customer's token with an RFC 6750 error, naming no customer", async () => {
    const res = await call('/t/t_acme/api/whoami', cw.globex);
    const text = await res.text();
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="console", error="invalid_token"');
    expect(JSON.parse(text)).toEqual({ error: 'invalid_token', error_description: 'this customer token is for another customer' });
    expect(text).not.toContain('Globex');
  });

  it('refuses a request without a token', async () => {
    const res = await call('/t/t_acme/api/whoami');
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="console"');
    expect(await res.json()).toEqual({ error: 'invalid_token', error_description: 'no customer token' });
  });
});

describe('POST /t/:tenantId/api/actions/:permission', () => {
  it('accepts an action the scope carries', async () => {
    const res = await call('/t/t_globex/api/actions/Incident_Manage', cw.globex, { method: 'POST' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, permission: 'Incident_Manage', tenant_id: 't_globex' });
  });

  it('refuses one it lacks with insufficient_scope', async () => {
    const res = await call('/t/t_acme/api/actions/Dashboards_Manage', cw.acme, { method: 'POST' });
    expect(res.status).toBe(403);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="console", error="insufficient_scope", scope="Dashboards_Manage"');
    expect(await res.json()).toMatchObject({ error: 'insufficient_scope' });
  });

  it('answers 404 for a permission the catalogue does not know', async () => {
    expect((await call('/t/t_acme/api/actions/Root_Everything', cw.acme, { method: 'POST' })).status).toBe(404);
  });

  it('refuses cross-site requests even with a valid token, accepts same-origin ones', async () => {
    const action = '/t/t_globex/api/actions/Incident_Manage';
    const crossSite: Record<string, string>[] = [{ 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }, { origin: 'http://evil.example' }];
    for (const headers of crossSite) {
      const res = await call(action, cw.globex, { method: 'POST', headers });
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: 'cross_site_request' });
    }
    const same = await call(action, cw.globex, { method: 'POST', headers: { 'sec-fetch-site': 'same-origin', origin: CONSOLE_AUDIENCE } });
    expect(same.status).toBe(200);
  });

  it('checks the token before anything else', async () => {
    expect((await call('/t/t_acme/api/actions/Incident_Manage', cw.globex, { method: 'POST' })).status).toBe(401);
  });
});
