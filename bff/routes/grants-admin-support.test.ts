import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../db/seed';
import { accessGrants, tenants } from '../db/schema';
import { eq } from 'drizzle-orm';
import { ApiError } from '../middleware/errors';
import { startTestWorld, SEEDED_AT, type TestWorld } from '../../test/helpers/test-server';
import { writeAll } from './grants-admin-support';

let world: TestWorld;
beforeAll(async () => {
  world = await startTestWorld({ listen: false });
});
afterAll(() => world.close());

describe('writeAll', () => {
  it('turns a trigger refusal into a 409 and applies nothing of the transaction', async () => {
    const attempt = writeAll(world.deps, async (tx) => {
      await tx.update(tenants).set({ name: 'Renamed' }).where(eq(tenants.id, DEMO.tenants.acme));
      // Fabrikam is not Acme's parent: the integrity trigger refuses the grant.
      await tx.insert(accessGrants).values({
        id: 'g_bad', userId: DEMO.users.fabrikamAnalyst.id, partnerId: DEMO.tenants.fabrikam, customerId: DEMO.tenants.acme,
        platformAdmin: false, role: null, products: [], grantedBy: DEMO.users.fabrikamAdmin.id, grantedAt: SEEDED_AT,
      });
    });
    const err = await attempt.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(409);
    expect((err as ApiError).message).toContain("access grant partner must be the customer's parent");
    const [acme] = await world.database.db.select().from(tenants).where(eq(tenants.id, DEMO.tenants.acme));
    expect(acme!.name).toBe('Acme Retail');
  });
});
