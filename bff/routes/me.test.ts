import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantContextSchema, type TenantContext } from '../../shared/tenant-context';
import { DEMO } from '../db/seed';
import { recordSwitch, revokeGrant, setRelationshipState } from '../db/grants';
import { SEEDED_AT, startTestWorld, type TestWorld } from '../../test/helpers/test-server';

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
