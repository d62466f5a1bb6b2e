// The app around the customer pages: security headers, redirects, the sign-in page, 404s.
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './app';
import { ANALYST, bearer, byTestId, fetchPage, parseHtml, useConsoleWorld } from './test-support';

const cw = useConsoleWorld();

const page = (path: string, token: string) => fetchPage(cw.app, path, token);
const testId = byTestId;

describe('headers, redirects and the pages outside a customer', () => {
  it('sends a strict CSP, no-store and no referrer on customer pages', async () => {
    const { res } = await page('/t/t_acme/alerts', cw.acme);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toBe("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'");
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  it('carries the deliberately leaky global CSS', async () => {
    const { doc } = await page('/t/t_acme/dashboard', cw.acme);
    const css = doc.querySelector('head style:not([data-brand])')?.textContent ?? '';
    expect(css).toContain('button { background: rgb(255, 0, 0);');
    expect(css).toContain('font-family: serif;');
    expect(css).toContain('* { letter-spacing: 0.5px; }');
  });

  it.each(['/t/t_acme', '/t/t_acme/'])('redirects %s to the dashboard', async (path) => {
    const res = await cw.app.request(path);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/t/t_acme/dashboard');
  });

  it.each(['/', '/login'])('%s is the sign-in page: no customer selected, no tenant', async (path) => {
    const res = await cw.app.request(path);
    const doc = parseHtml(await res.text());
    expect(res.status).toBe(200);
    expect(testId(doc, 'no-customer')?.textContent).toBe('No customer selected');
    expect(doc.body.textContent).toContain('MSP Switchboard');
    expect(doc.querySelector('meta[name="switchboard-tenant"]')).toBeNull();
    expect(doc.querySelector('form')).toBeNull();
  });

  it.each(['/nope', '/t/t_acme/settings', '/t/t%20acme/dashboard', '/t/t_acme/dashboard/extra'])('answers 404 for %s without tenant data', async (path) => {
    const res = await cw.app.request(path, bearer(cw.acme));
    const text = await res.text();
    expect(res.status).toBe(404);
    expect(testId(parseHtml(text), 'not-found')).not.toBeNull();
    expect(text).not.toContain('Acme Retail');
    expect(text).not.toContain(ANALYST);
  });
});
