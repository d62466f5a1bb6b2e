import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { startTestWorld, SEEDED_AT, type TestWorld } from '../../test/helpers/test-server';
import { callerAccessReads } from './caller-access-reads';
import { revokeGrant, setRelationshipState } from './grants';
import { DEMO } from './seed';
import { accessGrants, memberships, relationships, tenantPackages, tenants } from './schema';
import { findUserById } from './users';

let world: TestWorld;
let token: string;
beforeAll(async () => {
  world = await startTestWorld();
  token = await world.signIn(DEMO.users.contosoAnalyst.email, 'switchboard-demo');
});
afterAll(() => world.close());

const analyst = async () => (await findUserById(world.database.db, DEMO.users.contosoAnalyst.id))!;
const reads = async (tenantId: string) => callerAccessReads(world.database.db, await analyst(), tenantId);
const entitlements = (tenantId: string) => fetch(`${world.baseUrl}/v1/tenants/${tenantId}/entitlements`, { headers: { authorization: `Bearer ${token}` } });
const explain = async (tenantId: string) =>
  (await (await fetch(`${world.baseUrl}/v1/access/explain?tenant=${tenantId}&permission=Incident_View`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
    decision: string;
    tenant: { name: string } | null;
    grant: { revoked_at: string | null } | null;
  };

describe('reads kept per (caller, tenant)', () => {
  it('are reused while nothing was written, and a foreign tenant is kept as a missing one is', async () => {
    const first = await reads(DEMO.tenants.globex);
    expect(await reads(DEMO.tenants.globex)).toBe(first);
    expect(await first.facts()).toBe(await first.facts());
    const missing = await reads('t_not_there');
    const foreign = await reads(DEMO.tenants.wayne);
    expect(await reads('t_not_there')).toBe(missing);
    expect(await reads(DEMO.tenants.wayne)).toBe(foreign);
  });

  it('never outlive a write to the grant, the relationship, the tenant, its subscriptions or the membership', async () => {
    const before = await reads(DEMO.tenants.initech);
    expect(before.ownGrant?.revokedAt).toBeNull();
    expect((await explain(DEMO.tenants.initech)).grant?.revoked_at).toBeNull();

    await world.database.write((tx) => revokeGrant(tx, DEMO.grants.initech, SEEDED_AT));
    expect((await reads(DEMO.tenants.initech)).ownGrant?.revokedAt).not.toBeNull();
    expect((await explain(DEMO.tenants.initech)).grant?.revoked_at).not.toBeNull();

    const umbrella = await reads(DEMO.tenants.umbrella);
    await world.database.write((tx) => setRelationshipState(tx, DEMO.tenants.contoso, DEMO.tenants.umbrella, { state: 'removed', at: SEEDED_AT }));
    const after = await reads(DEMO.tenants.umbrella);
    expect(after).not.toBe(umbrella);
    expect((await after.facts())?.facts.relationship?.state).toBe('removed');

    const acme = await (await reads(DEMO.tenants.acme)).facts();
    await world.database.write((tx) => tx.update(tenants).set({ name: 'Acme Renamed' }).where(eq(tenants.id, DEMO.tenants.acme)));
    expect((await explain(DEMO.tenants.acme)).tenant?.name).toBe('Acme Renamed');
    await world.database.write((tx) => tx.delete(tenantPackages).where(eq(tenantPackages.tenantId, DEMO.tenants.acme)));
    expect(await (await reads(DEMO.tenants.acme)).facts()).not.toBe(acme);

    const home = await reads(DEMO.tenants.contoso);
    await world.database.write((tx) => tx.update(memberships).set({ role: 'read_only' }).where(eq(memberships.userId, DEMO.users.contosoAnalyst.id)));
    expect(await reads(DEMO.tenants.contoso)).not.toBe(home);
  });

  it('a tenant that did not exist is found once it is created (migration 0007 moves the version)', async () => {
    expect((await entitlements('t_created_later')).status).toBe(404);
    expect((await explain('t_created_later')).tenant).toBeNull();
    await world.database.write(async (tx) => {
      await tx.insert(tenants).values({ id: 't_created_later', kind: 'client', parentId: DEMO.tenants.contoso, name: 'Created Later', country: 'US', timezone: 'UTC', createdAt: SEEDED_AT });
      await tx.insert(accessGrants).values({
        id: 'g_created_later', userId: DEMO.users.contosoAnalyst.id, partnerId: DEMO.tenants.contoso, customerId: 't_created_later', platformAdmin: false,
        role: 'read_only', products: ['hybrid_discovery_monitoring'], grantedBy: DEMO.users.contosoAdmin.id, grantedAt: SEEDED_AT,
      });
      await tx.insert(relationships).values({ id: 'r_created_later', partnerId: DEMO.tenants.contoso, customerId: 't_created_later', state: 'approved', requestedAt: SEEDED_AT, approvedAt: SEEDED_AT });
    });
    expect((await explain('t_created_later')).tenant?.name).toBe('Created Later');
    expect((await entitlements('t_created_later')).status).toBe(200);
  });

  it('a tenant inserted alone (no grant, no relationship) moves the version too', async () => {
    const missing = await reads('t_alone');
    await world.database.write((tx) => tx.insert(tenants).values({ id: 't_alone', kind: 'client', parentId: DEMO.tenants.contoso, name: 'Alone', country: 'US', timezone: 'UTC', createdAt: SEEDED_AT }));
    const found = await reads('t_alone');
    expect(found).not.toBe(missing);
    expect(found.placement.found).toBe(true);
  });

  it('a kept answer still turns when the grant expires, and back when the clock is set back', async () => {
    const expiresAt = new Date(SEEDED_AT.getTime() + 3600_000);
    await world.database.write(async (tx) => {
      await tx.insert(tenants).values({ id: 't_expiring', kind: 'client', parentId: DEMO.tenants.contoso, name: 'Expiring', country: 'US', timezone: 'UTC', createdAt: SEEDED_AT });
      await tx.insert(relationships).values({ id: 'r_expiring', partnerId: DEMO.tenants.contoso, customerId: 't_expiring', state: 'approved', requestedAt: SEEDED_AT, approvedAt: SEEDED_AT });
      await tx.insert(accessGrants).values({
        id: 'g_expiring', userId: DEMO.users.contosoAnalyst.id, partnerId: DEMO.tenants.contoso, customerId: 't_expiring', platformAdmin: false,
        role: 'read_only', products: ['hybrid_discovery_monitoring'], expiresAt, grantedBy: DEMO.users.contosoAdmin.id, grantedAt: SEEDED_AT,
      });
    });
    try {
      const before = await explain('t_expiring');
      expect(await explain('t_expiring')).toEqual(before);
      world.clock.set(expiresAt);
      const after = await explain('t_expiring');
      expect(after.decision).toBe('deny');
      expect(JSON.stringify(after)).toContain('expired');
      expect((await entitlements('t_expiring')).status).toBe(404);
      world.clock.set(SEEDED_AT);
      expect(await explain('t_expiring')).toEqual(before);
      expect((await entitlements('t_expiring')).status).toBe(200);
    } finally {
      world.clock.set(SEEDED_AT);
    }
  });
});
