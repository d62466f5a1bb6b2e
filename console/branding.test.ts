// The console renders each tenant's published branding, read from a real BFF with the console's
// client credentials, on every page and on its login page, with the hooks the live preview uses.
import { describe, expect, it } from 'vitest';
import { brandingImageUploadSchema } from '../shared/branding';
import { DEMO_BRANDING } from '../bff/db/branding-seed';
import { DEMO } from '../bff/db/seed';
import { brandingClient, publishBranding, type BrandingClient } from '../test/helpers/branding-client';
import { jpegBytes, pngBytes } from '../test/helpers/branding-images';
import { createConsoleApp } from './app';
import { createBrandingSource } from './branding-source';
import { DEFAULT_COLOURS, DEFAULT_SITE_NAME } from './page-branding';
import { byTestId, fetchPage, parseHtml, useConsoleWorld } from './test-support';

const cw = useConsoleWorld();
const upload = async (admin: BrandingClient, field: string, bytes: Uint8Array) =>
  brandingImageUploadSchema.parse(await (await admin.upload('t_acme', field, bytes)).json()).image.id;
const brandStyle = (doc: ReturnType<typeof parseHtml>) => doc.querySelector('style[data-brand="style"]')?.textContent ?? '';
const anonymous = async (path: string) => {
  const res = await cw.app.request(path);
  const text = await res.text();
  return { res, text, doc: parseHtml(text) };
};

describe('published branding on the console', () => {
  let ids: { logo: string; favicon: string; background: string };
  const favicon = pngBytes(128, 128, { seed: 7 });

  it('renders title, favicon, logo, colours, documentation link and client-portal names on every customer page', async () => {
    const admin = brandingClient(cw.world, await cw.world.signIn(DEMO.users.contosoAdmin.email));
    ids = { logo: await upload(admin, 'logo', pngBytes(256, 512)), favicon: await upload(admin, 'favicon', favicon), background: await upload(admin, 'background_image', jpegBytes(1440, 900)) };
    await publishBranding(admin, 't_acme', {
      ...DEMO_BRANDING.acme,
      website_title: 'Acme <Ops> & Co',
      login_header: 'Welcome to Acme',
      text_colour: '#111111',
      background_colour: '#fafafa',
      documentation_url: 'https://help.acme.example/',
      logo: ids.logo,
      favicon: ids.favicon,
      background_image: ids.background,
    });
    for (const page of ['dashboard', 'alerts']) {
      const { res, doc } = await fetchPage(cw.app, `/t/t_acme/${page}`, cw.acme);
      expect(res.status).toBe(200);
      expect(doc.title).toBe(`${page === 'dashboard' ? 'Dashboard' : 'Alerts'} · Acme Retail · Acme <Ops> & Co`);
      expect(doc.querySelector('meta[name="switchboard-page-title"]')?.getAttribute('content')).toBe(`${page === 'dashboard' ? 'Dashboard' : 'Alerts'} · Acme Retail`);
      expect(doc.querySelector('link[rel="icon"][data-brand="favicon"]')?.getAttribute('href')).toBe(`/branding/t_acme/images/${ids.favicon}`);
      const logo = doc.querySelector('#console-header img[data-brand="logo"]');
      expect([logo?.getAttribute('src'), logo?.hasAttribute('hidden'), logo?.getAttribute('alt')]).toEqual([`/branding/t_acme/images/${ids.logo}`, false, 'Acme Retail logo']);
      expect(brandStyle(doc)).toBe(`:root { --brand-text: #111111; --brand-background: #fafafa; --brand-background-image: url("/branding/t_acme/images/${ids.background}"); }`);
      expect(byTestId(doc, 'brand-name')?.textContent).toBe('Acme Retail');
      expect(byTestId(doc, 'brand-docs')?.getAttribute('href')).toBe('https://help.acme.example/');
      expect(byTestId(doc, 'brand-company')?.textContent).toBe('Acme Retail');
      expect(byTestId(doc, 'brand-portal')?.getAttribute('href')).toBe(DEMO_BRANDING.acme.portal_url);
      expect(doc.documentElement.getAttribute('data-brand-revision')).toMatch(/^[0-9a-f]{16}$/);
      // The login panel, published, for the preview to clone.
      const template = doc.querySelector('template#brand-login-template') as unknown as { innerHTML: string } | null;
      expect(template?.innerHTML).toContain('Welcome to Acme');
    }
  });

  it('serves the images from its own origin with their stored type and nosniff', async () => {
    const res = await cw.app.request(`/branding/t_acme/images/${ids.favicon}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer()).equals(favicon)).toBe(true);
    expect((await cw.app.request(`/branding/t_acme/images/${ids.background}`)).headers.get('content-type')).toBe('image/jpeg');
    for (const path of ['/branding/t_acme/images/00000000-0000-0000-0000-000000000000', `/branding/t_wayne/images/${ids.favicon}`, '/branding/t%20acme/images/x']) {
      expect((await cw.app.request(path)).status).toBe(404);
    }
  });

  it("brands the tenant's login page before anyone signs in", async () => {
    for (const [path, status] of [['/t/t_acme/dashboard', 401], ['/t/t_acme/login', 200]] as const) {
      const { res, doc } = await anonymous(path);
      expect(res.status).toBe(status);
      expect(byTestId(doc, 'brand-login-header')?.textContent).toBe('Welcome to Acme');
      expect(byTestId(doc, 'brand-login-subheader')?.textContent).toBe(DEMO_BRANDING.acme.login_subheader);
      expect(byTestId(doc, 'brand-login-logo')?.getAttribute('src')).toBe(`/branding/t_acme/images/${ids.logo}`);
      expect(brandStyle(doc)).toContain('--brand-text: #111111');
      expect(doc.title).toBe('Sign in · Acme <Ops> & Co');
    }
  });

  it('a client that publishes nothing of a field shows its partner’s (Globex inherits Contoso)', async () => {
    const { doc } = await fetchPage(cw.app, '/t/t_globex/dashboard', cw.globex);
    expect(doc.title).toBe(`Dashboard · Globex Manufacturing · ${DEMO_BRANDING.contoso.website_title}`);
    expect(brandStyle(doc)).toBe(`:root { --brand-text: ${DEMO_BRANDING.contoso.text_colour}; --brand-background: ${DEMO_BRANDING.contoso.background_colour}; --brand-background-image: none; }`);
    expect(doc.querySelector('img[data-brand="logo"]')?.hasAttribute('hidden')).toBe(true);
    expect(doc.querySelector('link[data-brand="favicon"]')?.getAttribute('href')).toBe('data:,');
  });

  it("an unknown tenant's login page is exactly that of a tenant with nothing published: the console's own look", async () => {
    const [wayne, unknown] = await Promise.all([anonymous('/t/t_wayne/login'), anonymous('/t/t_nope/login')]);
    expect(wayne.text.replaceAll('t_wayne', 'T')).toBe(unknown.text.replaceAll('t_nope', 'T'));
    expect(byTestId(wayne.doc, 'brand-name')?.textContent).toBe(DEFAULT_SITE_NAME);
    expect(brandStyle(wayne.doc)).toContain(`--brand-text: ${DEFAULT_COLOURS.text}`);
  });

  it('shows the new look on the next load after a rollback', async () => {
    const admin = brandingClient(cw.world, await cw.world.signIn(DEMO.users.contosoAdmin.email));
    const before = (await fetchPage(cw.app, '/t/t_acme/dashboard', cw.acme)).doc.documentElement.getAttribute('data-brand-revision');
    expect((await admin.send('POST', 't_acme/rollback', { to_version: 1, expected_version: 2 })).status).toBe(200);
    const { doc } = await fetchPage(cw.app, '/t/t_acme/dashboard', cw.acme);
    expect(doc.title).toBe(`Dashboard · Acme Retail · ${DEMO_BRANDING.contoso.website_title}`);
    expect(doc.querySelector('img[data-brand="logo"]')?.hasAttribute('hidden')).toBe(true);
    expect(doc.documentElement.getAttribute('data-brand-revision')).not.toBe(before);
  });

  it("shows its own look, not an error, when the BFF's branding cannot be read", async () => {
    for (const branding of [
      createBrandingSource({ bffUrl: 'http://127.0.0.1:9', clientId: 'switchboard-console', clientSecret: 'x', timeoutMs: 500 }),
      createBrandingSource({ bffUrl: cw.world.baseUrl, clientId: 'switchboard-console', clientSecret: 'wrong-secret' }),
    ]) {
      const app = createConsoleApp({ ...consoleDeps(), branding });
      const res = await app.request('/t/t_acme/login');
      expect(res.status).toBe(200);
      expect(byTestId(parseHtml(await res.text()), 'brand-name')?.textContent).toBe(DEFAULT_SITE_NAME);
    }
  });
});

function consoleDeps() {
  return { issuer: cw.world.baseUrl, audience: 'http://127.0.0.1:8788', jwks: async () => { throw new Error('unused'); }, clock: cw.world.clock };
}
