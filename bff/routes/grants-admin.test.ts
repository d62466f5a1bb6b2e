import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, isNull } from 'drizzle-orm';
import { bulkAssignResponseSchema, changeSummaryResponseSchema, grantConflictBodySchema, grantResponseSchema, grantViewSchema } from '../../shared/access-admin';
import { errorBodySchema } from '../../shared/errors';
import { tenantContextSchema } from '../../shared/tenant-context';
import { addClient, addUser } from '../db/access-admin-fixtures';
import { DEMO } from '../db/seed';
import { accessGrants, auditEvents } from '../db/schema';
import { exchange, expectIssued, introspect } from '../../test/helpers/oauth-requests';
import { HOUR, startTestWorld, unlimitedRates, type TestWorld } from '../../test/helpers/test-server';

let world: TestWorld;
let tokens: Record<keyof typeof DEMO.users, string>;
let secondAdmin: string;
let juniorId: string;
beforeAll(async () => {
  world = await startTestWorld({ config: { rateLimit: unlimitedRates() } });
  tokens = await world.signInAllDemoUsers();
  await addUser(world.database, DEMO.tenants.contoso, 'admin2@contoso-msp.example', 'partner_administrator', world.clock());
  juniorId = await addUser(world.database, DEMO.tenants.contoso, 'junior@contoso-msp.example', 'partner_analyst', world.clock());
  await addClient(world.database, DEMO.tenants.contoso, 't_norel', 'No Relationship Ltd', world.clock());
  secondAdmin = await world.signIn('admin2@contoso-msp.example');
});
afterAll(() => world.close());

const call = (token: string, method: string, path: string, body?: unknown) =>
  world.app.request(`/v1/grants${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const liveGrantsOf = (userId: string) =>
  world.database.db.select().from(accessGrants).where(and(eq(accessGrants.userId, userId), isNull(accessGrants.revokedAt)));
const readGrant = async (token: string, id: string) => grantViewSchema.parse(((await (await call(token, 'GET', `/${id}`)).json()) as { grant: unknown }).grant);

const assignment = {
  user_ids: ['u_junior_contoso_msp_example'],
  platform_admin: false,
  duration: { kind: 'hours', hours: 24 },
  customers: [
    { customer_id: DEMO.tenants.acme, role: 'operator', products: ['event_incident_management'] },
    { customer_id: DEMO.tenants.globex, role: null, products: [] },
  ],
};

describe('bulk assignment', () => {
  it('previews the change summary without writing anything', async () => {
    const res = await call(tokens.contosoAdmin, 'POST', '/preview', assignment);
    expect(res.status).toBe(200);
    const { summaries } = changeSummaryResponseSchema.parse(await res.json());
    expect(summaries).toHaveLength(2);
    expect(summaries[0]).toMatchObject({
      user: { id: juniorId },
      customer: { id: DEMO.tenants.acme },
      original: null,
      updated: { platform_admin: false, role: 'operator', products: ['event_incident_management'], expires_at: new Date(world.clock().getTime() + 24 * HOUR).toISOString() },
      changed: [],
    });
    expect(summaries[0]!.added.map((a) => a.kind)).toEqual(['access', 'product', 'role']);
    // Quick add: no role, no products.
    expect(summaries[1]!.updated).toMatchObject({ role: null, products: [] });
    expect(await liveGrantsOf(juniorId)).toEqual([]);
  });

  it('assigns one user to several customers in one request, with the duration for all', async () => {
    const res = await call(tokens.contosoAdmin, 'POST', '', assignment);
    expect(res.status).toBe(201);
    const { grants } = bulkAssignResponseSchema.parse(await res.json());
    expect(grants.map((g) => [g.customer.id, g.role, g.version, g.state])).toEqual([
      [DEMO.tenants.acme, 'operator', 1, 'active'],
      [DEMO.tenants.globex, null, 1, 'active'],
    ]);
    const junior = await world.signIn('junior@contoso-msp.example');
    const context = tenantContextSchema.parse(await (await world.app.request('/v1/me/context', { headers: { authorization: `Bearer ${junior}` } })).json());
    expect(context.customers.map((c) => [c.tenant_id, c.expires_at])).toEqual(
      expect.arrayContaining([[DEMO.tenants.acme, new Date(world.clock().getTime() + 24 * HOUR).toISOString()]]),
    );
  });

  it('the demo\'s story: the analyst gets 24 hours in an unassigned customer and the switcher shows it', async () => {
    const res = await call(tokens.contosoAdmin, 'POST', '', { user_ids: [DEMO.users.contosoAnalyst.id], platform_admin: false, duration: { kind: 'hours', hours: 24 }, customers: [{ customer_id: DEMO.unassignedCustomers.quartz, role: 'operator', products: [] }] });
    expect(res.status).toBe(201);
    const context = tenantContextSchema.parse(await (await world.app.request('/v1/me/context', { headers: { authorization: `Bearer ${tokens.contosoAnalyst}` } })).json());
    expect(context.customers.find((c) => c.tenant_id === DEMO.unassignedCustomers.quartz)).toMatchObject({ switchable: true, expires_at: new Date(world.clock().getTime() + 24 * HOUR).toISOString() });
  });

  it('a bulk request failing half-way applies nothing', async () => {
    // The admin gets c001 first; then the analyst, who already holds c001, fails the request.
    const before = await world.database.db.select().from(accessGrants);
    const res = await call(tokens.contosoAdmin, 'POST', '', {
      user_ids: [DEMO.users.contosoAdmin.id, DEMO.users.contosoAnalyst.id],
      platform_admin: true,
      duration: { kind: 'permanent' },
      customers: [{ customer_id: 't_c001', role: 'admin', products: [] }],
    });
    expect(res.status).toBe(409);
    expect(errorBodySchema.parse(await res.json()).error.message).toContain('analyst@contoso-msp.example already has access');
    expect(await world.database.db.select().from(accessGrants)).toEqual(before);
  });

  it('refuses customers without an approved relationship, other partners\' users and customers, and unknown terms', async () => {
    const pending = await call(tokens.contosoAdmin, 'POST', '', { ...assignment, customers: [{ customer_id: DEMO.tenants.umbrella, role: null, products: [] }] });
    expect(pending.status).toBe(409);
    expect(errorBodySchema.parse(await pending.json()).error.message).toContain('pending customer approval');
    expect((await call(tokens.contosoAdmin, 'POST', '', { ...assignment, customers: [{ customer_id: 't_norel', role: null, products: [] }] })).status).toBe(409);
    const foreignCustomer = await call(tokens.contosoAdmin, 'POST', '', { ...assignment, customers: [{ customer_id: DEMO.tenants.wayne, role: null, products: [] }] });
    const unknownCustomer = await call(tokens.contosoAdmin, 'POST', '', { ...assignment, customers: [{ customer_id: 't_wayne_x', role: null, products: [] }] });
    expect(foreignCustomer.status).toBe(404);
    expect((await foreignCustomer.json()).error.message.replace('t_wayne', 'X')).toBe((await unknownCustomer.json()).error.message.replace('t_wayne_x', 'X'));
    expect((await call(tokens.contosoAdmin, 'POST', '', { ...assignment, user_ids: [DEMO.users.fabrikamAnalyst.id] })).status).toBe(404);
    const badRole = await call(tokens.contosoAdmin, 'POST', '/preview', { ...assignment, customers: [{ customer_id: DEMO.tenants.globex, role: 'overlord', products: ['remediation_automation'] }] });
    expect(badRole.status).toBe(400);
    expect(errorBodySchema.parse(await badRole.json()).error.message).toMatch(/unknown product role overlord.*Globex Manufacturing is not subscribed to remediation_automation/);
    const past = await call(tokens.contosoAdmin, 'POST', '/preview', { ...assignment, duration: { kind: 'until', expires_at: '2020-01-01T00:00:00Z' } });
    expect(past.status).toBe(400);
    const analyst = await call(tokens.contosoAnalyst, 'POST', '', assignment);
    expect(analyst.status).toBe(403);
    expect(errorBodySchema.parse(await analyst.json()).error.message).toContain('requires Clients_Manage');
  });
});

describe('edit, extend, remove', () => {
  it('previews an edit as original / updated / added / removed / changed values', async () => {
    const g = await readGrant(tokens.contosoAdmin, DEMO.grants.globex);
    const res = await call(tokens.contosoAdmin, 'POST', `/${g.id}/preview`, { version: g.version, role: 'operator', products: ['hybrid_discovery_monitoring'], platform_admin: false, duration: { kind: 'hours', hours: 48 } });
    expect(res.status).toBe(200);
    const [s] = changeSummaryResponseSchema.parse(await res.json()).summaries;
    expect(s!.original).toMatchObject({ role: 'admin', platform_admin: true, products: ['event_incident_management', 'hybrid_discovery_monitoring'] });
    expect(s!.updated).toMatchObject({ role: 'operator', platform_admin: false, products: ['hybrid_discovery_monitoring'] });
    expect(s!.added).toEqual([{ kind: 'role', id: 'operator', name: 'Operator' }]);
    expect(s!.removed.map((r) => r.id)).toEqual(['event_incident_management', 'admin', 'platform_administrator']);
    expect(s!.changed.map((x) => x.field)).toEqual(['expires_at', 'role', 'products', 'platform_admin']);
    expect((await readGrant(tokens.contosoAdmin, g.id)).version).toBe(g.version);
  });

  it('two admins editing the same grant at once: one wins, the other gets 409 with the current grant, no update lost', async () => {
    const g = await readGrant(tokens.contosoAdmin, DEMO.grants.globex);
    const [a, b] = await Promise.all([
      call(tokens.contosoAdmin, 'PATCH', `/${g.id}`, { version: g.version, role: 'operator' }),
      call(secondAdmin, 'PATCH', `/${g.id}`, { version: g.version, role: 'read_only' }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const [won, lost] = a.status === 200 ? [a, b] : [b, a];
    const winner = grantResponseSchema.parse(await won.json()).grant;
    const conflict = grantConflictBodySchema.parse(await lost.json());
    expect(conflict.error.code).toBe('conflict');
    expect(conflict.current).toEqual(winner);
    expect(winner.version).toBe(g.version + 1);
    expect(await readGrant(tokens.contosoAdmin, g.id)).toEqual(winner);
    // The loser retries on the current version and its change lands on top.
    const retry = await call(a.status === 200 ? secondAdmin : tokens.contosoAdmin, 'PATCH', `/${g.id}`, { version: winner.version, platform_admin: false });
    expect(grantResponseSchema.parse(await retry.json()).grant).toMatchObject({ role: winner.role, platform_admin: false, version: winner.version + 1 });
  });

  it('extends a grant to a custom instant, then to permanent', async () => {
    const g = await readGrant(tokens.contosoAdmin, DEMO.grants.globex);
    const until = new Date(world.clock().getTime() + 72 * HOUR).toISOString();
    const res = await call(tokens.contosoAdmin, 'POST', `/${g.id}/extend`, { version: g.version, duration: { kind: 'until', expires_at: until } });
    const body = grantResponseSchema.parse(await res.json());
    expect(body.grant.expires_at).toBe(until);
    expect(body.summary.changed).toEqual([{ field: 'expires_at', from: g.expires_at, to: until }]);
    const permanent = await call(tokens.contosoAdmin, 'POST', `/${g.id}/extend`, { version: body.grant.version, duration: { kind: 'permanent' } });
    expect(grantResponseSchema.parse(await permanent.json()).grant.expires_at).toBeNull();
  });

  it('removing a grant ends its customer tokens; a second removal is a conflict', async () => {
    const { response } = await expectIssued(await exchange(world, tokens.contosoAnalyst, DEMO.tenants.globex));
    const g = await readGrant(tokens.contosoAdmin, DEMO.grants.globex);
    const res = await call(tokens.contosoAdmin, 'DELETE', `/${g.id}`, { version: g.version });
    expect(res.status).toBe(200);
    expect(grantResponseSchema.parse(await res.json()).summary).toMatchObject({ updated: null, removed: expect.arrayContaining([{ kind: 'access', id: 'access', name: 'Access to the customer' }]) });
    expect((await introspect(world, response.access_token)).body).toEqual({ active: false });
    const again = await call(tokens.contosoAdmin, 'DELETE', `/${g.id}`, { version: g.version + 1 });
    expect(again.status).toBe(409);
    expect(grantConflictBodySchema.parse(await again.json()).current.state).toBe('revoked');
  });

  it('another partner\'s grant looks exactly like a missing one', async () => {
    const foreign = await call(tokens.contosoAdmin, 'PATCH', `/${DEMO.grants.wayne}`, { version: 1, role: null });
    const missing = await call(tokens.contosoAdmin, 'PATCH', '/g_nothing', { version: 1, role: null });
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).toBe(await missing.text());
  });

  it('every change is audited with before and after, naming the grantee', async () => {
    const rows = await world.database.db.select().from(auditEvents).where(eq(auditEvents.subjectUserId, DEMO.users.contosoAnalyst.id));
    const edit = rows.find((r) => r.action === 'grant.edit')!;
    expect(edit.detail).toMatchObject({ before: { role: 'admin' }, after: { role: expect.any(String) } });
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['grant.edit', 'grant.extend', 'grant.revoke']));
  });
});
