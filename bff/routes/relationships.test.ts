import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { relationshipConflictBodySchema, relationshipListResponseSchema, relationshipResponseSchema } from '../../shared/access-admin';
import { errorBodySchema } from '../../shared/errors';
import { addClient, addCustomerAdmin } from '../db/access-admin-fixtures';
import { DEMO } from '../db/seed';
import { auditEvents } from '../db/schema';
import { exchange, expectIssued, introspect } from '../../test/helpers/oauth-requests';
import { startTestWorld, unlimitedRates, type TestWorld } from '../../test/helpers/test-server';

let world: TestWorld;
let tokens: Record<keyof typeof DEMO.users, string>;
let acmeAdmin: string;
let umbrellaAdmin: string;
beforeAll(async () => {
  world = await startTestWorld({ config: { rateLimit: unlimitedRates() } });
  tokens = await world.signInAllDemoUsers();
  await addCustomerAdmin(world.database, DEMO.tenants.acme, 'it-admin@acme.example', world.clock());
  await addCustomerAdmin(world.database, DEMO.tenants.umbrella, 'it-admin@umbrella.example', world.clock());
  await addClient(world.database, DEMO.tenants.contoso, 't_newco', 'Newco Bakeries', world.clock());
  acmeAdmin = await world.signIn('it-admin@acme.example');
  umbrellaAdmin = await world.signIn('it-admin@umbrella.example');
});
afterAll(() => world.close());

const call = (token: string, method: string, path: string, body?: unknown) =>
  world.app.request(`/v1/relationships${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });

async function relationshipOf(token: string, customerId: string) {
  const res = await call(token, 'GET', '');
  expect(res.status).toBe(200);
  return relationshipListResponseSchema.parse(await res.json()).relationships.find((r) => r.customer.id === customerId)!;
}

describe('relationships', () => {
  it('a partner administrator requests to manage its own client: pending until approved', async () => {
    const res = await call(tokens.contosoAdmin, 'POST', '', { customer_id: 't_newco' });
    expect(res.status).toBe(201);
    const { relationship } = relationshipResponseSchema.parse(await res.json());
    expect(relationship).toMatchObject({ state: 'pending', version: 1, partner: { id: DEMO.tenants.contoso }, customer: { id: 't_newco', name: 'Newco Bakeries' }, notify_on_grant_changes: false });
    const again = await call(tokens.contosoAdmin, 'POST', '', { customer_id: 't_newco' });
    expect(again.status).toBe(409);
    expect(relationshipConflictBodySchema.parse(await again.json()).current.state).toBe('pending');
  });

  it('refusals name the missing permission; another partner\'s client looks like a missing one', async () => {
    const analyst = await call(tokens.contosoAnalyst, 'POST', '', { customer_id: 't_newco' });
    expect(analyst.status).toBe(403);
    expect(errorBodySchema.parse(await analyst.json()).error.message).toContain('requires Clients_Manage');
    const foreign = await call(tokens.fabrikamAdmin, 'POST', '', { customer_id: 't_newco' });
    const unknown = await call(tokens.fabrikamAdmin, 'POST', '', { customer_id: 't_nothing_here' });
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).toBe(await unknown.text());
    const viewer = await call(tokens.acmeViewer, 'GET', '');
    expect(viewer.status).toBe(403);
    expect(errorBodySchema.parse(await viewer.json()).error.message).toContain('requires Platform Administrator');
  });

  it('only the customer\'s Platform Administrator approves, at the version it read', async () => {
    const pending = await relationshipOf(tokens.contosoAdmin, DEMO.tenants.umbrella);
    expect(pending.state).toBe('pending');
    const byPartner = await call(tokens.contosoAdmin, 'POST', `/${pending.id}/approve`, { version: pending.version });
    expect(byPartner.status).toBe(403);
    expect(errorBodySchema.parse(await byPartner.json()).error.message).toContain('requires Platform Administrator in Umbrella Health');
    const byOtherCustomer = await call(acmeAdmin, 'POST', `/${pending.id}/approve`, { version: pending.version });
    expect(byOtherCustomer.status).toBe(404);

    // The analyst cannot enter Umbrella while pending.
    expect((await exchange(world, tokens.contosoAnalyst, DEMO.tenants.umbrella)).status).toBe(400);
    const stale = await call(umbrellaAdmin, 'POST', `/${pending.id}/approve`, { version: pending.version + 5 });
    expect(stale.status).toBe(409);
    expect(relationshipConflictBodySchema.parse(await stale.json()).current).toMatchObject({ state: 'pending', version: pending.version });
    const ok = await call(umbrellaAdmin, 'POST', `/${pending.id}/approve`, { version: pending.version });
    expect(ok.status).toBe(200);
    expect(relationshipResponseSchema.parse(await ok.json()).relationship).toMatchObject({ state: 'approved', version: pending.version + 1 });
    await expectIssued(await exchange(world, tokens.contosoAnalyst, DEMO.tenants.umbrella));
  });

  it('the customer chooses to be notified of grant changes; the flag is stored and shown to both sides', async () => {
    const r = await relationshipOf(acmeAdmin, DEMO.tenants.acme);
    const byPartner = await call(tokens.contosoAdmin, 'PATCH', `/${r.id}/notifications`, { version: r.version, notify_on_grant_changes: true });
    expect(byPartner.status).toBe(403);
    const res = await call(acmeAdmin, 'PATCH', `/${r.id}/notifications`, { version: r.version, notify_on_grant_changes: true });
    expect(res.status).toBe(200);
    expect((await relationshipOf(tokens.contosoAdmin, DEMO.tenants.acme)).notify_on_grant_changes).toBe(true);
  });

  it('the customer removes the relationship: every grant under it ends and live customer tokens introspect inactive', async () => {
    const { response } = await expectIssued(await exchange(world, tokens.contosoAnalyst, DEMO.tenants.acme));
    expect((await introspect(world, response.access_token)).body.active).toBe(true);
    const r = await relationshipOf(acmeAdmin, DEMO.tenants.acme);
    const res = await call(acmeAdmin, 'DELETE', `/${r.id}`, { version: r.version });
    expect(res.status).toBe(200);
    const body = relationshipResponseSchema.parse(await res.json());
    expect(body.relationship).toMatchObject({ state: 'removed', removed_by: 'customer' });
    expect(body.revoked_grant_ids).toEqual([DEMO.grants.acme]);
    expect((await introspect(world, response.access_token)).body).toEqual({ active: false });
    expect((await exchange(world, tokens.contosoAnalyst, DEMO.tenants.acme)).status).toBe(400);
    // Removing twice is a conflict with the current (removed) state.
    const twice = await call(acmeAdmin, 'DELETE', `/${r.id}`, { version: body.relationship.version });
    expect(twice.status).toBe(409);
  });

  it('the partner may ask again after a removal, and the partner side can remove too', async () => {
    const res = await call(tokens.contosoAdmin, 'POST', '', { customer_id: DEMO.tenants.acme });
    expect(res.status).toBe(201);
    const { relationship } = relationshipResponseSchema.parse(await res.json());
    expect(relationship.state).toBe('pending');
    const removed = await call(tokens.contosoAdmin, 'DELETE', `/${relationship.id}`, { version: relationship.version });
    expect(relationshipResponseSchema.parse(await removed.json()).relationship.removed_by).toBe('partner');
  });

  it('every change and refusal is in the audit trail with before and after', async () => {
    const rows = await world.database.db.select().from(auditEvents);
    const approve = rows.find((r) => r.action === 'relationship.approve')!;
    expect(approve.detail).toMatchObject({ before: { state: 'pending' }, after: { state: 'approved' } });
    expect(rows.find((r) => r.action === 'grant.revoke' && r.subjectUserId === DEMO.users.contosoAnalyst.id)).toBeDefined();
    expect(rows.filter((r) => r.action === 'relationship.refused' && r.outcome === 'failure').length).toBeGreaterThanOrEqual(4);
  });

  it('rejects unknown fields and bad ids with 400', async () => {
    expect((await call(tokens.contosoAdmin, 'POST', '', { customer_id: 't_newco', extra: 1 })).status).toBe(400);
    expect((await call(tokens.contosoAdmin, 'POST', '/bad%20id!/approve', { version: 1 })).status).toBe(400);
    expect((await call(tokens.contosoAdmin, 'DELETE', '/r_acme', {})).status).toBe(400);
  });
});
