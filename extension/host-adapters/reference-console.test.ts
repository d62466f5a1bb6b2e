import { describe, expect, it } from 'vitest';
import { referenceConsoleAdapter } from './reference-console';

const adapter = referenceConsoleAdapter('http://127.0.0.1:8788');
const u = (href: string) => new URL(href);

describe('referenceConsoleAdapter', () => {
  it('is the console at its origin, with a portless match pattern (Firefox ignores ported ones)', () => {
    expect(adapter.resource).toBe('http://127.0.0.1:8788');
    expect(adapter.matches).toEqual(['http://127.0.0.1/*']);
    expect(referenceConsoleAdapter('https://console.example:9443/some/path').matches).toEqual(['https://console.example/*']);
  });

  it('owns its own origin only, port included', () => {
    expect(adapter.owns(u('http://127.0.0.1:8788/t/t_acme/alerts'))).toBe(true);
    expect(adapter.owns(u('http://127.0.0.1:8789/t/t_acme/alerts'))).toBe(false);
    expect(adapter.owns(u('https://127.0.0.1:8788/t/t_acme/alerts'))).toBe(false);
    expect(adapter.owns(u('http://localhost:8788/t/t_acme/alerts'))).toBe(false);
  });

  it('reads the tenant from /t/<id>/…', () => {
    expect(adapter.tenantFromUrl(u('http://127.0.0.1:8788/t/t_acme/alerts'))).toBe('t_acme');
    expect(adapter.tenantFromUrl(u('http://127.0.0.1:8788/t/t_globex'))).toBe('t_globex');
    expect(adapter.tenantFromUrl(u('http://127.0.0.1:8788/t/t_acme/alerts?x=1#top'))).toBe('t_acme');
  });

  it('finds no tenant on a login page, in an id with invalid characters, or on another origin or port', () => {
    expect(adapter.tenantFromUrl(u('http://127.0.0.1:8788/login'))).toBeNull();
    expect(adapter.tenantFromUrl(u('http://127.0.0.1:8788/'))).toBeNull();
    expect(adapter.tenantFromUrl(u('http://127.0.0.1:8788/t/t.acme/alerts'))).toBeNull();
    expect(adapter.tenantFromUrl(u('http://127.0.0.1:8788/t/t%20acme/alerts'))).toBeNull();
    expect(adapter.tenantFromUrl(u(`http://127.0.0.1:8788/t/${'x'.repeat(65)}/alerts`))).toBeNull();
    expect(adapter.tenantFromUrl(u('http://127.0.0.1:9999/t/t_acme/alerts'))).toBeNull();
    expect(adapter.tenantFromUrl(u('http://evil.example:8788/t/t_acme/alerts'))).toBeNull();
  });

  it('switches to the same page for another customer', () => {
    expect(adapter.switchUrl(u('http://127.0.0.1:8788/t/t_acme/alerts'), 't_globex')).toBe('http://127.0.0.1:8788/t/t_globex/alerts');
    expect(adapter.switchUrl(u('http://127.0.0.1:8788/t/t_acme/reports/42'), 't_globex')).toBe('http://127.0.0.1:8788/t/t_globex/reports');
    expect(adapter.switchUrl(u('http://127.0.0.1:8788/t/t_acme/automation'), 't_wayne')).toBe('http://127.0.0.1:8788/t/t_wayne/automation');
  });

  it('lands on the dashboard from an unknown page, a login page, another site, or nowhere', () => {
    expect(adapter.switchUrl(u('http://127.0.0.1:8788/t/t_acme/settings'), 't_globex')).toBe('http://127.0.0.1:8788/t/t_globex/dashboard');
    expect(adapter.switchUrl(u('http://127.0.0.1:8788/login'), 't_globex')).toBe('http://127.0.0.1:8788/t/t_globex/dashboard');
    expect(adapter.switchUrl(u('https://example.com/t/t_acme/alerts'), 't_globex')).toBe('http://127.0.0.1:8788/t/t_globex/dashboard');
    expect(adapter.switchUrl(null, 't_globex')).toBe('http://127.0.0.1:8788/t/t_globex/dashboard');
  });

  it('filters token requests to that customer’s pages of the console, with a trailing slash', () => {
    expect(adapter.tokenUrlFilter('t_acme')).toBe('|http://127.0.0.1:8788/t/t_acme/');
    // t_acme's filter must not be a prefix of t_acme2's pages.
    expect(adapter.tokenUrlFilter('t_acme2').startsWith(adapter.tokenUrlFilter('t_acme'))).toBe(false);
  });

  it('reads the tenant a page declares in <meta name="switchboard-tenant">', () => {
    const doc = document.implementation.createHTMLDocument('console');
    expect(adapter.tenantFromDocument(doc)).toBeNull();
    const meta = doc.createElement('meta');
    meta.setAttribute('name', 'switchboard-tenant');
    meta.setAttribute('content', 't_umbrella');
    doc.head.append(meta);
    expect(adapter.tenantFromDocument(doc)).toBe('t_umbrella');
    meta.setAttribute('content', 't_umbrella"><script>');
    expect(adapter.tenantFromDocument(doc)).toBeNull();
  });
});
