// The app around the customer pages: security headers, redirects, the sign-in page, 404s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roomyLimits } from '../test/helpers/oauth-requests';
import { startTestWorld, type TestWorld } from '../test/helpers/test-server';
import { CONTENT_SECURITY_POLICY } from './app';
import { ANALYST, bearer, consoleFor, customerToken, parseHtml } from './test-support';

let world: TestWorld;
let app: ReturnType<typeof consoleFor>;
let acme: string;

beforeAll(async () => {
  world = await startTestWorld({ config: roomyLimits });
  app = consoleFor(world);
  acme = await customerToken(world, 't_acme');
});
afterAll(() => world?.close());

async function page(path: string, token: string) {
  const res = await app.request(path, bearer(token));
  const text = await res.text();
  return { res, text, doc: parseHtml(text) };
}
const testId = (doc: ReturnType<typeof parseHtml>, id: string) => doc.querySelector(`[data-testid="${id}"]`);

describe('headers, redirects and the pages outside a customer', () => {
  it('sends a strict CSP, no-store and no referrer on customer pages', async () => {
    const { res } = await page('/t/t_acme/alerts', acme);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toBe("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'");
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('carries the deliberately leaky global CSS', async () => {
    const { doc } = await page('/t/t_acme/dashboard', acme);
    const css = doc.querySelector('head style')?.textContent ?? '';
    expect(css).toContain('button { background: rgb(255, 0, 0);');
    expect(css).toContain('font-family: serif;');
    expect(css).toContain('* { letter-spacing: 0.5px; }');
  });

  it.each(['/t/t_acme', '/t/t_acme/'])('redirects %s to the dashboard', async (path) => {
    const res = await app.request(path);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/t/t_acme/dashboard');
  });

  it.each(['/', '/login'])('%s is the sign-in page: no customer selected, no tenant', async (path) => {
    const res = await app.request(path);
    const doc = parseHtml(await res.text());
    expect(res.status).toBe(200);
    expect(testId(doc, 'no-customer')?.textContent).toBe('No customer selected');
    expect(doc.body.textContent).toContain('MSP Switchboard');
    expect(doc.querySelector('meta[name="switchboard-tenant"]')).toBeNull();
    expect(doc.querySelector('form')).toBeNull();
  });

  it.each(['/nope', '/t/t_acme/settings', '/t/t%20acme/dashboard', '/t/t_acme/dashboard/extra'])('answers 404 for %s without tenant data', async (path) => {
    const res = await app.request(path, bearer(acme));
    const text = await res.text();
    expect(res.status).toBe(404);
    expect(testId(parseHtml(text), 'not-found')).not.toBeNull();
    expect(text).not.toContain('Acme Retail');
    expect(text).not.toContain(ANALYST);
  });
});
