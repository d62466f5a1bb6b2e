// Every way a request can lack a usable customer token ends on the 401 sign-in-required page,
// which shows nothing of any customer but the tenant id of the path and the login branding that
// tenant published (its public face, docs/branding.md).
import { describe, expect, it } from 'vitest';
import { MINUTE, SEEDED_AT } from '../test/helpers/test-server';
import { dashboardData } from './demo-data';
import { ANALYST, bearer, freshKey, parseHtml, resign, useConsoleWorld } from './test-support';

const cw = useConsoleWorld();

async function refusal(headers: Record<string, string>, path = '/t/t_acme/dashboard') {
  const res = await cw.app.request(path, { headers });
  const text = await res.text();
  const doc = parseHtml(text);
  expect(res.status, text).toBe(401);
  expect(doc.querySelector('[data-testid="sign-in-required"] h2')?.textContent).toBe('Sign-in required');
  expect(doc.querySelector('meta[name="switchboard-tenant"]')?.getAttribute('content')).toBe('t_acme');
  expect(doc.querySelector('nav')).toBeNull();
  expect(doc.querySelector('[data-testid="acting-tenant"]')).toBeNull();
  expect(doc.querySelector('[data-permission]')).toBeNull();
  expect(res.headers.get('cache-control')).toBe('no-store');
  const reason = doc.querySelector('[data-testid="sign-in-reason"]')?.textContent;
  // What is left once the published branding (title, hooks, the preview's template) is taken out.
  doc.querySelector('title')?.remove();
  doc.querySelector('template')?.remove();
  for (const el of doc.querySelectorAll('[data-brand]:not([data-brand="login"])')) el.remove();
  const unbranded = doc.documentElement.outerHTML;
  return { text, unbranded, challenge: res.headers.get('www-authenticate'), reason };
}

describe('sign-in required', () => {
  it('without a token', async () => {
    const r = await refusal({});
    expect(r.reason).toBe('no customer token');
    expect(r.challenge).toBe('Bearer realm="console"');
  });

  it('with another scheme than Bearer', async () => {
    expect((await refusal({ authorization: `Basic ${btoa('analyst:switchboard-demo')}` })).reason).toBe('no customer token');
  });

  it("with another customer's token, naming neither customer", async () => {
    const r = await refusal(bearer(cw.globex).headers);
    expect(r.reason).toBe('this customer token is for another customer');
    expect(r.challenge).toBe('Bearer realm="console", error="invalid_token"');
    for (const leak of ['Globex', ANALYST, ...dashboardData('t_acme').resources.map((x) => x.name), ...dashboardData('t_globex').resources.map((x) => x.name)]) {
      expect(r.text).not.toContain(leak);
    }
    // Acme's name appears only as Acme's published branding (its company name), nowhere else.
    expect(r.text).toContain('Acme Retail');
    expect(r.unbranded).not.toContain('Acme Retail');
  });

  it('with an expired token', async () => {
    try {
      cw.world.clock.advance(15 * MINUTE + 1000);
      const r = await refusal(bearer(cw.acme).headers);
      expect(r.reason).toBe('the customer token has expired');
      expect(r.challenge).toBe('Bearer realm="console", error="invalid_token"');
    } finally {
      cw.world.clock.set(SEEDED_AT);
    }
    expect((await cw.app.request('/t/t_acme/dashboard', bearer(cw.acme))).status).toBe(200);
  });

  it('with a forged token: the same claims and kid, signed by another key', async () => {
    const r = await refusal(bearer(await resign(cw.world, cw.acme, { key: await freshKey() })).headers);
    expect(r.reason).toBe('the customer token is not valid');
    expect(r.challenge).toBe('Bearer realm="console", error="invalid_token"');
  });

  it('with a token of typ JWT instead of at+jwt, even signed by the BFF', async () => {
    expect((await refusal(bearer(await resign(cw.world, cw.acme, { typ: 'JWT' })).headers)).reason).toBe('the customer token is not valid');
  });

  it('with a sign-in (session) token', async () => {
    expect((await refusal(bearer(await cw.world.signIn(ANALYST)).headers)).reason).toBe('the customer token is not valid');
  });

  it('with a token for another audience or issuer', async () => {
    for (const claims of [{ aud: 'http://127.0.0.1:9999' }, { iss: 'http://evil.example' }]) {
      expect((await refusal(bearer(await resign(cw.world, cw.acme, { claims })).headers)).reason).toBe('the customer token is not valid');
    }
  });

  it('with claims that do not parse', async () => {
    const token = await resign(cw.world, cw.acme, { claims: { packages: 'hybrid_discovery_monitoring' } });
    expect((await refusal(bearer(token).headers)).reason).toBe('the customer token is not valid');
  });

  it('with something that is not a JWT, or an unsigned one', async () => {
    const [header, payload] = cw.acme.split('.');
    const unsigned = `${btoa(JSON.stringify({ alg: 'none', typ: 'at+jwt' })).replace(/=+$/, '')}.${payload}.`;
    for (const token of ['not-a-jwt', `${header}.${payload}.`, unsigned]) {
      expect((await refusal(bearer(token).headers)).reason).toBe('the customer token is not valid');
    }
  });

  it('on every page, not only the dashboard', async () => {
    for (const page of ['alerts', 'automation', 'reports']) {
      expect((await refusal(bearer(cw.globex).headers, `/t/t_acme/${page}`)).reason).toBe('this customer token is for another customer');
    }
  });
});
