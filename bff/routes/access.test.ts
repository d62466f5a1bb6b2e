import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainResponseSchema, type ExplainResponse } from '../../shared/access-explain';
import { DEMO } from '../db/seed';
import { revokeGrant, setRelationshipState } from '../db/grants';
import { setTenantStatus } from '../db/tenants';
import { SEEDED_AT, startTestWorld, type TestWorld } from '../../test/helpers/test-server';

let world: TestWorld;
let tokens: Record<keyof typeof DEMO.users, string>;
beforeAll(async () => {
  world = await startTestWorld();
  tokens = await world.signInAllDemoUsers();
});
afterAll(() => world.close());

const request = (who: keyof typeof DEMO.users, query: Record<string, string>) =>
  fetch(`${world.baseUrl}/v1/access/explain?${new URLSearchParams(query)}`, { headers: { authorization: `Bearer ${tokens[who]}` } });

async function explain(who: keyof typeof DEMO.users, query: Record<string, string>): Promise<ExplainResponse> {
  const res = await request(who, query);
  expect(res.status).toBe(200);
  return explainResponseSchema.parse(await res.json());
}

describe('GET /v1/access/explain', () => {
  it('allows Incident_View at Acme through the Operator grant and says which grant, relationship and package', async () => {
    const r = await explain('contosoAnalyst', { tenant: DEMO.tenants.acme, permission: 'Incident_View' });
    expect(r.decision).toBe('allow');
    expect(r.summary).toBe(
      'allowed: grant g_acme_analyst (Operator, permanent) via approved relationship Contoso Managed Services>Acme Retail; package Event and Incident Management subscribed',
    );
    expect(r.via).toBe('grant');
    expect(r.effective_permissions).toContain('Incident_View');
    expect(r.effective_permissions).not.toContain('Incident_Manage');
  });

  it('names the expiry instant of a time-bound grant', async () => {
    const r = await explain('contosoAnalyst', { tenant: DEMO.tenants.globex });
    expect(r.decision).toBe('allow');
    expect(r.summary).toContain(`expires ${new Date(SEEDED_AT.getTime() + 2 * 3600_000).toISOString().replace('.000Z', 'Z')}`);
    expect(r.platform_admin).toBe(true);
  });

  it('denies Jobs_Manage at Globex with seed 000 wording, though Admin + Platform Administrator include it', async () => {
    const r = await explain('contosoAnalyst', { tenant: DEMO.tenants.globex, permission: 'Jobs_Manage' });
    expect(r.decision).toBe('deny');
    expect(r.summary).toMatch(/^denied: Access Denied! The partner is not subscribed to this product package \(Remediation and Automation\)\./);
    expect(r.reasons.find((x) => x.code === 'permission_in_role')?.ok).toBe(true);
  });

  it('denies a permission the role lacks, naming the role', async () => {
    const r = await explain('contosoAnalyst', { tenant: DEMO.tenants.acme, permission: 'Incident_Manage' });
    expect(r.decision).toBe('deny');
    expect(r.summary).toBe('denied: role Operator does not include Incident_Manage');
  });

  it('denies Initech: the grant expired a day before seeding', async () => {
    const r = await explain('contosoAnalyst', { tenant: DEMO.tenants.initech });
    expect(r.summary).toBe(`denied: grant g_initech_analyst expired at ${new Date(SEEDED_AT.getTime() - 24 * 3600_000).toISOString().replace('.000Z', 'Z')}`);
    expect(r.effective_permissions).toEqual([]);
  });

  it('denies Umbrella: the relationship is pending customer approval', async () => {
    const r = await explain('contosoAnalyst', { tenant: DEMO.tenants.umbrella });
    expect(r.summary).toBe('denied: relationship Contoso Managed Services>Umbrella Health pending customer approval');
  });

  it('denies at the exact instant the Globex grant expires, and not one millisecond before', async () => {
    const expiry = SEEDED_AT.getTime() + 2 * 3600_000;
    world.clock.set(new Date(expiry - 1));
    expect((await explain('contosoAnalyst', { tenant: DEMO.tenants.globex })).decision).toBe('allow');
    world.clock.set(new Date(expiry));
    const r = await explain('contosoAnalyst', { tenant: DEMO.tenants.globex });
    expect(r.decision).toBe('deny');
    expect(r.reasons.map((x) => x.code)).toContain('grant_expired');
    world.clock.set(SEEDED_AT);
  });

  it('denies after the tenant is made inactive or terminated, and after the grant is revoked', async () => {
    await world.database.write((tx) => setTenantStatus(tx, 't_c001', 'inactive'));
    expect((await explain('contosoAnalyst', { tenant: 't_c001' })).summary).toBe('denied: Blue Logistics is inactive');
    await world.database.write((tx) => setTenantStatus(tx, 't_c001', 'terminated'));
    expect((await explain('contosoAnalyst', { tenant: 't_c001' })).summary).toBe('denied: Blue Logistics is terminated');
    await world.database.write((tx) => revokeGrant(tx, 'g_c002', SEEDED_AT));
    expect((await explain('contosoAnalyst', { tenant: 't_c002' })).summary).toBe(`denied: grant g_c002 revoked at ${SEEDED_AT.toISOString().replace('.000Z', 'Z')}`);
    await world.database.write((tx) => setRelationshipState(tx, DEMO.tenants.contoso, 't_c003', { state: 'removed', at: SEEDED_AT, by: 'customer' }));
    expect((await explain('contosoAnalyst', { tenant: 't_c003' })).reasons[0]?.code).toBe('relationship_removed');
  });

  it('resolves a user in their home tenant through their membership', async () => {
    const viewer = await explain('acmeViewer', { tenant: DEMO.tenants.acme, permission: 'ClientPortal_Access' });
    expect(viewer).toMatchObject({ decision: 'allow', via: 'home_tenant', role: 'client_portal_read_only' });
    const admin = await explain('contosoAdmin', { tenant: DEMO.tenants.contoso, permission: 'MSP_Manage' });
    expect(admin.decision).toBe('allow');
    const analyst = await explain('contosoAnalyst', { tenant: DEMO.tenants.contoso, permission: 'Clients_Manage' });
    expect(analyst.summary).toBe('denied: role Partner Analyst does not include Clients_Manage');
  });

  it('lets support staff resolve for any user under Northwind', async () => {
    const r = await explain('support', { user: DEMO.users.fabrikamAnalyst.id, tenant: DEMO.tenants.wayne, permission: 'Incident_View' });
    expect(r.decision).toBe('allow');
    expect(r.user.email).toBe(DEMO.users.fabrikamAnalyst.email);
    const cross = await explain('support', { user: DEMO.users.fabrikamAnalyst.id, tenant: DEMO.tenants.acme });
    expect(cross.decision).toBe('deny');
    expect(cross.reasons.map((x) => x.code)).toEqual(expect.arrayContaining(['relationship_missing', 'grant_missing']));
  });

  it('refuses to resolve for another user unless the caller is support staff; unknown and forbidden users look the same', async () => {
    const forbidden = await request('contosoAnalyst', { user: DEMO.users.contosoAdmin.id, tenant: DEMO.tenants.acme });
    const unknown = await request('contosoAnalyst', { user: 'u_nobody', tenant: DEMO.tenants.acme });
    expect(forbidden.status).toBe(404);
    expect(await forbidden.json()).toEqual(await unknown.json());
    expect((await request('contosoAdmin', { user: DEMO.users.contosoAnalyst.id, tenant: DEMO.tenants.acme })).status).toBe(404);
  });

  it('answers an unknown tenant and another partner\'s tenant identically', async () => {
    const unknown = await explain('contosoAnalyst', { tenant: 't_nope' });
    const forbidden = await explain('contosoAnalyst', { tenant: DEMO.tenants.wayne });
    const strip = ({ evaluated_at: _e, ...rest }: ExplainResponse) => rest;
    expect(strip(forbidden)).toEqual(strip(unknown));
    expect(forbidden).toMatchObject({ decision: 'deny', tenant: null });
  });

  it('validates the query: unknown permission and missing tenant are 400s', async () => {
    const res = await request('contosoAnalyst', { tenant: DEMO.tenants.acme, permission: 'Launch_Missiles' });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.message).toContain('unknown permission');
    expect((await request('contosoAnalyst', {})).status).toBe(400);
  });
});
