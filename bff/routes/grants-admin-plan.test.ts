import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO } from '../db/seed';
import { ApiError } from '../middleware/errors';
import { startTestWorld, type TestWorld } from '../../test/helpers/test-server';
import { planAssignment } from './grants-admin-plan';

let world: TestWorld;
beforeAll(async () => {
  world = await startTestWorld({ listen: false });
});
afterAll(() => world.close());

const plan = (customers: { customer_id: string; role: string | null; products: string[] }[], userIds: string[] = [DEMO.users.contosoAnalyst.id]) =>
  planAssignment(world.deps, world.database.db, DEMO.tenants.contoso, { user_ids: userIds, platform_admin: false, duration: { kind: 'permanent' }, customers });

describe('planAssignment', () => {
  it('an expired, unrevoked grant does not block a new one: it is marked for revocation and the summary starts from nothing', async () => {
    const [pair] = await plan([{ customer_id: DEMO.tenants.initech, role: 'read_only', products: [] }]);
    expect(pair!.expired?.id).toBe(DEMO.grants.initech);
    expect(pair!.summary.original).toBeNull();
  });

  it('a live grant shows as the original, so the write refuses it', async () => {
    const [pair] = await plan([{ customer_id: DEMO.tenants.acme, role: 'read_only', products: [] }]);
    expect(pair!.expired).toBeNull();
    expect(pair!.summary).toMatchObject({ grant_id: DEMO.grants.acme, original: { role: 'operator' }, changed: expect.arrayContaining([{ field: 'role', from: 'operator', to: 'read_only' }]) });
  });

  it('refuses a customer listed twice and lists users × customers in order', async () => {
    const err = await plan([{ customer_id: DEMO.tenants.acme, role: null, products: [] }, { customer_id: DEMO.tenants.acme, role: null, products: [] }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(400);
    const pairs = await plan(
      [{ customer_id: 't_c002', role: null, products: [] }, { customer_id: 't_c003', role: null, products: [] }],
      [DEMO.users.contosoAdmin.id, DEMO.users.contosoAnalyst.id],
    );
    expect(pairs.map((p) => `${p.user.id}@${p.customer.id}`)).toEqual([
      `${DEMO.users.contosoAdmin.id}@t_c002`, `${DEMO.users.contosoAnalyst.id}@t_c002`, `${DEMO.users.contosoAdmin.id}@t_c003`, `${DEMO.users.contosoAnalyst.id}@t_c003`,
    ]);
  });
});
