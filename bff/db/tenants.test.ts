import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { startTestWorld, SEEDED_AT, type TestWorld } from '../../test/helpers/test-server';
import { DEMO } from './seed';
import { tenantAddons, tenantPackages, tenants } from './schema';
import { tenantChain } from './tenants';

let world: TestWorld;
beforeAll(async () => {
  world = await startTestWorld({ listen: false });
});
afterAll(() => world.close());

/** The database's own message (drizzle wraps it as the cause of "Failed query"). */
const failure = (p: Promise<unknown>) => p.then(() => 'succeeded', (e: { cause?: { message?: string }; message?: string }) => String(e.cause?.message ?? e.message));

describe('tenants', () => {
  it('walks the hierarchy root first with each tenant\'s own subscriptions', async () => {
    const chain = await tenantChain(world.database.db, DEMO.tenants.globex);
    expect(chain.map((t) => t.id)).toEqual([DEMO.tenants.northwind, DEMO.tenants.contoso, DEMO.tenants.globex]);
    expect([...chain[2]!.packages].sort()).toEqual(['event_incident_management', 'hybrid_discovery_monitoring']);
    expect(chain[2]!.addons).toContain('sla_management');
    expect(chain[2]!.addons).not.toContain('process_automation');
    expect(chain[1]!.kind).toBe('partner');
    expect(await tenantChain(world.database.db, 't_nope')).toEqual([]);
  });

  it('serves a cached chain only while nothing it shows was written: subscriptions, names, a new tenant', async () => {
    const db = world.database.db;
    const before = await tenantChain(db, DEMO.tenants.globex);
    expect(await tenantChain(db, DEMO.tenants.globex)).toBe(before); // cached
    await world.database.write((tx) => tx.delete(tenantAddons).where(eq(tenantAddons.tenantId, DEMO.tenants.globex)));
    expect((await tenantChain(db, DEMO.tenants.globex))[2]!.addons).toEqual([]);
    await world.database.write((tx) => tx.delete(tenantPackages).where(and(eq(tenantPackages.tenantId, DEMO.tenants.globex), eq(tenantPackages.packageId, 'event_incident_management'))));
    expect((await tenantChain(db, DEMO.tenants.globex))[2]!.packages).toEqual(['hybrid_discovery_monitoring']);
    await world.database.write((tx) => tx.update(tenants).set({ name: 'Contoso Renamed' }).where(eq(tenants.id, DEMO.tenants.contoso)));
    expect((await tenantChain(db, DEMO.tenants.globex))[1]!.name).toBe('Contoso Renamed');
    expect(await tenantChain(db, 't_new_client')).toEqual([]);
    await world.database.write((tx) => tx.insert(tenants).values({ id: 't_new_client', kind: 'client', parentId: DEMO.tenants.contoso, name: 'New', country: 'US', timezone: 'UTC', createdAt: SEEDED_AT }));
    expect((await tenantChain(db, 't_new_client')).map((t) => t.id)).toEqual([DEMO.tenants.northwind, DEMO.tenants.contoso, 't_new_client']);
  });

  it('keeps e-mail domains unique across tenants and immutable once set (seed 002)', async () => {
    const clash = failure(
      world.database.write((tx) =>
        tx.insert(tenants).values({ id: 't_clash', kind: 'client', parentId: DEMO.tenants.contoso, name: 'Clash', country: 'US', timezone: 'UTC', emailDomain: 'acme.example', createdAt: SEEDED_AT }),
      ),
    );
    expect(await clash).toMatch(/UNIQUE/);
    expect(await failure(world.database.write((tx) => tx.update(tenants).set({ emailDomain: 'acme-retail.example' }).where(eq(tenants.id, DEMO.tenants.acme))))).toMatch(/immutable/);
    expect(await failure(world.database.write((tx) => tx.update(tenants).set({ emailDomain: null }).where(eq(tenants.id, DEMO.tenants.acme))))).toMatch(/immutable/);
    // A tenant without a domain may set one, once.
    await world.database.write((tx) => tx.update(tenants).set({ emailDomain: 'c001.example' }).where(eq(tenants.id, 't_c001')));
    expect(await failure(world.database.write((tx) => tx.update(tenants).set({ emailDomain: 'other.example' }).where(eq(tenants.id, 't_c001'))))).toMatch(/immutable/);
  });
});
