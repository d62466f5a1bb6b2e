import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brandingChangesSchema, brandingViewSchema, publishedBrandingSchema, type BrandingView } from '../../shared/branding';
import { errorBodySchema } from '../../shared/errors';
import { DEMO_BRANDING } from '../db/branding-seed';
import { DEMO } from '../db/seed';
import { brandingClient, publishBranding, type BrandingClient } from '../../test/helpers/branding-client';
import { pngBytes } from '../../test/helpers/branding-images';
import { startTestWorld, type TestWorld } from '../../test/helpers/test-server';

let world: TestWorld;
let as: Record<keyof typeof DEMO.users, BrandingClient>;
beforeAll(async () => {
  world = await startTestWorld({ listen: false });
  const tokens = await world.signInAllDemoUsers();
  as = Object.fromEntries(Object.entries(tokens).map(([k, t]) => [k, brandingClient(world, t)])) as typeof as;
});
afterAll(() => world.close());

const T = DEMO.tenants;
const view = async (client: BrandingClient, tenantId: string): Promise<BrandingView> => {
  const res = await client.get(tenantId);
  expect(res.status).toBe(200);
  return brandingViewSchema.parse(await res.json());
};
const consoleAuth = (secret = 'switchboard-console-dev-secret') => ({ authorization: `Basic ${Buffer.from(`switchboard-console:${secret}`).toString('base64')}` });

describe('inheritance, per field', () => {
  it("a client shows its partner's published value for every field it does not set, and its own where it does", async () => {
    const acme = await view(as.acmeViewer, T.acme);
    expect(acme.parent?.id).toBe(T.contoso);
    expect(acme.effective.values).toMatchObject({ ...DEMO_BRANDING.contoso, ...DEMO_BRANDING.acme });
    expect(acme.effective.sources.website_title).toEqual({ id: T.contoso, name: 'Contoso Managed Services' });
    expect(acme.effective.sources.login_subheader).toEqual({ id: T.acme, name: 'Acme Retail' });
    expect(acme.inherited.values.login_subheader).toBe(DEMO_BRANDING.contoso.login_subheader);
    expect(acme.effective.sources.logo).toBeNull();
    expect(acme.report.contrast).toMatchObject({ text_colour: '#ffffff', background_colour: '#0b3d91', meets_minimum: true });
  });

  it("follows the partner's later publishes until the client overrides the field, and again once the override is removed", async () => {
    await publishBranding(as.contosoAdmin, T.contoso, { ...DEMO_BRANDING.contoso, website_title: 'Contoso Monitor 2' });
    expect((await view(as.acmeViewer, T.acme)).effective.values.website_title).toBe('Contoso Monitor 2');
    await publishBranding(as.contosoAdmin, T.acme, { ...DEMO_BRANDING.acme, website_title: 'Acme Monitor' });
    expect((await view(as.acmeViewer, T.acme)).effective.values.website_title).toBe('Acme Monitor');
    // Globex never overrode it: still the partner's.
    expect((await view(as.contosoAdmin, T.globex)).effective.values.website_title).toBe('Contoso Monitor 2');
    await publishBranding(as.contosoAdmin, T.acme, { ...DEMO_BRANDING.acme, website_title: null });
    const acme = await view(as.acmeViewer, T.acme);
    expect(acme.effective.values.website_title).toBe('Contoso Monitor 2');
    expect(acme.effective.values.company_name).toBe('Acme Retail');
  });

  it('GET …/published answers the resolved values and a revision naming every version along the chain', async () => {
    const res = await as.acmeViewer.get(`${T.acme}/published`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    const published = publishedBrandingSchema.parse(await res.json());
    expect(published.values.company_name).toBe('Acme Retail');
    expect(published.revision).toMatch(/^t_northwind@0,t_contoso@\d+,t_acme@\d+$/);
  });
});

describe('who may read', () => {
  it("is open to the tenant's users and to those who may see it", async () => {
    for (const who of ['acmeViewer', 'contosoAnalyst', 'contosoAdmin', 'support'] as const) expect((await as[who].get(T.acme)).status).toBe(200);
  });

  it('tells each reader whether they may edit and, if not, which permission is missing', async () => {
    expect((await view(as.contosoAdmin, T.acme)).edit).toMatchObject({ allowed: true, missing_permission: null });
    expect((await view(as.contosoAnalyst, T.acme)).edit).toEqual({
      allowed: false,
      missing_permission: 'Platform Administrator',
      reason: 'Changing the branding of Acme Retail needs Platform Administrator on Acme Retail or MSP_Manage on Contoso Managed Services.',
    });
    // The analyst's Globex grant carries Platform Administrator.
    expect((await view(as.contosoAnalyst, T.globex)).edit.allowed).toBe(true);
    expect((await view(as.contosoAnalyst, T.contoso)).edit.missing_permission).toBe('MSP_Manage');
    expect((await view(as.acmeViewer, T.acme)).edit.missing_permission).toBe('Platform Administrator');
    expect((await view(as.support, T.contoso)).edit.missing_permission).toBe('MSP_Manage');
  });

  it('a tenant the caller may not see answers exactly like one that does not exist, on every branding route', async () => {
    const paths = (t: string) => [t, `${t}/published`, `${t}/changes`, `${t}/images/00000000-0000-0000-0000-000000000000`];
    for (const [who, hidden] of [['fabrikamAdmin', T.acme], ['acmeViewer', T.contoso], ['acmeViewer', T.globex], ['contosoAnalyst', T.wayne]] as const) {
      for (const [seen, missing] of paths(hidden).map((p, i): [string, string] => [p, paths('t_missing')[i]!])) {
        const [a, b] = await Promise.all([as[who].get(seen), as[who].get(missing)]);
        expect([seen, a.status, await a.text()]).toEqual([seen, 404, await b.text()]);
      }
      for (const method of ['PUT', 'DELETE'] as const) {
        const [a, b] = await Promise.all([as[who].send(method, `${hidden}/draft`, { base_version: 0, values: {} }), as[who].send(method, 't_missing/draft', { base_version: 0, values: {} })]);
        expect([a.status, await a.text()]).toEqual([404, await b.text()]);
      }
      const [a, b] = await Promise.all([as[who].send('POST', `${hidden}/publish`, { expected_version: 1 }), as[who].send('POST', 't_missing/publish', { expected_version: 1 })]);
      expect([a.status, await a.text()]).toEqual([404, await b.text()]);
    }
  });

  it('Fabrikam probing every Contoso-side tenant gets, byte for byte, the answer of a tenant that does not exist', async () => {
    const contosoSide = [T.northwind, T.contoso, T.acme, T.globex, T.initech, T.umbrella, ...Array.from({ length: DEMO.generatedCustomers }, (_, i) => `t_c${String(i + 1).padStart(3, '0')}`)];
    const missing = await (await as.fabrikamAdmin.get('t_nobody/published')).text();
    // Northwind is Fabrikam's own service provider: visible to nobody at Fabrikam without MSP_View.
    for (const tenantId of contosoSide) {
      const res = await as.fabrikamAdmin.get(`${tenantId}/published`);
      expect([tenantId, res.status, await res.text()]).toEqual([tenantId, 404, missing]);
    }
    expect((await as.fabrikamAdmin.get(`${T.wayne}/published`)).status).toBe(200);
  });

  it('without a token: 401; a malformed tenant id: 400', async () => {
    const anonymous = brandingClient(world, undefined);
    expect((await anonymous.get(T.acme)).status).toBe(401);
    expect((await anonymous.get(`${T.acme}/published`)).status).toBe(401);
    const bad = await as.contosoAdmin.get('t%20acme');
    expect(bad.status).toBe(400);
    expect(errorBodySchema.parse(await bad.json()).error.code).toBe('invalid_request');
  });
});

describe('the console as a confidential client', () => {
  it('reads what is published with its client credentials, and nothing of drafts or history', async () => {
    const res = await world.app.request(`/v1/branding/${T.acme}/published`, { headers: consoleAuth() });
    expect(res.status).toBe(200);
    expect(publishedBrandingSchema.parse(await res.json()).values.company_name).toBe('Acme Retail');
    expect((await world.app.request(`/v1/branding/${T.acme}`, { headers: consoleAuth() })).status).toBe(401);
    expect((await world.app.request('/v1/branding/t_missing/published', { headers: consoleAuth() })).status).toBe(404);
  });

  it('a wrong secret is refused, and an address that keeps failing is refused for the rest of the minute', async () => {
    const wrong = await world.app.request(`/v1/branding/${T.acme}/published`, { headers: consoleAuth('guess') });
    expect(wrong.status).toBe(401);
    expect(errorBodySchema.parse(await wrong.json()).error.message).toBe('client authentication failed');
    for (let i = 0; i < 30; i++) await world.app.request(`/v1/branding/${T.acme}/published`, { headers: consoleAuth(`guess-${i}`) });
    const limited = await world.app.request(`/v1/branding/${T.acme}/published`, { headers: consoleAuth() });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
    world.clock.advance(60_000);
    expect((await world.app.request(`/v1/branding/${T.acme}/published`, { headers: consoleAuth() })).status).toBe(200);
  });
});

describe('images', () => {
  it('are served with their stored content type and nosniff; unpublished ones only to those who may edit', async () => {
    const upload = await as.contosoAdmin.upload(T.contoso, 'favicon', pngBytes(128, 128), 'icon.txt', 'text/plain');
    expect(upload.status).toBe(201);
    const { image } = (await upload.json()) as { image: { id: string } };
    // Not yet published: the editor sees it, a client user of a tenant that would inherit it does not.
    const asAdmin = await as.contosoAdmin.get(`${T.contoso}/images/${image.id}`);
    expect(asAdmin.status).toBe(200);
    expect(asAdmin.headers.get('content-type')).toBe('image/png');
    expect(asAdmin.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await asAdmin.arrayBuffer()).equals(pngBytes(128, 128))).toBe(true);
    expect((await as.acmeViewer.get(`${T.acme}/images/${image.id}`)).status).toBe(404);

    await publishBranding(as.contosoAdmin, T.contoso, { ...DEMO_BRANDING.contoso, favicon: image.id });
    // Published on the partner: every Acme user reads it under Acme's path, and so does the console.
    const inherited = await as.acmeViewer.get(`${T.acme}/images/${image.id}`);
    expect(inherited.status).toBe(200);
    expect(inherited.headers.get('content-type')).toBe('image/png');
    expect(inherited.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await world.app.request(`/v1/branding/${T.acme}/images/${image.id}`, { headers: consoleAuth() })).status).toBe(200);
    // Under a tenant outside the image's chain it does not exist.
    expect((await as.fabrikamAdmin.get(`${T.wayne}/images/${image.id}`)).status).toBe(404);
  });
});

describe('GET …/changes', () => {
  it('summarises a draft field by field as users will see it (old, new), with its report', async () => {
    const before = await view(as.contosoAdmin, T.acme);
    const saved = await as.contosoAdmin.send('PUT', `${T.acme}/draft`, {
      base_version: before.published!.version,
      values: { ...DEMO_BRANDING.acme, website_title: 'Acme Live', text_colour: '#1a3f8f' },
    });
    expect(saved.status).toBe(200);
    const res = await as.contosoAdmin.get(`${T.acme}/changes`);
    expect(res.status).toBe(200);
    const summary = brandingChangesSchema.parse(await res.json());
    expect(summary.expected_version).toBe(before.published!.version);
    expect(summary.changes).toEqual([
      { field: 'website_title', label: 'Website title', old: before.effective.values.website_title, new: 'Acme Live' },
      { field: 'text_colour', label: 'Text colour', old: '#ffffff', new: '#1a3f8f' },
    ]);
    // Dark blue text on the inherited dark blue background.
    expect(summary.report.contrast).toMatchObject({ text_colour: '#1a3f8f', background_colour: '#0b3d91', meets_minimum: false });
    expect(summary.report.issues).toEqual([expect.objectContaining({ code: 'low_contrast', contrast_ratio: summary.report.contrast!.ratio })]);
    // Nobody else sees that draft.
    expect((await view(as.acmeViewer, T.acme)).draft).toBeNull();
    expect((await as.acmeViewer.get(`${T.acme}/changes`)).status).toBe(404);
  });

  it('summarises a rollback target, and names an unknown version', async () => {
    const res = await as.contosoAdmin.get(`${T.acme}/changes?version=1`);
    expect(res.status).toBe(200);
    expect(brandingChangesSchema.parse(await res.json()).expected_version).toBeGreaterThan(1);
    const unknown = await as.contosoAdmin.get(`${T.acme}/changes?version=99`);
    expect(unknown.status).toBe(404);
    expect(errorBodySchema.parse(await unknown.json()).error.message).toBe("no version 99 of Acme Retail's branding");
    expect((await as.contosoAdmin.get(`${T.acme}/changes?version=-1`)).status).toBe(400);
  });
});

describe('client credentials with reserved characters', () => {
  it('are form-urlencoded before Basic encoding (RFC 6749 §2.3.1)', async () => {
    const secret = 'p@ss:w%rd é/+';
    const other = await startTestWorld({ listen: false, config: { consoleClient: { id: 'switchboard-console', secret } } });
    try {
      const basic = (s: string) => ({ authorization: `Basic ${Buffer.from(`switchboard-console:${s}`).toString('base64')}` });
      expect((await other.app.request(`/v1/branding/${T.acme}/published`, { headers: basic(encodeURIComponent(secret)) })).status).toBe(200);
      expect((await other.app.request(`/v1/branding/${T.acme}/published`, { headers: basic('%E0%A4%A') })).status).toBe(401);
    } finally {
      await other.close();
    }
  });
});
