import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { hc } from 'hono/client';
import { tenantContextSchema, type TenantContext } from '../../shared/tenant-context';
import type { AppType } from '../app';
import { DEMO } from '../db/seed';
import { recordSwitch, revokeGrant, setRelationshipState } from '../db/grants';
import { setTenantStatus } from '../db/tenants';
import { GLOBEX_EXPIRY, MINUTE, SEEDED_AT, startTestWorld, type TestWorld } from '../../test/helpers/test-server';
import { exchange, expectIssued, roomyLimits } from '../../test/helpers/oauth-requests';
import { addLargePartnerAnalyst, LARGE_ANALYST } from '../../test/helpers/large-partner';

let world: TestWorld;
beforeAll(async () => {
  world = await startTestWorld();
});
afterAll(() => world.close());

async function context(email: string): Promise<TenantContext> {
  const token = await world.signIn(email);
  const res = await fetch(`${world.baseUrl}/v1/me/context`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  return tenantContextSchema.parse(await res.json());
}
const byId = (ctx: TenantContext, id: string) => ctx.customers.find((c) => c.tenant_id === id);

describe('GET /v1/me/context', () => {
  it('lists every customer of the Contoso analyst: the four named ones and the 200 generated, sorted by name', async () => {
    const ctx = await context(DEMO.users.contosoAnalyst.email);
    expect(ctx.home_tenant).toEqual({ id: DEMO.tenants.contoso, name: 'Contoso Managed Services', kind: 'partner', status: 'active' });
    expect(ctx.customers).toHaveLength(4 + DEMO.generatedCustomers);
    const names = ctx.customers.map((c) => c.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(ctx.customers.map((c) => c.tenant_id)).size).toBe(ctx.customers.length);
  });

  it('shows Acme as switchable with Operator, permanent', async () => {
    const acme = byId(await context(DEMO.users.contosoAnalyst.email), DEMO.tenants.acme)!;
    expect(acme).toMatchObject({ name: 'Acme Retail', switchable: true, blocked: null, role: 'operator', platform_admin: false, expires_at: null, relationship: 'approved' });
  });

  it('shows Globex as Admin + Platform Administrator expiring two hours after seeding', async () => {
    const globex = byId(await context(DEMO.users.contosoAnalyst.email), DEMO.tenants.globex)!;
    expect(globex).toMatchObject({ switchable: true, role: 'admin', platform_admin: true, expires_at: new Date(SEEDED_AT.getTime() + 2 * 3600_000).toISOString() });
  });

  it('shows Umbrella as pending, not switchable, and Initech as expired, not switchable', async () => {
    const ctx = await context(DEMO.users.contosoAnalyst.email);
    expect(byId(ctx, DEMO.tenants.umbrella)).toMatchObject({ relationship: 'pending', switchable: false, blocked: { code: 'relationship_pending' } });
    expect(byId(ctx, DEMO.tenants.initech)).toMatchObject({ switchable: false, blocked: { code: 'grant_expired' } });
  });

  it('flips Globex to not switchable at the exact instant its grant expires', async () => {
    const expiry = SEEDED_AT.getTime() + 2 * 3600_000;
    world.clock.set(new Date(expiry - 1));
    expect(byId(await context(DEMO.users.contosoAnalyst.email), DEMO.tenants.globex)!.switchable).toBe(true);
    world.clock.set(new Date(expiry));
    expect(byId(await context(DEMO.users.contosoAnalyst.email), DEMO.tenants.globex)).toMatchObject({ switchable: false, blocked: { code: 'grant_expired' } });
    world.clock.set(SEEDED_AT);
  });

  it('generated customers mix permanent and expiring grants, Platform Administrator or not, and several roles', async () => {
    const generated = (await context(DEMO.users.contosoAnalyst.email)).customers.filter((c) => c.tenant_id.startsWith('t_c'));
    expect(generated).toHaveLength(DEMO.generatedCustomers);
    expect(generated.some((c) => c.expires_at === null)).toBe(true);
    expect(generated.some((c) => c.expires_at !== null)).toBe(true);
    expect(generated.some((c) => c.platform_admin)).toBe(true);
    expect(new Set(generated.map((c) => c.role)).size).toBeGreaterThanOrEqual(5);
    expect(generated.every((c) => c.switchable)).toBe(true);
  });

  it('returns recents newest first, only for customers still listed', async () => {
    const analyst = DEMO.users.contosoAnalyst.id;
    await world.database.write(async (tx) => {
      await recordSwitch(tx, { id: DEMO.grants.acme, userId: analyst, customerId: DEMO.tenants.acme }, new Date(SEEDED_AT.getTime() - 60_000));
      await recordSwitch(tx, { id: DEMO.grants.globex, userId: analyst, customerId: DEMO.tenants.globex }, new Date(SEEDED_AT.getTime() - 30_000));
    });
    let ctx = await context(DEMO.users.contosoAnalyst.email);
    expect(ctx.recents.map((r) => r.tenant_id)).toEqual([DEMO.tenants.globex, DEMO.tenants.acme]);
    expect(byId(ctx, DEMO.tenants.acme)!.last_access_at).toBe(new Date(SEEDED_AT.getTime() - 60_000).toISOString());

    await world.database.write((tx) => revokeGrant(tx, DEMO.grants.globex, SEEDED_AT));
    ctx = await context(DEMO.users.contosoAnalyst.email);
    expect(byId(ctx, DEMO.tenants.globex)).toBeUndefined();
    expect(ctx.recents.map((r) => r.tenant_id)).toEqual([DEMO.tenants.acme]);
  });

  it('marks a customer whose relationship was removed by the customer as not switchable, and says so', async () => {
    await world.database.write((tx) => setRelationshipState(tx, DEMO.tenants.contoso, DEMO.tenants.acme, { state: 'removed', at: SEEDED_AT, by: 'customer' }));
    const acme = byId(await context(DEMO.users.contosoAnalyst.email), DEMO.tenants.acme)!;
    expect(acme.switchable).toBe(false);
    expect(acme.blocked?.code).toBe('relationship_removed');
    expect(acme.blocked?.message).toContain('removed by the customer');
    await world.database.write((tx) => setRelationshipState(tx, DEMO.tenants.contoso, DEMO.tenants.acme, { state: 'approved', at: SEEDED_AT }));
  });

  it('gives the Fabrikam analyst Wayne Logistics only, and a client user no customers', async () => {
    const fabrikam = await context(DEMO.users.fabrikamAnalyst.email);
    expect(fabrikam.customers.map((c) => c.tenant_id)).toEqual([DEMO.tenants.wayne]);
    const viewer = await context(DEMO.users.acmeViewer.email);
    expect(viewer.home_tenant.id).toBe(DEMO.tenants.acme);
    expect(viewer.user.role).toBe('client_portal_read_only');
    expect(viewer.customers).toEqual([]);
  });
});

describe('GET /v1/me/context revalidation (ETag, If-None-Match, 304)', () => {
  // A world of its own: these tests change grants, recents and the clock.
  let w: TestWorld;
  let analyst: string;
  beforeAll(async () => {
    w = await startTestWorld({ config: roomyLimits });
    analyst = await w.signIn(DEMO.users.contosoAnalyst.email);
  });
  afterAll(() => w.close());

  /** In-process, so nothing negotiates a content coding unless the test asks for one. */
  async function get(token: string, headers: Record<string, string> = {}) {
    const res = await w.app.request('/v1/me/context', { headers: { authorization: `Bearer ${token}`, ...headers } });
    const bytes = new Uint8Array(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, etag: res.headers.get('etag')!, bytes };
  }
  const revalidate = async (token: string, etag: string) => (await get(token, { 'if-none-match': etag })).status;

  it('answers 200 with a strong ETag that every cache must revalidate', async () => {
    const res = await get(analyst);
    expect(res.status).toBe(200);
    expect(res.etag).toMatch(/^"[A-Za-z0-9_-]{43}"$/);
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(tenantContextSchema.parse(JSON.parse(new TextDecoder().decode(res.bytes))).customers).toHaveLength(4 + DEMO.generatedCustomers);
  });

  it('answers 304 with an empty body and the same headers when If-None-Match matches', async () => {
    const { etag } = await get(analyst);
    const res = await get(analyst, { 'if-none-match': etag });
    expect(res.status).toBe(304);
    expect(res.bytes.byteLength).toBe(0);
    expect(res.etag).toBe(etag);
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(res.headers.get('content-type')).toBeNull();
    expect(res.headers.get('content-encoding')).toBeNull();
  });

  it('matches weakly, in a list, and with *; another tag or a malformed field gets the 200', async () => {
    const { etag } = await get(analyst);
    expect(await revalidate(analyst, `W/${etag}`)).toBe(304);
    expect(await revalidate(analyst, `"stale", ${etag}`)).toBe(304);
    expect(await revalidate(analyst, `W/"stale",W/${etag} , "other"`)).toBe(304);
    expect(await revalidate(analyst, '*')).toBe(304);
    expect(await revalidate(analyst, '"stale"')).toBe(200);
    expect(await revalidate(analyst, `${etag.slice(0, -2)}x"`)).toBe(200);
    expect(await revalidate(analyst, etag.slice(1, -1))).toBe(200);
  });

  it('keeps a strong tag per content coding through hono/compress, and the 304 carries the one the 200 would', async () => {
    const identity = (await get(analyst)).etag;
    for (const [acceptEncoding, coding] of [['gzip', 'gzip'], ['gzip, deflate, br', 'gzip'], ['deflate', 'deflate'], ['gzip;q=0, *', 'deflate'], ['br', null]] as const) {
      const full = await get(analyst, { 'accept-encoding': acceptEncoding });
      expect([acceptEncoding, full.status, full.headers.get('content-encoding')]).toEqual([acceptEncoding, 200, coding]);
      expect(full.etag).toBe(coding ? `${identity.slice(0, -1)}-${coding}"` : identity);
      expect(full.headers.get('vary')).toBe('Accept-Encoding');
      const notModified = await get(analyst, { 'accept-encoding': acceptEncoding, 'if-none-match': full.etag });
      expect([acceptEncoding, notModified.status, notModified.etag, notModified.bytes.byteLength]).toEqual([acceptEncoding, 304, full.etag, 0]);
      expect(notModified.headers.get('content-encoding')).toBeNull();
    }
    // Over real HTTP as a browser would (fetch sends Accept-Encoding: gzip, deflate and inflates).
    const res = await fetch(`${w.baseUrl}/v1/me/context`, { headers: { authorization: `Bearer ${analyst}` } });
    expect(res.headers.get('etag')).toBe(`${identity.slice(0, -1)}-gzip"`);
    tenantContextSchema.parse(await res.json());
    const again = await fetch(`${w.baseUrl}/v1/me/context`, { headers: { authorization: `Bearer ${analyst}`, 'if-none-match': res.headers.get('etag')! } });
    expect([again.status, again.headers.get('etag'), await again.text()]).toEqual([304, res.headers.get('etag'), '']);
  });

  it('narrows to 200 | 304 in the typed client', async () => {
    const client = hc<AppType>(w.baseUrl, { headers: { authorization: `Bearer ${analyst}` } });
    const full = await client.v1.me.context.$get();
    expectTypeOf(full.status).toEqualTypeOf<200 | 304>();
    if (full.status !== 200) throw new Error(`expected 200, got ${full.status}`);
    const body = await full.json();
    expectTypeOf(body).toExtend<TenantContext>();
    tenantContextSchema.parse(body);
    const res = await client.v1.me.context.$get(undefined, { headers: { 'if-none-match': full.headers.get('etag')! } });
    expect(res.status).toBe(304);
  });

  it('stays the same while only time passes, and changes when time flips a fact: Globex at its expiry', async () => {
    const before = (await get(analyst)).etag;
    w.clock.set(new Date(GLOBEX_EXPIRY.getTime() - 1));
    // generated_at moved, nothing else did.
    expect((await get(analyst)).etag).toBe(before);
    expect(await revalidate(analyst, before)).toBe(304);
    w.clock.set(GLOBEX_EXPIRY);
    const after = await get(analyst, { 'if-none-match': before });
    expect(after.status).toBe(200);
    expect(after.etag).not.toBe(before);
    const globex = tenantContextSchema.parse(JSON.parse(new TextDecoder().decode(after.bytes))).customers.find((c) => c.tenant_id === DEMO.tenants.globex);
    expect(globex).toMatchObject({ switchable: false, blocked: { code: 'grant_expired' } });
    w.clock.set(SEEDED_AT);
    expect((await get(analyst)).etag).toBe(before);
  });

  it('changes after a token exchange (last access and recents)', async () => {
    const before = (await get(analyst)).etag;
    w.clock.advance(MINUTE);
    await expectIssued(await exchange(w, analyst, DEMO.tenants.acme));
    const after = await get(analyst, { 'if-none-match': before });
    expect(after.status).toBe(200);
    expect(after.etag).not.toBe(before);
    const ctx = tenantContextSchema.parse(JSON.parse(new TextDecoder().decode(after.bytes)));
    expect(ctx.recents[0]?.tenant_id).toBe(DEMO.tenants.acme);
    expect(await revalidate(analyst, after.etag)).toBe(304);
    w.clock.set(SEEDED_AT);
  });

  it('changes when a grant is revoked, a relationship or a tenant status changes, in the data layer', async () => {
    const tags = [(await get(analyst)).etag];
    await w.database.write((tx) => revokeGrant(tx, 'g_c001', SEEDED_AT));
    tags.push((await get(analyst)).etag);
    await w.database.write((tx) => setRelationshipState(tx, DEMO.tenants.contoso, 't_c002', { state: 'removed', at: SEEDED_AT, by: 'customer' }));
    tags.push((await get(analyst)).etag);
    await w.database.write((tx) => setTenantStatus(tx, 't_c003', 'inactive'));
    tags.push((await get(analyst)).etag);
    expect(new Set(tags).size).toBe(4);
    for (const stale of tags.slice(0, -1)) expect(await revalidate(analyst, stale)).toBe(200);
    expect(await revalidate(analyst, tags.at(-1)!)).toBe(304);
  });

  it('never gives two users the same tag, even when neither has a customer', async () => {
    const tokens = await w.signInAllDemoUsers();
    const tags = await Promise.all(Object.values(tokens).map(async (token) => (await get(token)).etag));
    expect(new Set(tags).size).toBe(Object.keys(DEMO.users).length);
    // Another user's tag is not a match either.
    expect(await revalidate(tokens.fabrikamAnalyst, (await get(analyst)).etag)).toBe(200);
  });
});

describe('GET /v1/me/context for 10,000 customers: full answer vs 304 (measured, not asserted)', () => {
  let w: TestWorld;
  beforeAll(async () => {
    w = await startTestWorld();
    await addLargePartnerAnalyst(w.database, 10_000, SEEDED_AT);
  });
  afterAll(() => w.close());

  /** Bytes as they cross the socket (no inflating) and the time to the last one. */
  const onTheWire = (headers: Record<string, string>) =>
    new Promise<{ status: number; etag: string; bytes: number; ms: number }>((resolve, reject) => {
      const started = performance.now();
      const chunks: Buffer[] = [];
      request(`${w.baseUrl}/v1/me/context`, { headers }, (res) => {
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => resolve({ status: res.statusCode!, etag: String(res.headers.etag), bytes: Buffer.concat(chunks).length, ms: performance.now() - started }));
      })
        .on('error', reject)
        .end();
    });

  it('prints the size and time of each', async () => {
    const token = await w.signIn(LARGE_ANALYST.email, LARGE_ANALYST.password);
    const auth = { authorization: `Bearer ${token}` };
    const median = async (headers: Record<string, string>, expected: number) => {
      const runs = [];
      for (let i = 0; i < 5; i++) runs.push(await onTheWire(headers));
      for (const r of runs) expect(r.status).toBe(expected);
      const ms = runs.map((r) => r.ms).sort((a, b) => a - b)[2]!;
      return { bytes: runs[0]!.bytes, ms, etag: runs[0]!.etag };
    };
    await onTheWire({ ...auth, 'accept-encoding': 'gzip' }); // warm-up
    const plain = await median(auth, 200);
    const gzip = await median({ ...auth, 'accept-encoding': 'gzip' }, 200);
    const plain304 = await median({ ...auth, 'if-none-match': plain.etag }, 304);
    const gzip304 = await median({ ...auth, 'accept-encoding': 'gzip', 'if-none-match': gzip.etag }, 304);
    expect(gzip304.bytes).toBe(0);
    const line = (what: string, r: { bytes: number; ms: number }) => `  ${what.padEnd(22)} ${String(r.bytes).padStart(9)} bytes  ${r.ms.toFixed(1).padStart(7)} ms`;
    console.log(
      [
        'GET /v1/me/context, 10,000 customers, median of 5 over HTTP on 127.0.0.1 (body bytes, time to last byte):',
        line('200 identity', plain),
        line('200 gzip', gzip),
        line('304 (identity tag)', plain304),
        line('304 (gzip tag)', gzip304),
      ].join('\n'),
    );
  });
});
