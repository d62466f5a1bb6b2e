import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { brandingConflictSchema, brandingDraftSchema, brandingImageUploadSchema, brandingPublishedSchema, brandingRefusalSchema, brandingViewSchema, type BrandingView } from '../../shared/branding';
import { errorBodySchema } from '../../shared/errors';
import { openDatabase } from '../db/client';
import { appendVersion } from '../db/branding';
import { DEMO_BRANDING } from '../db/branding-seed';
import { auditEvents } from '../db/schema';
import { brandingImages } from '../db/schema-branding';
import { DEMO } from '../db/seed';
import { emptyStoredValues } from '../domain/branding-values';
import { brandingClient, publishBranding, type BrandingClient } from '../../test/helpers/branding-client';
import { corrupt, disguisedText, jpegBytes, pngBytes, svgBytes, truncated } from '../../test/helpers/branding-images';
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
const view = async (client: BrandingClient, tenantId: string): Promise<BrandingView> => brandingViewSchema.parse(await (await client.get(tenantId)).json());
const imageCount = async () => (await world.database.db.select({ id: brandingImages.id }).from(brandingImages)).length;
const audits = (action: string) => world.database.db.select().from(auditEvents).where(eq(auditEvents.action, action));

describe('writing needs MSP_Manage on the partner or Platform Administrator on the customer', () => {
  it('refuses, naming the missing permission, those who may only read', async () => {
    const cases = [
      ['contosoAnalyst', T.acme, 'Changing the branding of Acme Retail needs Platform Administrator on Acme Retail or MSP_Manage on Contoso Managed Services.'],
      ['acmeViewer', T.acme, 'Changing the branding of Acme Retail needs Platform Administrator on Acme Retail or MSP_Manage on Contoso Managed Services.'],
      ['contosoAnalyst', T.contoso, 'Changing the branding of Contoso Managed Services needs MSP_Manage on Contoso Managed Services.'],
      ['support', T.contoso, 'Changing the branding of Contoso Managed Services needs MSP_Manage on Contoso Managed Services.'],
    ] as const;
    for (const [who, tenantId, message] of cases) {
      for (const res of [
        await as[who].send('PUT', `${tenantId}/draft`, { base_version: 1, values: { website_title: 'Mine' } }),
        await as[who].send('DELETE', `${tenantId}/draft`),
        await as[who].upload(tenantId, 'favicon', pngBytes(128, 128)),
        await as[who].send('POST', `${tenantId}/publish`, { expected_version: 1 }),
        await as[who].send('POST', `${tenantId}/rollback`, { to_version: 1, expected_version: 1 }),
      ]) {
        expect(res.status).toBe(403);
        expect(errorBodySchema.parse(await res.json()).error).toEqual({ code: 'forbidden', message });
      }
    }
    const refused = await audits('branding.publish');
    expect(refused.filter((a) => a.outcome === 'failure' && a.actorUserId === DEMO.users.contosoAnalyst.id && a.tenantId === T.acme)).toHaveLength(1);
    expect(await imageCount()).toBe(0);
  });

  it('lets a Platform Administrator grant edit its customer (the analyst on Globex)', async () => {
    const res = await as.contosoAnalyst.send('PUT', `${T.globex}/draft`, { base_version: 0, values: { website_title: 'Globex Ops' } });
    expect(res.status).toBe(200);
    expect(brandingDraftSchema.parse(await res.json()).values.website_title).toBe('Globex Ops');
  });
});

describe('drafts', () => {
  it('are checked like the editor checks them; a refused draft saves nothing', async () => {
    const res = await as.contosoAdmin.send('PUT', `${T.acme}/draft`, {
      base_version: 1,
      values: { documentation_url: 'http://docs.acme.example', text_colour: 'bluish', logo: '00000000-0000-0000-0000-000000000000' },
    });
    expect(res.status).toBe(400);
    const refusal = brandingRefusalSchema.parse(await res.json());
    expect(refusal.issues.map((i) => [i.field, i.code])).toEqual([
      ['documentation_url', 'not_https_url'],
      ['text_colour', 'invalid_colour'],
      ['logo', 'image_unknown'],
    ]);
    expect(refusal.error.details?.map((d) => d.path)).toEqual(['documentation_url', 'text_colour', 'logo']);
    expect((await view(as.contosoAdmin, T.acme)).draft).toBeNull();
  });

  it('refuse an image uploaded for another tenant or another field, and unknown keys', async () => {
    const upload = brandingImageUploadSchema.parse(await (await as.contosoAdmin.upload(T.contoso, 'favicon', pngBytes(128, 128))).json());
    const foreign = await as.contosoAdmin.send('PUT', `${T.acme}/draft`, { base_version: 1, values: { favicon: upload.image.id } });
    expect(brandingRefusalSchema.parse(await foreign.json()).issues[0]).toMatchObject({ field: 'favicon', code: 'image_unknown' });
    const wrongField = await as.contosoAdmin.send('PUT', `${T.contoso}/draft`, { base_version: 1, values: { logo: upload.image.id } });
    expect(brandingRefusalSchema.parse(await wrongField.json()).issues[0]).toMatchObject({ field: 'logo', code: 'image_unknown' });
    expect((await as.contosoAdmin.send('PUT', `${T.acme}/draft`, { base_version: 1, values: { css: 'body{}' } })).status).toBe(400);
  });

  it('store colours as #rrggbb and warn, with the ratio, about low contrast against an inherited background', async () => {
    const res = await as.contosoAdmin.send('PUT', `${T.acme}/draft`, { base_version: 1, values: { ...DEMO_BRANDING.acme, text_colour: 'navy' } });
    expect(res.status).toBe(200);
    const draft = brandingDraftSchema.parse(await res.json());
    expect(draft.values.text_colour).toBe('#000080');
    expect(draft.report.contrast).toMatchObject({ text_colour: '#000080', background_colour: DEMO_BRANDING.contoso.background_colour, meets_minimum: false });
    expect(draft.report.issues[0]).toMatchObject({ code: 'low_contrast', severity: 'warning', contrast_ratio: draft.report.contrast!.ratio });
    expect(draft.report.contrast!.ratio).toBeLessThan(4.5);
    expect((await as.contosoAdmin.send('DELETE', `${T.acme}/draft`)).status).toBe(204);
    expect((await view(as.contosoAdmin, T.acme)).draft).toBeNull();
  });
});

describe('image uploads', () => {
  it('store real PNG and JPEG files with the type their content has, whatever their name says', async () => {
    const before = await imageCount();
    const favicon = await as.contosoAdmin.upload(T.acme, 'favicon', pngBytes(128, 128), 'favicon.jpg', 'image/jpeg');
    expect(favicon.status).toBe(201);
    expect(brandingImageUploadSchema.parse(await favicon.json())).toMatchObject({ image: { content_type: 'image/png', width: 128, height: 128 }, issues: [] });
    const logo = await as.contosoAdmin.upload(T.acme, 'logo', jpegBytes(256, 512), 'logo.png');
    const logoImage = brandingImageUploadSchema.parse(await logo.json()).image;
    expect(logoImage).toMatchObject({ content_type: 'image/jpeg', width: 256, height: 512 });
    // A draft names the image by id and gets it back exactly in the contract's shape.
    const draft = await as.contosoAdmin.send('PUT', `${T.acme}/draft`, { base_version: 1, values: { logo: logoImage.id } });
    expect(((await draft.json()) as { values: { logo: unknown } }).values.logo).toEqual(logoImage);
    await as.contosoAdmin.send('DELETE', `${T.acme}/draft`);
    // A 1440 x 900 background is far over the API's usual 64 KiB body limit; uploads have their own.
    const backgroundBytes = jpegBytes(1440, 900, { quality: 95 });
    expect(backgroundBytes.byteLength).toBeGreaterThan(64 * 1024);
    const background = await as.contosoAdmin.upload(T.acme, 'background_image', backgroundBytes, 'bg.jpg', 'image/jpeg');
    expect(background.status).toBe(201);
    expect(await imageCount()).toBe(before + 3);
  });

  it('refuse corrupt, truncated, disguised, SVG and over-size files with the reason, and store none of them', async () => {
    const before = await imageCount();
    const cases = [
      ['favicon', corrupt(pngBytes(128, 128)), 'image_corrupt', 400],
      ['favicon', truncated(pngBytes(128, 128)), 'image_corrupt', 400],
      ['logo', truncated(jpegBytes(256, 512), 0.8), 'image_corrupt', 400],
      ['logo', disguisedText(), 'image_type', 400],
      ['logo', svgBytes(), 'svg_refused', 400],
      ['logo', pngBytes(1024, 512), 'logo_size', 400],
      ['favicon', pngBytes(256, 256), 'favicon_size', 400],
      ['background_image', pngBytes(700, 700, { noise: true }), 'image_too_large', 413],
    ] as const;
    for (const [field, bytes, code, status] of cases) {
      const res = await as.contosoAdmin.upload(T.acme, field, bytes, 'logo.png', 'image/png');
      const body = brandingRefusalSchema.parse(await res.json());
      expect([code, res.status, body.issues.map((i) => i.code)]).toEqual([code, status, [code]]);
      expect(body.error.message).toContain(body.issues[0]!.message);
    }
    expect(await imageCount()).toBe(before);
  });

  it('refuse a body past the upload cap unread, and a body that is not a multipart form', async () => {
    const huge = await as.contosoAdmin.upload(T.acme, 'background_image', Buffer.alloc(3_000_000, 1));
    expect(huge.status).toBe(413);
    const json = await as.contosoAdmin.send('POST', `${T.acme}/images`, { field: 'logo', file: 'x' });
    expect(json.status).toBe(400);
    const noFile = new FormData();
    noFile.set('field', 'logo');
    const res = await world.app.request(`/v1/branding/${T.acme}/images`, { method: 'POST', headers: { authorization: `Bearer ${await world.signIn(DEMO.users.contosoAdmin.email)}` }, body: noFile });
    expect(res.status).toBe(400);
    expect(errorBodySchema.parse(await res.json()).error.message).toContain('file');
  });
});

describe('publish, history and rollback', () => {
  it('publishes the caller’s draft as the next version with the change summary and an audit event, then forgets the draft', async () => {
    const before = await view(as.contosoAdmin, T.acme);
    expect(before.published?.version).toBe(1);
    expect((await as.contosoAdmin.send('POST', `${T.acme}/publish`, { expected_version: 1 })).status).toBe(400); // no draft yet
    await as.contosoAdmin.send('PUT', `${T.acme}/draft`, { base_version: 1, values: { ...DEMO_BRANDING.acme, website_title: 'Acme Ops' } });
    const res = await as.contosoAdmin.send('POST', `${T.acme}/publish`, { expected_version: 1 });
    expect(res.status).toBe(200);
    const published = brandingPublishedSchema.parse(await res.json());
    expect(published.published).toMatchObject({ version: 2, action: 'publish', restored_version: null, published_by: { email: DEMO.users.contosoAdmin.email } });
    expect(published.changes).toEqual([{ field: 'website_title', label: 'Website title', old: DEMO_BRANDING.contoso.website_title, new: 'Acme Ops' }]);
    const after = await view(as.acmeViewer, T.acme);
    expect(after.effective.values.website_title).toBe('Acme Ops');
    expect((await view(as.contosoAdmin, T.acme)).draft).toBeNull();
    const audit = (await audits('branding.publish')).filter((a) => a.outcome === 'success' && a.tenantId === T.acme);
    expect(audit).toEqual([expect.objectContaining({ actorUserId: DEMO.users.contosoAdmin.id, detail: { expected_version: 1, version: 2, fields: ['website_title'] } })]);
  });

  it('rolls back to any earlier version as a new version, keeps history newest first, and refuses the current or an unknown one', async () => {
    await publishBranding(as.contosoAdmin, T.acme, { ...DEMO_BRANDING.acme, website_title: 'Acme Three', login_header: 'Hello Acme' });
    const res = await as.contosoAdmin.send('POST', `${T.acme}/rollback`, { to_version: 1, expected_version: 3 });
    expect(res.status).toBe(200);
    const rolled = brandingPublishedSchema.parse(await res.json());
    expect(rolled.published).toMatchObject({ version: 4, action: 'rollback', restored_version: 1 });
    expect(rolled.changes.map((c) => [c.field, c.old, c.new])).toEqual([
      ['website_title', 'Acme Three', DEMO_BRANDING.contoso.website_title],
      ['login_header', 'Hello Acme', DEMO_BRANDING.contoso.login_header],
    ]);
    const acme = await view(as.acmeViewer, T.acme);
    expect(acme.history.map((v) => [v.version, v.action, v.values.website_title])).toEqual([
      [4, 'rollback', null],
      [3, 'publish', 'Acme Three'],
      [2, 'publish', 'Acme Ops'],
      [1, 'publish', null],
    ]);
    expect(acme.effective.values.website_title).toBe(DEMO_BRANDING.contoso.website_title);
    // A rollback can itself be undone.
    expect((await as.contosoAdmin.send('POST', `${T.acme}/rollback`, { to_version: 3, expected_version: 4 })).status).toBe(200);
    expect((await view(as.acmeViewer, T.acme)).effective.values.website_title).toBe('Acme Three');
    expect((await as.contosoAdmin.send('POST', `${T.acme}/rollback`, { to_version: 5, expected_version: 5 })).status).toBe(400);
    expect((await as.contosoAdmin.send('POST', `${T.acme}/rollback`, { to_version: 42, expected_version: 5 })).status).toBe(404);
    expect((await audits('branding.rollback')).filter((a) => a.outcome === 'success')).toHaveLength(2);
  });
});

describe('concurrent publishes', () => {
  it('one wins, the other gets 409 with the current state and keeps its draft; nothing is lost', async () => {
    const expected = (await view(as.contosoAdmin, T.globex)).published?.version ?? 0;
    await as.contosoAdmin.send('PUT', `${T.globex}/draft`, { base_version: expected, values: { website_title: 'Globex by the partner' } });
    await as.contosoAnalyst.send('PUT', `${T.globex}/draft`, { base_version: expected, values: { website_title: 'Globex by the analyst' } });
    const [a, b] = await Promise.all([
      as.contosoAdmin.send('POST', `${T.globex}/publish`, { expected_version: expected }),
      as.contosoAnalyst.send('POST', `${T.globex}/publish`, { expected_version: expected }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [winner, loser, loserClient] = a.status === 200 ? [a, b, as.contosoAnalyst] : [b, a, as.contosoAdmin];
    const won = brandingPublishedSchema.parse(await winner.json());
    const conflict = brandingConflictSchema.parse(await loser.json());
    expect(conflict.error.code).toBe('conflict');
    expect(conflict.current.published).toEqual(won.published);
    // The loser's draft is intact and publishes on top once they have seen the new version.
    const loserTitle = conflict.current.draft!.values.website_title!;
    expect(loserTitle).not.toBe(won.published.values.website_title);
    const retry = await loserClient.send('POST', `${T.globex}/publish`, { expected_version: won.published.version });
    expect(retry.status).toBe(200);
    const history = (await view(as.contosoAdmin, T.globex)).history.map((v) => v.values.website_title);
    expect(history.slice(0, 2)).toEqual([loserTitle, won.published.values.website_title]);
    expect((await audits('branding.publish')).filter((e) => e.tenantId === T.globex).map((e) => e.outcome).sort()).toEqual(['failure', 'success', 'success']);
  });

  it('two connections racing for one version: the key lets exactly one append it', async () => {
    const other = await openDatabase({ url: world.databaseUrl });
    try {
      const attempt = (db: typeof other, n: number) =>
        db.write((tx) =>
          appendVersion(tx, { tenantId: T.initech, expected: 0, values: { ...emptyStoredValues(), website_title: `racer ${n}` }, action: 'publish', restoredVersion: null, userId: DEMO.users.contosoAdmin.id, at: world.clock() }),
        );
      const results = await Promise.all(Array.from({ length: 10 }, (_, n) => attempt(n % 2 ? other : world.database, n)));
      expect(results.filter((r) => r.ok)).toEqual([{ ok: true, version: 1 }]);
      expect(results.filter((r) => !r.ok).every((r) => !r.ok && r.current === 1)).toBe(true);
    } finally {
      other.close();
    }
  });
});

describe('no input produces a 500', () => {
  it('random drafts, publishes, rollbacks and uploads get a documented answer', async () => {
    const text = fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('', '#fff', 'red', 'https://x.example', 'http://x', '\u0000', 'é'.repeat(300), '<script>', 'url(x)'));
    const values = fc.dictionary(fc.constantFrom('website_title', 'documentation_url', 'text_colour', 'background_colour', 'logo', 'favicon', 'login_header', 'portal_url', 'x'), fc.oneof(text, fc.constant(null), fc.integer()), { maxKeys: 6 });
    const body = fc.oneof(fc.json({ maxDepth: 3 }).map((j) => JSON.parse(j) as unknown), fc.record({ base_version: fc.oneof(fc.integer(), fc.constant(-1), fc.string()), values }, { requiredKeys: [] }), fc.record({ expected_version: fc.integer({ min: -2, max: 20 }), to_version: fc.integer({ min: -2, max: 20 }) }));
    const documented = async (res: Response) => {
      expect(res.status).toBeLessThan(500);
      if (res.status >= 400) expect(errorBodySchema.safeParse(await res.json()).success).toBe(true);
      else await res.arrayBuffer();
    };
    await fc.assert(
      fc.asyncProperty(body, fc.constantFrom(T.acme, T.globex, 't_missing'), async (b, tenantId) => {
        await documented(await as.contosoAdmin.send('PUT', `${tenantId}/draft`, b));
        await documented(await as.contosoAdmin.send('POST', `${tenantId}/publish`, b));
        await documented(await as.contosoAdmin.send('POST', `${tenantId}/rollback`, b));
      }),
      { numRuns: 40 },
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom('logo', 'favicon', 'background_image', 'nope', ''), fc.boolean(), async (bytes, field, afterHeader) => {
        // Random bytes after a real PNG header reach the decoder too.
        const withHeader = afterHeader ? Buffer.concat([pngBytes(8, 8).subarray(0, 33), bytes]) : Buffer.from(bytes);
        await documented(await as.contosoAdmin.upload(T.acme, field, withHeader));
      }),
      { numRuns: 40 },
    );
  });
});
