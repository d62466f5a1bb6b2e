import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tenantContextSchema } from '../../shared/tenant-context';
import { addLargePartnerAnalyst, LARGE_ANALYST } from '../../test/helpers/large-partner';
import { SEEDED_AT, startTestWorld, type TestWorld } from '../../test/helpers/test-server';
import { eq } from 'drizzle-orm';
import { DEMO } from './seed';
import { accessGrants, relationships, tenants, users } from './schema';
import { liveGrantsStatement, recordSwitch, revokeGrant } from './grants';
import { bumpUserContextVersion } from './context-versions';

const CUSTOMERS = 10_000;
let world: TestWorld;
beforeAll(async () => {
  world = await startTestWorld();
  await addLargePartnerAnalyst(world.database, CUSTOMERS, SEEDED_AT);
});
afterAll(() => world.close());

describe('tenant context at scale', () => {
  it('lists a live grant query through the user index, not a table scan', async () => {
    const plan = await world.database.db.all<{ detail: string }>(sql`EXPLAIN QUERY PLAN ${liveGrantsStatement(LARGE_ANALYST.id)}`);
    const details = plan.map((r) => String(r.detail));
    expect(details.some((d) => /access_grants.*USING INDEX access_grants_(user_idx|one_live_per_customer)/.test(d))).toBe(true);
    expect(details.filter((d) => d.startsWith('SCAN'))).toEqual([]);
  });

  it('gzips the 10,000-customer context for a client that accepts it, and only then', async () => {
    const token = await world.signIn(LARGE_ANALYST.email, LARGE_ANALYST.password);
    const bytesOnTheWire = (encoding: string) =>
      new Promise<{ encoding: string | undefined; bytes: number; body: Buffer }>((resolve, reject) => {
        const chunks: Buffer[] = [];
        request(`${world.baseUrl}/v1/me/context`, { headers: { authorization: `Bearer ${token}`, 'accept-encoding': encoding } }, (res) => {
          res.on('data', (d: Buffer) => chunks.push(d));
          res.on('end', () => resolve({ encoding: res.headers['content-encoding'], bytes: Buffer.concat(chunks).length, body: Buffer.concat(chunks) }));
        })
          .on('error', reject)
          .end();
      });
    const zipped = await bytesOnTheWire('gzip');
    const plain = await bytesOnTheWire('identity');
    expect(zipped.encoding).toBe('gzip');
    expect(plain.encoding).toBeUndefined();
    expect(zipped.bytes * 10).toBeLessThan(plain.bytes);
    expect(tenantContextSchema.parse(JSON.parse(gunzipSync(zipped.body).toString())).customers).toHaveLength(CUSTOMERS);
  });

  it('answers /v1/me/context for 10,000 customers with the same number of SQL statements as for 4', async () => {
    const statements: string[] = [];
    // Through the client and through the prepared statements of the hot store alike.
    const { client, hot } = world.database;
    const original = { execute: client.execute.bind(client), get: hot.get.bind(hot), all: hot.all.bind(hot) };
    const count = async (who: string, userId: string, password?: string) => {
      const token = await world.signIn(who, password);
      // Counted on a build, not on an answer from the context cache.
      await world.database.write((tx) => bumpUserContextVersion(tx, userId));
      statements.length = 0;
      client.execute = ((stmt: string | { sql: string }) => {
        statements.push(typeof stmt === 'string' ? stmt : stmt.sql);
        return original.execute(stmt as never);
      }) as typeof client.execute;
      hot.get = (sql, args) => (statements.push(sql), original.get(sql, args));
      hot.all = (sql, args) => (statements.push(sql), original.all(sql, args));
      try {
        const res = await fetch(`${world.baseUrl}/v1/me/context`, { headers: { authorization: `Bearer ${token}` } });
        expect(res.status).toBe(200);
        return { n: statements.length, body: tenantContextSchema.parse(await res.json()) };
      } finally {
        Object.assign(client, { execute: original.execute });
        Object.assign(hot, { get: original.get, all: original.all });
      }
    };
    const large = await count(LARGE_ANALYST.email, LARGE_ANALYST.id, LARGE_ANALYST.password);
    const small = await count(DEMO.users.fabrikamAnalyst.email, DEMO.users.fabrikamAnalyst.id);
    expect(large.body.customers).toHaveLength(CUSTOMERS);
    expect(small.body.customers).toHaveLength(1);
    expect(large.n).toBeGreaterThan(0);
    expect(large.n).toBe(small.n);
  });
});

describe('grant and relationship integrity', () => {
  /** The database's own message (drizzle wraps it as the cause of "Failed query"). */
  const failure = (p: Promise<unknown>) => p.then(() => 'succeeded', (e: { cause?: { message?: string }; message?: string }) => String(e.cause?.message ?? e.message));

  it('refuses a grant or relationship from a partner that is not the customer\'s parent', async () => {
    const grant = {
      id: 'g_cross', userId: DEMO.users.fabrikamAnalyst.id, partnerId: DEMO.tenants.fabrikam, customerId: DEMO.tenants.acme,
      platformAdmin: true, role: 'admin', products: [], grantedBy: DEMO.users.fabrikamAdmin.id, grantedAt: SEEDED_AT,
    };
    expect(await failure(world.database.write((tx) => tx.insert(accessGrants).values(grant)))).toMatch(/customer's parent/);
    expect(
      await failure(world.database.write((tx) => tx.insert(relationships).values({ id: 'r_cross', partnerId: DEMO.tenants.fabrikam, customerId: DEMO.tenants.acme, state: 'approved', requestedAt: SEEDED_AT }))),
    ).toMatch(/customer's parent/);
    expect(await failure(world.database.write((tx) => tx.update(accessGrants).set({ customerId: DEMO.tenants.wayne }).where(eq(accessGrants.id, DEMO.grants.acme))))).toMatch(/customer's parent/);
  });

  it('records a switch only while the grant is live', async () => {
    const at = new Date(SEEDED_AT.getTime() + 1000);
    expect(await world.database.write((tx) => recordSwitch(tx, { id: 'g_c010', userId: DEMO.users.contosoAnalyst.id, customerId: 't_c010' }, at))).toBe(true);
    await world.database.write((tx) => revokeGrant(tx, 'g_c010', at));
    expect(await world.database.write((tx) => recordSwitch(tx, { id: 'g_c010', userId: DEMO.users.contosoAnalyst.id, customerId: 't_c010' }, at))).toBe(false);
    const globexExpiry = new Date(SEEDED_AT.getTime() + 2 * 3600_000);
    expect(await world.database.write((tx) => recordSwitch(tx, { id: DEMO.grants.globex, userId: DEMO.users.contosoAnalyst.id, customerId: DEMO.tenants.globex }, globexExpiry))).toBe(false);
  });
});

describe('grants belong to the granting partner\'s own users', () => {
  const failure = (p: Promise<unknown>) => p.then(() => 'succeeded', (e: { cause?: { message?: string }; message?: string }) => String(e.cause?.message ?? e.message));

  it('refuses a Contoso grant to a Fabrikam user, and moving a user who still holds grants', async () => {
    const grant = {
      id: 'g_foreign_user', userId: DEMO.users.fabrikamAnalyst.id, partnerId: DEMO.tenants.contoso, customerId: DEMO.tenants.acme,
      platformAdmin: false, role: 'read_only', products: [], grantedBy: DEMO.users.contosoAdmin.id, grantedAt: SEEDED_AT,
    };
    expect(await failure(world.database.write((tx) => tx.insert(accessGrants).values(grant)))).toMatch(/belong to the granting partner/);
    expect(await failure(world.database.write((tx) => tx.update(users).set({ homeTenantId: DEMO.tenants.fabrikam }).where(eq(users.id, DEMO.users.contosoAnalyst.id))))).toMatch(/revoke the user's access grants/);
    // A user without live grants may move.
    expect(await failure(world.database.write((tx) => tx.update(users).set({ homeTenantId: DEMO.tenants.fabrikam }).where(eq(users.id, DEMO.users.contosoAdmin.id))))).toBe('succeeded');
  });
});

describe('hierarchy moves', () => {
  const failure = (p: Promise<unknown>) => p.then(() => 'succeeded', (e: { cause?: { message?: string }; message?: string }) => String(e.cause?.message ?? e.message));

  const move = (tenantId: string, parentId: string) => failure(world.database.write((tx) => tx.update(tenants).set({ parentId }).where(eq(tenants.id, tenantId))));
  const removeRelationship = (customerId: string) =>
    world.database.write((tx) => tx.update(relationships).set({ state: 'removed', removedAt: SEEDED_AT, removedBy: 'customer' }).where(eq(relationships.customerId, customerId)));
  const revokeGrantsOf = (customerId: string) => world.database.write((tx) => tx.update(accessGrants).set({ revokedAt: SEEDED_AT }).where(eq(accessGrants.customerId, customerId)));

  it('refuses re-pointing a relationship', async () => {
    expect(await failure(world.database.write((tx) => tx.update(relationships).set({ partnerId: DEMO.tenants.fabrikam }).where(eq(relationships.customerId, 't_c030'))))).toMatch(/customer's parent/);
  });

  it('moves a client only once both its live grants and its relationships are gone', async () => {
    await revokeGrantsOf('t_c031');
    expect(await move('t_c031', DEMO.tenants.fabrikam)).toMatch(/before moving it/); // relationship still approved
    await removeRelationship('t_c032');
    expect(await move('t_c032', DEMO.tenants.fabrikam)).toMatch(/before moving it/); // grant still live
    await removeRelationship('t_c031');
    expect(await move('t_c031', DEMO.tenants.fabrikam)).toBe('succeeded');
  });

  it('refuses reviving a grant or re-approving a relationship of the client\'s former partner', async () => {
    // t_c031 now sits under Fabrikam; its old Contoso grant and relationship must stay dead.
    expect(await failure(world.database.write((tx) => tx.update(accessGrants).set({ revokedAt: null }).where(eq(accessGrants.customerId, 't_c031'))))).toMatch(/customer's parent/);
    expect(await failure(world.database.write((tx) => tx.update(relationships).set({ state: 'approved' }).where(eq(relationships.customerId, 't_c031'))))).toMatch(/customer's parent/);
    // Revoking and re-granting within the right partner stays possible.
    await revokeGrantsOf('t_c033');
    expect(await failure(world.database.write((tx) => tx.update(accessGrants).set({ revokedAt: null }).where(eq(accessGrants.id, 'g_c033'))))).toBe('succeeded');
  });
});
