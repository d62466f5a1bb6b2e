import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { extensionRequestListResponseSchema, extensionRequestResponseSchema } from '../../shared/access-admin';
import { errorBodySchema } from '../../shared/errors';
import { tenantContextSchema } from '../../shared/tenant-context';
import { DEMO } from '../db/seed';
import { accessGrants, extensionRequests } from '../db/schema';
import { GLOBEX_EXPIRY, HOUR, startTestWorld, unlimitedRates, type TestWorld } from '../../test/helpers/test-server';

let world: TestWorld;
let tokens: Record<keyof typeof DEMO.users, string>;
beforeAll(async () => {
  world = await startTestWorld({ config: { rateLimit: unlimitedRates() }, listen: false });
  tokens = await world.signInAllDemoUsers();
});
afterAll(() => world.close());

const call = (token: string, method: string, path: string, body?: unknown) =>
  world.app.request(`/v1/extension-requests${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const ask = (grantId: string, reason = 'incident still open') => call(tokens.contosoAnalyst, 'POST', '', { grant_id: grantId, reason });
const context = async () =>
  tenantContextSchema.parse(await (await world.app.request('/v1/me/context', { headers: { authorization: `Bearer ${tokens.contosoAnalyst}` } })).json());

describe('request more time', () => {
  it('the analyst asks for more time on a time-bound grant, once', async () => {
    const res = await ask(DEMO.grants.globex);
    expect(res.status).toBe(201);
    const { request } = extensionRequestResponseSchema.parse(await res.json());
    expect(request).toMatchObject({ state: 'pending', grant_id: DEMO.grants.globex, reason: 'incident still open', current_expires_at: GLOBEX_EXPIRY.toISOString(), customer: { name: 'Globex Manufacturing' } });
    expect((await ask(DEMO.grants.globex)).status).toBe(409);
  });

  it('refuses a permanent grant, someone else\'s grant (like a missing one) and an empty reason', async () => {
    const permanent = await ask(DEMO.grants.acme);
    expect(permanent.status).toBe(409);
    expect(errorBodySchema.parse(await permanent.json()).error.message).toContain('permanent');
    const foreign = await ask(DEMO.grants.wayne);
    const missing = await ask('g_missing');
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).toBe(await missing.text());
    expect((await ask(DEMO.grants.globex, '   ')).status).toBe(400);
  });

  it('administrators list the partner\'s pending requests; the analyst sees only their own; another partner sees none', async () => {
    const admin = extensionRequestListResponseSchema.parse(await (await call(tokens.contosoAdmin, 'GET', '?state=pending')).json());
    expect(admin.requests.map((r) => r.grant_id)).toEqual([DEMO.grants.globex]);
    const own = extensionRequestListResponseSchema.parse(await (await call(tokens.contosoAnalyst, 'GET', '')).json());
    expect(own.requests).toHaveLength(1);
    const other = extensionRequestListResponseSchema.parse(await (await call(tokens.fabrikamAdmin, 'GET', '')).json());
    expect(other.requests).toEqual([]);
  });

  it('only Clients_Manage decides; a bulk decision with one bad entry applies nothing', async () => {
    const [pending] = extensionRequestListResponseSchema.parse(await (await call(tokens.contosoAdmin, 'GET', '?state=pending')).json()).requests;
    const analyst = await call(tokens.contosoAnalyst, 'POST', '/decide', { decisions: [{ id: pending!.id, decision: 'decline' }] });
    expect(analyst.status).toBe(403);
    expect(errorBodySchema.parse(await analyst.json()).error.message).toContain('requires Clients_Manage');
    const newExpiry = new Date(world.clock().getTime() + 30 * HOUR).toISOString();
    const mixed = await call(tokens.contosoAdmin, 'POST', '/decide', { decisions: [{ id: pending!.id, decision: 'approve', expires_at: newExpiry }, { id: 'x_unknown', decision: 'decline' }] });
    expect(mixed.status).toBe(404);
    const [grant] = await world.database.db.select().from(accessGrants).where(eq(accessGrants.id, DEMO.grants.globex));
    expect(grant!.expiresAt).toEqual(GLOBEX_EXPIRY);
    expect((await world.database.db.select().from(extensionRequests))[0]!.state).toBe('pending');
  });

  it('an approval sets the new expiry, which the analyst\'s context shows; a second decision is a conflict', async () => {
    const [pending] = extensionRequestListResponseSchema.parse(await (await call(tokens.contosoAdmin, 'GET', '?state=pending')).json()).requests;
    const newExpiry = new Date(world.clock().getTime() + 30 * HOUR).toISOString();
    const res = await call(tokens.contosoAdmin, 'POST', '/decide', { decisions: [{ id: pending!.id, decision: 'approve', expires_at: newExpiry }] });
    expect(res.status).toBe(200);
    expect(extensionRequestListResponseSchema.parse(await res.json()).requests[0]).toMatchObject({ state: 'approved', approved_expires_at: newExpiry, decided_by: DEMO.users.contosoAdmin.id });
    expect((await context()).customers.find((c) => c.tenant_id === DEMO.tenants.globex)!.expires_at).toBe(newExpiry);
    const again = await call(tokens.contosoAdmin, 'POST', '/decide', { decisions: [{ id: pending!.id, decision: 'decline' }] });
    expect(again.status).toBe(409);
  });

  it('declines in bulk', async () => {
    const first = extensionRequestResponseSchema.parse(await (await ask(DEMO.grants.globex, 'more')).json()).request;
    const other = (await context()).customers.find((c) => c.expires_at && c.tenant_id.startsWith('t_c') && c.switchable)!;
    const second = extensionRequestResponseSchema.parse(await (await ask(other.grant_id, 'also')).json()).request;
    const res = await call(tokens.contosoAdmin, 'POST', '/decide', { decisions: [{ id: first.id, decision: 'decline', note: 'not now' }, { id: second.id, decision: 'decline' }] });
    expect(extensionRequestListResponseSchema.parse(await res.json()).requests.map((r) => r.state)).toEqual(['declined', 'declined']);
  });
});
