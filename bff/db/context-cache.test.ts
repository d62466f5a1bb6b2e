// The cached context (bff/db/context-cache.ts, bff/routes/me.ts) is never served stale: every write
// that changes a context moves its version (triggers of migration 0005), from this process or
// another one on the same file, and an old tag is never answered 304 afterwards.
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tenantContextSchema, type TenantContext } from '../../shared/tenant-context';
import { SEEDED_AT, startTestWorld, type TestWorld } from '../../test/helpers/test-server';
import { openDatabase } from './client';
import { bumpAllContextVersions, bumpUserContextVersion, contextVersion } from './context-versions';
import { revokeGrant } from './grants';
import { accessGrants, memberships, recents, relationships, tenants, users } from './schema';
import { DEMO } from './seed';

let w: TestWorld;
let token: string;
const analyst = DEMO.users.contosoAnalyst;
beforeAll(async () => {
  w = await startTestWorld();
  token = await w.signIn(analyst.email);
});
afterAll(() => w.close());

interface Answer {
  status: number;
  etag: string;
  body: TenantContext | null;
}
async function get(ifNoneMatch?: string): Promise<Answer> {
  const res = await w.app.request('/v1/me/context', { headers: { authorization: `Bearer ${token}`, ...(ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {}) } });
  return { status: res.status, etag: res.headers.get('etag')!, body: res.status === 200 ? tenantContextSchema.parse(await res.json()) : null };
}

/** Whether `fn` made the route read the grants list (a build, not an answer from the cache). */
async function listsGrants(fn: () => Promise<unknown>): Promise<boolean> {
  const { hot } = w.database;
  const read: string[] = [];
  const original = hot.get.bind(hot);
  hot.get = (sql, args) => (read.push(sql), original(sql, args));
  try {
    await fn();
  } finally {
    hot.get = original;
  }
  return read.some((sql) => sql.includes('json_group_array'));
}

/** After `write`, the old tag gets a 200 with a new tag (never a 304), and the new tag a 304. */
async function expectInvalidatedBy(write: () => Promise<unknown>): Promise<{ before: Answer; after: Answer }> {
  const before = await get();
  expect((await get(before.etag)).status).toBe(304);
  await write();
  const after = await get(before.etag);
  expect(after.status).toBe(200);
  expect(after.etag).not.toBe(before.etag);
  expect((await get(after.etag)).status).toBe(304);
  return { before, after };
}

describe('the cached context', () => {
  it('answers an unchanged context from the cache: the grants are not read again', async () => {
    const first = await get();
    const cached = await listsGrants(async () => {
      const again = await get();
      const notModified = await get(first.etag);
      expect([again.status, again.etag, notModified.status]).toEqual([200, first.etag, 304]);
      expect(again.body).toEqual(first.body);
    });
    expect(cached).toBe(false);
    // …and reads nothing but the session check and the version when the time comes for a rebuild.
    w.clock.set(new Date(SEEDED_AT.getTime() + 2 * 3600_000)); // Globex's grant expires: a fact flips
    expect(await listsGrants(() => get())).toBe(true);
  });

  it('is rebuilt after a grant is revoked: the customer leaves the list', async () => {
    const grant = 'g_c010';
    const { before, after } = await expectInvalidatedBy(() => w.database.write((tx) => revokeGrant(tx, grant, SEEDED_AT)));
    expect(before.body!.customers.some((c) => c.grant_id === grant)).toBe(true);
    expect(after.body!.customers.some((c) => c.grant_id === grant)).toBe(false);
  });

  it('is rebuilt after a write from another process on the same file (another BFF instance)', async () => {
    const other = await openDatabase({ url: w.databaseUrl });
    try {
      const { after } = await expectInvalidatedBy(() => other.write((tx) => revokeGrant(tx, 'g_c011', SEEDED_AT)));
      expect(after.body!.customers.some((c) => c.grant_id === 'g_c011')).toBe(false);
    } finally {
      other.close();
    }
  });

  it('is rebuilt after any write the answer depends on, however it was written (plain drizzle, as an admin endpoint would)', async () => {
    const write = <T>(fn: Parameters<typeof w.database.write<T>>[0]) => () => w.database.write(fn);
    await expectInvalidatedBy(write((tx) => tx.update(accessGrants).set({ role: 'admin' }).where(eq(accessGrants.id, 'g_c012'))));
    await expectInvalidatedBy(write((tx) => tx.update(accessGrants).set({ expiresAt: new Date(SEEDED_AT.getTime() + 60_000) }).where(eq(accessGrants.id, 'g_c013'))));
    const renamed = await expectInvalidatedBy(write((tx) => tx.update(tenants).set({ name: 'Renamed Customer' }).where(eq(tenants.id, 't_c014'))));
    expect(renamed.after.body!.customers.find((c) => c.tenant_id === 't_c014')!.name).toBe('Renamed Customer');
    await expectInvalidatedBy(write((tx) => tx.update(relationships).set({ state: 'pending' }).where(eq(relationships.customerId, 't_c015'))));
    await expectInvalidatedBy(write((tx) => tx.update(users).set({ name: 'Ari Renamed' }).where(eq(users.id, analyst.id))));
    await expectInvalidatedBy(write((tx) => tx.update(memberships).set({ role: 'partner_administrator' }).where(eq(memberships.userId, analyst.id))));
    await expectInvalidatedBy(write((tx) => tx.insert(recents).values({ userId: analyst.id, tenantId: DEMO.tenants.acme, switchedAt: SEEDED_AT })));
    await expectInvalidatedBy(write((tx) => tx.delete(recents).where(eq(recents.userId, analyst.id))));
  });

  it('moves the version with bumpUserContextVersion (one user) and bumpAllContextVersions (everyone)', async () => {
    const db = w.database.db;
    const other = DEMO.users.fabrikamAnalyst.id;
    const [mine, theirs] = [await contextVersion(db, analyst.id), await contextVersion(db, other)];
    await w.database.write((tx) => bumpUserContextVersion(tx, analyst.id));
    expect(await contextVersion(db, analyst.id)).not.toBe(mine);
    expect(await contextVersion(db, other)).toBe(theirs);
    await get();
    expect(await listsGrants(() => get())).toBe(false);
    await w.database.write((tx) => bumpAllContextVersions(tx));
    expect(await contextVersion(db, other)).not.toBe(theirs);
    // Rebuilt; the same content keeps its tag, so the client's copy is still good (a 304).
    const before = await get();
    expect(await listsGrants(() => w.database.write((tx) => bumpAllContextVersions(tx)).then(() => get(before.etag)))).toBe(true);
    expect((await get(before.etag)).status).toBe(304);
  });

  it('leaves other users\' cached contexts alone when one user\'s grant changes', async () => {
    const fabrikam = await w.signIn(DEMO.users.fabrikamAnalyst.email);
    const version = await contextVersion(w.database.db, DEMO.users.fabrikamAnalyst.id);
    await w.database.write((tx) => revokeGrant(tx, 'g_c016', SEEDED_AT));
    expect(await contextVersion(w.database.db, DEMO.users.fabrikamAnalyst.id)).toBe(version);
    const res = await w.app.request('/v1/me/context', { headers: { authorization: `Bearer ${fabrikam}` } });
    expect(res.status).toBe(200);
  });
});

afterEach(() => w.clock.set(SEEDED_AT));
