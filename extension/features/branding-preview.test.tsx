import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { BrandingLook, BrandingPreview } from '../../shared/branding-messages';
import { referenceConsoleAdapter } from '../host-adapters/reference-console';
import { tellPage } from '../test-support/fake-background';
import { brandingPreview } from './branding-preview';

// A console page with the hooks of docs/branding.md, as published for Acme (logo, blue text).
const HEAD = `<meta name="switchboard-page-title" content="Alerts · Acme Retail"><link rel="icon" data-brand="favicon" href="/branding/t_acme/images/img_fav">`;
const BODY = `
  <header><img data-brand="logo" src="/branding/t_acme/images/img_logo" alt="Logo"><span data-brand="site-name">Acme Monitor</span>
  <a data-brand="docs-link" hidden>Documentation</a></header>
  <footer><span data-brand="company-name" hidden></span><a data-brand="portal-url" hidden></a></footer>
  <template id="brand-login-template"><div data-brand="login"><img data-brand="logo" hidden alt="Logo"><h1 data-brand="login-header">Welcome to Acme</h1><p data-brand="login-subheader"></p></div></template>`;
const PNG = 'data:image/png;base64,iVBORw0KGgo=';
const look: BrandingLook = {
  website_title: 'Acme Portal', documentation_url: 'https://docs.acme.example/', login_header: 'Hello Acme', login_subheader: 'Monitoring for stores',
  text_colour: '#aa0000', background_colour: '#fafafa', company_name: 'Acme Retail Inc.', portal_url: 'https://portal.acme.example/',
  logo: PNG, favicon: PNG, background_image: null,
};
const preview = (p: Partial<BrandingPreview> = {}): BrandingPreview => ({ look, role: 'client_portal_read_only', screen: 'page', side: 'after', ...p });
const q = (s: string) => document.querySelector(s)!;

let ctx: ContentScriptContext;
beforeEach(() => {
  fakeBrowser.reset();
  document.head.innerHTML = HEAD;
  document.body.innerHTML = BODY;
  document.title = 'Alerts · Acme Retail · Acme Monitor';
  document.documentElement.style.setProperty('--brand-text', '#0000aa');
  ctx = new ContentScriptContext('branding-test');
  const url = new URL('http://127.0.0.1:8788/t/t_acme/alerts');
  void brandingPreview.run({ ctx, adapter: referenceConsoleAdapter(url.origin), url, document });
});
afterEach(() => ctx.notifyInvalidated());

describe('branding preview on the console page', () => {
  it('shows the draft in place, without a reload, and the published look again on restore', async () => {
    await tellPage({ type: 'branding.preview', preview: preview() });
    expect(document.title).toBe('Alerts · Acme Retail · Acme Portal');
    expect(q('link[data-brand="favicon"]').getAttribute('href')).toBe(PNG);
    expect(q('header img[data-brand="logo"]').getAttribute('src')).toBe(PNG);
    expect(document.documentElement.style.getPropertyValue('--brand-text')).toBe('#aa0000');
    expect(document.documentElement.style.getPropertyValue('--brand-background')).toBe('#fafafa');
    expect(q('[data-brand="site-name"]').textContent).toBe('Acme Retail Inc.');
    expect(q('[data-brand="docs-link"]').hasAttribute('hidden')).toBe(false);
    expect(q('[data-brand="portal-url"]').textContent).toBe('https://portal.acme.example/');
    expect(q('[role="status"]').textContent).toBe('Draft branding preview (not published), as White labeled Client Portal (Read Only).');

    await tellPage({ type: 'branding.restore' });
    expect(document.title).toBe('Alerts · Acme Retail · Acme Monitor');
    expect(q('link[data-brand="favicon"]').getAttribute('href')).toBe('/branding/t_acme/images/img_fav');
    expect(q('header img[data-brand="logo"]').getAttribute('src')).toBe('/branding/t_acme/images/img_logo');
    expect(document.documentElement.style.getPropertyValue('--brand-text')).toBe('#0000aa');
    expect(document.documentElement.style.getPropertyValue('--brand-background')).toBe('');
    expect(q('[data-brand="site-name"]').textContent).toBe('Acme Monitor');
    expect(q('[data-brand="docs-link"]').hasAttribute('hidden')).toBe(true);
    expect(q('[data-brand="portal-url"]').hasAttribute('hidden')).toBe(true);
    expect(document.querySelector('[role="status"]')).toBeNull();
  });

  it('lays the login page over the console page, filled with the draft', async () => {
    await tellPage({ type: 'branding.preview', preview: preview({ screen: 'login' }) });
    const login = q('[aria-label="Login page preview"]');
    expect(login.querySelector('[data-brand="login-header"]')!.textContent).toBe('Hello Acme');
    expect(login.querySelector('[data-brand="login-subheader"]')!.textContent).toBe('Monitoring for stores');
    expect(login.querySelector('img[data-brand="logo"]')!.getAttribute('src')).toBe(PNG);
    await tellPage({ type: 'branding.preview', preview: preview({ screen: 'page' }) });
    expect(document.querySelector('[aria-label="Login page preview"]')).toBeNull();
    expect(q('template#brand-login-template').innerHTML).toContain('Welcome to Acme'); // the page's own template untouched
  });

  it('shows a web-client role the console defaults where it does not white-label', async () => {
    const seen: BrandingLook = { ...Object.fromEntries(Object.keys(look).map((k) => [k, null])), company_name: 'Acme Retail Inc.', logo: PNG } as BrandingLook;
    await tellPage({ type: 'branding.preview', preview: preview({ look: seen, role: 'operator' }) });
    expect(document.title).toBe('Alerts · Acme Retail · Contoso Monitor');
    expect(document.documentElement.style.getPropertyValue('--brand-text')).toBe('#1f2328');
    expect(q('link[data-brand="favicon"]').getAttribute('href')).toBe('data:,');
    expect(q('[role="status"]').textContent).toContain('as Operator');
  });

  it('restores the page when the content script goes away', async () => {
    await tellPage({ type: 'branding.preview', preview: preview() });
    ctx.notifyInvalidated();
    expect(document.title).toBe('Alerts · Acme Retail · Acme Monitor');
  });
});
