// The scale dataset's shape, at a small size (the full one takes most of a minute: npm run bench:dataset).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApp } from '../../bff/app';
import { defaultConfig } from '../../bff/config';
import { openDatabase } from '../../bff/db/client';
import { createDeps } from '../../bff/deps';
import { seedDemo } from '../../bff/db/seed';
import { tenantContextSchema } from '../../shared/tenant-context';
import { analystId, clientId, generateScaleDataset, SCALE_ANALYST, type ScaleSizes } from './scale-dataset';

const SMALL: ScaleSizes = { partners: 3, clientsPerPartner: 7, contosoClients: 25, analystsPerPartner: 2 };
const NOW = new Date('2026-11-24T12:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'switchboard-scale-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function snapshot(path: string) {
  const database = await openDatabase({ url: `file:${path}` });
  const count = async (table: string) => Number((await database.client.execute(`select count(*) from ${table}`)).rows[0]![0]);
  const grants = await database.client.execute('select id, user_id, customer_id, role, platform_admin, expires_at from access_grants order by id');
  const names = await database.client.execute('select id, name, status from tenants order by id');
  const result = { tenants: await count('tenants'), grants: await count('access_grants'), users: await count('users'), rows: JSON.stringify([grants.rows, names.rows]) };
  database.close();
  return result;
}

describe('scale dataset generator', () => {
  it('writes the sizes asked for, the same rows for the same inputs, and a scale analyst the BFF serves', async () => {
    const a = join(dir, 'a.db');
    const summary = await generateScaleDataset(a, NOW, SMALL);
    expect(summary).toMatchObject({ tenants: 3 + 3 * 7 + 25, grants: 2 * 25 + 3 * 2 * 7, users: 2 + 3 * 3 });
    expect(summary.bytes).toBeGreaterThan(0);
    await generateScaleDataset(join(dir, 'b.db'), NOW, SMALL);
    const [first, second] = [await snapshot(a), await snapshot(join(dir, 'b.db'))];
    // The demo MSP is in there too.
    const demoPath = join(dir, 'demo.db');
    const demo = await openDatabase({ url: `file:${demoPath}` });
    await seedDemo(demo, NOW);
    demo.close();
    const seeded = await snapshot(demoPath);
    expect(first).toMatchObject({ tenants: seeded.tenants + summary.tenants, grants: seeded.grants + summary.grants, users: seeded.users + summary.users });
    expect(second.rows).toBe(first.rows);
    expect(first.rows).toContain(analystId(2, 1));
    expect(first.rows).toContain(clientId(2, 6));

    const database = await openDatabase({ url: `file:${a}` });
    try {
      const deps = await createDeps({ database, clock: () => NOW, config: defaultConfig() });
      const app = createApp(deps);
      const session = await app.request('/v1/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: SCALE_ANALYST.email, password: SCALE_ANALYST.password }),
      });
      expect(session.status).toBe(200);
      const { session_token } = (await session.json()) as { session_token: string };
      const res = await app.request('/v1/me/context', { headers: { authorization: `Bearer ${session_token}` } });
      const context = tenantContextSchema.parse(await res.json());
      expect(context.customers).toHaveLength(SMALL.contosoClients);
      expect(context.customers.some((c) => c.switchable)).toBe(true);
    } finally {
      database.close();
    }
  });
});
