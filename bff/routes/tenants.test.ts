import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entitlementsResponseSchema, type EntitlementsResponse } from '../../shared/entitlements';
import { DEMO } from '../db/seed';
import { accessGrants, users } from '../db/schema';
import { hashPassword } from '../auth/passwords';
import { startTestWorld, SEEDED_AT, type TestWorld } from '../../test/helpers/test-server';

let world: TestWorld;
let tokens: Record<keyof typeof DEMO.users, string>;
beforeAll(async () => {
  world = await startTestWorld();
  tokens = await world.signInAllDemoUsers();
});
afterAll(() => world.close());

const get = (who: keyof typeof DEMO.users, tenantId: string) =>
  fetch(`${world.baseUrl}/v1/tenants/${tenantId}/entitlements`, { headers: { authorization: `Bearer ${tokens[who]}` } });

async function entitlements(who: keyof typeof DEMO.users, tenantId: string): Promise<EntitlementsResponse> {
  const res = await get(who, tenantId);
  expect(res.status).toBe(200);
  return entitlementsResponseSchema.parse(await res.json());
}

describe('GET /v1/tenants/:tenantId/entitlements', () => {
  it('Globex: Remediation and Automation denied with seed 000 wording, its permission sets and add-ons denied too', async () => {
    const e = await entitlements('contosoAnalyst', DEMO.tenants.globex);
    const ra = e.packages.find((p) => p.id === 'remediation_automation')!;
    expect(ra).toMatchObject({ enabled: false, source: 'own', decided_by: { id: DEMO.tenants.globex } });
    const jobs = e.permission_sets.find((s) => s.id === 'jobs')!;
    expect(jobs.enabled).toBe(false);
    expect(jobs.reason).toContain('Access Denied! The partner is not subscribed to this product package (Remediation and Automation).');
    expect(e.addons.find((a) => a.id === 'remote_access_management')).toMatchObject({ enabled: false });
    expect(e.packages.find((p) => p.id === 'hybrid_discovery_monitoring')).toMatchObject({ enabled: true, source: 'default' });
    expect(e.permission_sets.find((s) => s.id === 'incident')).toMatchObject({ enabled: true });
  });

  it('a client lists only customer-level permission sets; a partner also lists MSP and Clients', async () => {
    const client = await entitlements('contosoAnalyst', DEMO.tenants.acme);
    expect(client.permission_sets.map((s) => s.id)).not.toContain('msp');
    const partner = await entitlements('contosoAdmin', DEMO.tenants.contoso);
    expect(partner.permission_sets.map((s) => s.id)).toEqual(expect.arrayContaining(['msp', 'clients']));
  });

  it('a generated customer that inherits subscriptions shows them as inherited from Contoso', async () => {
    const e = await entitlements('contosoAnalyst', 't_c005');
    for (const p of e.packages.filter((p) => p.id !== 'hybrid_discovery_monitoring')) {
      expect(p).toMatchObject({ enabled: true, source: 'inherited', reason: 'inherited from Contoso Managed Services' });
    }
  });

  it('support staff see any tenant under Northwind; partners see their own clients', async () => {
    expect((await get('support', DEMO.tenants.wayne)).status).toBe(200);
    expect((await get('support', DEMO.tenants.acme)).status).toBe(200);
    expect((await get('contosoAdmin', DEMO.tenants.umbrella)).status).toBe(200);
    expect((await get('acmeViewer', DEMO.tenants.acme)).status).toBe(200);
  });

  it('an unknown tenant and a forbidden one answer the same 404', async () => {
    const unknown = await get('contosoAnalyst', 't_does_not_exist');
    const forbidden = await get('contosoAnalyst', DEMO.tenants.wayne);
    expect(unknown.status).toBe(404);
    expect(forbidden.status).toBe(404);
    expect(await forbidden.json()).toEqual(await unknown.json());
    expect((await get('acmeViewer', DEMO.tenants.globex)).status).toBe(404);
    expect((await get('fabrikamAnalyst', DEMO.tenants.contoso)).status).toBe(404);
  });

  it('a grant opens a customer to a user without Clients_View only until it expires', async () => {
    const passwordHash = await hashPassword('grant-only-password');
    await world.database.write(async (tx) => {
      await tx.insert(users).values({ id: 'u_grant_only', email: 'grant-only@contoso-msp.example', name: 'Grant Only', homeTenantId: DEMO.tenants.contoso, passwordHash, createdAt: SEEDED_AT });
      await tx.insert(accessGrants).values({
        id: 'g_grant_only', userId: 'u_grant_only', partnerId: DEMO.tenants.contoso, customerId: DEMO.tenants.acme, platformAdmin: false,
        role: 'read_only', products: ['hybrid_discovery_monitoring'], expiresAt: new Date(SEEDED_AT.getTime() + 3600_000),
        grantedBy: DEMO.users.contosoAdmin.id, grantedAt: SEEDED_AT,
      });
    });
    const token = await world.signIn('grant-only@contoso-msp.example', 'grant-only-password');
    const read = (tenantId: string) => fetch(`${world.baseUrl}/v1/tenants/${tenantId}/entitlements`, { headers: { authorization: `Bearer ${token}` } });
    expect((await read(DEMO.tenants.acme)).status).toBe(200);
    expect((await read(DEMO.tenants.globex)).status).toBe(404);
    world.clock.set(new Date(SEEDED_AT.getTime() + 3600_000));
    expect((await read(DEMO.tenants.acme)).status).toBe(404);
    world.clock.set(SEEDED_AT);
  });

  it('rejects an invalid tenant id with 400', async () => {
    const res = await get('contosoAnalyst', 'bad%20id!');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_request');
  });
});
