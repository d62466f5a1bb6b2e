import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerDetailResponseSchema, customerListResponseSchema } from '../../shared/access-admin';
import { errorBodySchema } from '../../shared/errors';
import { addClient } from '../db/access-admin-fixtures';
import { DEMO } from '../db/seed';
import { startTestWorld, unlimitedRates, type TestWorld } from '../../test/helpers/test-server';

let world: TestWorld;
let tokens: Record<keyof typeof DEMO.users, string>;
beforeAll(async () => {
  world = await startTestWorld({ config: { rateLimit: unlimitedRates() }, listen: false });
  tokens = await world.signInAllDemoUsers();
  await addClient(world.database, DEMO.tenants.contoso, 't_zz_norel', 'Zephyr Without Relationship', world.clock());
});
afterAll(() => world.close());

const get = (token: string, path: string) => world.app.request(path, { headers: { authorization: `Bearer ${token}` } });
const list = async (token: string, query = '') => {
  const res = await get(token, `/v1/partners/${DEMO.tenants.contoso}/customers${query}`);
  expect(res.status).toBe(200);
  return customerListResponseSchema.parse(await res.json());
};

describe('customers view', () => {
  it('lists customers with user count, products and pending state, searchable', async () => {
    const { customers } = await list(tokens.contosoAdmin, '?q=umbrella');
    expect(customers).toEqual([
      expect.objectContaining({ id: DEMO.tenants.umbrella, name: 'Umbrella Health', pending: true, user_count: 1, products: ['event_incident_management', 'hybrid_discovery_monitoring'] }),
    ]);
    // Initech's only grant expired: nobody has live access.
    expect((await list(tokens.contosoAdmin, '?q=initech')).customers[0]).toMatchObject({ user_count: 0, pending: false, relationship: { state: 'approved' } });
    expect((await list(tokens.contosoAdmin, '?relationship=pending')).customers.map((c) => c.id)).toEqual([DEMO.tenants.umbrella]);
    expect((await list(tokens.contosoAdmin, '?relationship=none')).customers.map((c) => c.id)).toEqual(['t_zz_norel']);
  });

  it('pages by keyset through every customer once, in name order', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(tokens.contosoAnalyst, `?limit=37${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.customers.map((c) => c.name + c.id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(seen).toHaveLength(DEMO.generatedCustomers + 5 + Object.keys(DEMO.unassignedCustomers).length);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(seen);
    expect((await get(tokens.contosoAdmin, `/v1/partners/${DEMO.tenants.contoso}/customers?cursor=garbage`)).status).toBe(400);
  });

  it('a customer\'s detail lists each user with admin, products, last access and expiry', async () => {
    const res = await get(tokens.contosoAdmin, `/v1/partners/${DEMO.tenants.contoso}/customers/${DEMO.tenants.globex}`);
    const body = customerDetailResponseSchema.parse(await res.json());
    expect(body.grants).toEqual([expect.objectContaining({ user: expect.objectContaining({ id: DEMO.users.contosoAnalyst.id }), platform_admin: true, role: 'admin', state: 'active' })]);
    expect(body.grants[0]!.expires_at).not.toBeNull();
  });

  it('support staff see it with MSP_View; other partners and customers see nothing, like a missing partner', async () => {
    expect((await list(tokens.support)).customers.length).toBeGreaterThan(0);
    const foreign = await get(tokens.fabrikamAdmin, `/v1/partners/${DEMO.tenants.contoso}/customers`);
    const missing = await get(tokens.fabrikamAdmin, '/v1/partners/t_missing/customers');
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).toBe(await missing.text());
    expect((await get(tokens.acmeViewer, `/v1/partners/${DEMO.tenants.contoso}/customers`)).status).toBe(404);
    expect((await get(tokens.contosoAdmin, `/v1/partners/${DEMO.tenants.contoso}/customers/${DEMO.tenants.wayne}`)).status).toBe(404);
  });

  it('renames a managed customer with Clients_Manage; an analyst is told which permission is missing', async () => {
    const path = `/v1/partners/${DEMO.tenants.contoso}/customers/${DEMO.tenants.initech}`;
    const patch = (token: string, name: string) =>
      world.app.request(path, { method: 'PATCH', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ name }) });
    const analyst = await patch(tokens.contosoAnalyst, 'Initech Bank');
    expect(analyst.status).toBe(403);
    expect(errorBodySchema.parse(await analyst.json()).error.message).toContain('requires Clients_Manage');
    expect((await patch(tokens.support, 'Initech Bank')).status).toBe(404);
    const ok = await patch(tokens.contosoAdmin, 'Initech Bank');
    expect(ok.status).toBe(200);
    expect((await list(tokens.contosoAdmin, '?q=initech')).customers[0]!.name).toBe('Initech Bank');
    expect((await patch(tokens.contosoAdmin, '   ')).status).toBe(400);
  });
});
