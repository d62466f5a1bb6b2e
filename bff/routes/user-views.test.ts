import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userDetailResponseSchema, userListResponseSchema } from '../../shared/access-admin';
import { addUser } from '../db/access-admin-fixtures';
import { DEMO } from '../db/seed';
import { startTestWorld, unlimitedRates, type TestWorld } from '../../test/helpers/test-server';

let world: TestWorld;
let tokens: Record<keyof typeof DEMO.users, string>;
beforeAll(async () => {
  world = await startTestWorld({ config: { rateLimit: unlimitedRates() }, listen: false });
  tokens = await world.signInAllDemoUsers();
  await addUser(world.database, DEMO.tenants.contoso, 'bench@contoso-msp.example', 'partner_analyst', world.clock());
});
afterAll(() => world.close());

const get = (token: string, path: string) => world.app.request(path, { headers: { authorization: `Bearer ${token}` } });
const list = async (query = '') => {
  const res = await get(tokens.contosoAdmin, `/v1/partners/${DEMO.tenants.contoso}/users${query}`);
  expect(res.status).toBe(200);
  return userListResponseSchema.parse(await res.json());
};

describe('users view', () => {
  it('lists partner users with their live grants and last access time', async () => {
    const { users } = await list();
    expect(users.map((u) => u.email)).toEqual(['admin@contoso-msp.example', 'analyst@contoso-msp.example', 'bench@contoso-msp.example']);
    const analyst = users[1]!;
    // Initech expired; every other seeded grant is live.
    expect(analyst.grants).toHaveLength(DEMO.generatedCustomers + 3);
    expect(analyst.grants.some((g) => g.customer.id === DEMO.tenants.initech)).toBe(false);
    expect(analyst.last_access_at).not.toBeNull();
    expect(users[2]!.grants).toEqual([]);
  });

  it('filters by search, Platform Administrator, permanent or time-limited, and customer; pages', async () => {
    expect((await list('?q=BENCH')).users.map((u) => u.email)).toEqual(['bench@contoso-msp.example']);
    expect((await list('?platform_admin=true')).users.map((u) => u.id)).toEqual([DEMO.users.contosoAnalyst.id]);
    expect((await list('?platform_admin=false')).users.map((u) => u.email)).toEqual(['admin@contoso-msp.example', 'bench@contoso-msp.example']);
    expect((await list('?access=time_limited')).users.map((u) => u.id)).toEqual([DEMO.users.contosoAnalyst.id]);
    expect((await list(`?customer_id=${DEMO.tenants.acme}`)).users.map((u) => u.id)).toEqual([DEMO.users.contosoAnalyst.id]);
    const first = await list('?limit=2');
    expect(first.users).toHaveLength(2);
    const second = await list(`?limit=2&cursor=${first.next_cursor}`);
    expect(second.users.map((u) => u.email)).toEqual(['bench@contoso-msp.example']);
    expect(second.next_cursor).toBeNull();
  });

  it('one user\'s detail; another partner\'s user looks missing', async () => {
    const res = await get(tokens.contosoAdmin, `/v1/partners/${DEMO.tenants.contoso}/users/${DEMO.users.contosoAnalyst.id}`);
    expect(userDetailResponseSchema.parse(await res.json()).user.email).toBe('analyst@contoso-msp.example');
    const foreign = await get(tokens.contosoAdmin, `/v1/partners/${DEMO.tenants.contoso}/users/${DEMO.users.fabrikamAnalyst.id}`);
    const missing = await get(tokens.contosoAdmin, `/v1/partners/${DEMO.tenants.contoso}/users/u_missing`);
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).toBe(await missing.text());
    expect((await get(tokens.fabrikamAdmin, `/v1/partners/${DEMO.tenants.contoso}/users`)).status).toBe(404);
  });
});
