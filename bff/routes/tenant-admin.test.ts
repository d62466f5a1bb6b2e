import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invitationAcceptResponseSchema, invitationResponseSchema, tenantAdminListResponseSchema, tenantAdminResponseSchema } from '../../shared/access-admin';
import { errorBodySchema } from '../../shared/errors';
import { DEMO } from '../db/seed';
import { exchange, expectIssued, introspect } from '../../test/helpers/oauth-requests';
import { startTestWorld, unlimitedRates, type TestWorld } from '../../test/helpers/test-server';

let world: TestWorld;
let tokens: Record<keyof typeof DEMO.users, string>;
let spAdmin: string;
beforeAll(async () => {
  world = await startTestWorld({ config: { rateLimit: unlimitedRates() } });
  tokens = await world.signInAllDemoUsers();
  const { addUser } = await import('../db/access-admin-fixtures');
  await addUser(world.database, DEMO.tenants.northwind, 'sp-admin@northwind.example', 'sp_administrator', world.clock());
  spAdmin = await world.signIn('sp-admin@northwind.example');
});
afterAll(() => world.close());

const call = (token: string | null, method: string, path: string, body?: unknown) =>
  world.app.request(path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const account = (name: string) => ({
  name, alternate_email: 'ops@example.org', notification_email: 'alerts@example.org', timezone: 'Europe/Berlin', country: 'DE',
  city: 'Berlin', address: 'Unter den Linden 1', postal_code: '10117', state: 'Berlin', application_server: 'console.example.org',
});
const message = async (res: Response) => errorBodySchema.parse(await res.json()).error.message;

describe('tenant administration', () => {
  it('creates a client with seed 000\'s account fields; refuses bad fields, a taken domain and more than the partner has', async () => {
    const body = { kind: 'client', parent_id: DEMO.tenants.fabrikam, account: account('Stark Optics'), email_domain: 'Stark.example', packages: ['event_incident_management'], addons: ['sla_management'] };
    const res = await call(tokens.fabrikamAdmin, 'POST', '/v1/admin/tenants', body);
    expect(res.status).toBe(201);
    const { tenant } = tenantAdminResponseSchema.parse(await res.json());
    expect(tenant).toMatchObject({ kind: 'client', parent_id: DEMO.tenants.fabrikam, email_domain: 'stark.example', status: 'active', account: { postal_code: '10117', api_server: 'https://console.example.org/api' } });
    expect((await call(tokens.fabrikamAdmin, 'POST', '/v1/admin/tenants', { ...body, account: { ...account('X'), postal_code: 'ABC' } })).status).toBe(400);
    expect((await call(tokens.fabrikamAdmin, 'POST', '/v1/admin/tenants', { ...body, account: { ...account('X'), country: 'Germany' } })).status).toBe(400);
    const taken = await call(tokens.fabrikamAdmin, 'POST', '/v1/admin/tenants', { ...body, email_domain: 'acme.example' });
    expect(taken.status).toBe(409);
    // Fabrikam has no Remediation and Automation; an add-on needs its package.
    const beyond = await call(tokens.fabrikamAdmin, 'POST', '/v1/admin/tenants', { ...body, email_domain: 'x1.example', packages: ['remediation_automation'] });
    expect(await message(beyond)).toContain('parent is not subscribed to Remediation and Automation');
    const orphanAddon = await call(tokens.fabrikamAdmin, 'POST', '/v1/admin/tenants', { ...body, email_domain: 'x2.example', packages: [] });
    expect(await message(orphanAddon)).toContain('SLA Management needs the Event and Incident Management package');
  });

  it('permissions as the seeds say: Clients_Create for clients, MSP_Manage for partners; foreign parents look missing', async () => {
    const client = { kind: 'client', parent_id: DEMO.tenants.contoso, account: account('Analyst Co'), email_domain: 'analyst-co.example', packages: [], addons: [] };
    expect(await message(await call(tokens.contosoAnalyst, 'POST', '/v1/admin/tenants', client))).toContain('requires Clients_Create');
    const partner = { kind: 'partner', parent_id: DEMO.tenants.northwind, account: account('Tailspin MSP'), email_domain: 'tailspin.example', packages: [], addons: [] };
    expect(await message(await call(tokens.support, 'POST', '/v1/admin/tenants', partner))).toContain('requires MSP_Manage');
    expect((await call(spAdmin, 'POST', '/v1/admin/tenants', partner)).status).toBe(201);
    const foreign = await call(tokens.fabrikamAdmin, 'POST', '/v1/admin/tenants', client);
    const missing = await call(tokens.fabrikamAdmin, 'POST', '/v1/admin/tenants', { ...client, parent_id: 't_missing' });
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).toBe(await missing.text());
  });

  it('edits account fields and subscriptions; the e-mail domain cannot be changed', async () => {
    const { tenants } = tenantAdminListResponseSchema.parse(await (await call(tokens.fabrikamAdmin, 'GET', '/v1/admin/tenants?kind=client&q=stark')).json());
    const id = tenants[0]!.id;
    const patched = await call(tokens.fabrikamAdmin, 'PATCH', `/v1/admin/tenants/${id}`, { account: { city: 'Hamburg', name: 'Stark Optics GmbH' } });
    expect(tenantAdminResponseSchema.parse(await patched.json()).tenant).toMatchObject({ name: 'Stark Optics GmbH', account: { city: 'Hamburg' } });
    expect((await call(tokens.fabrikamAdmin, 'PATCH', `/v1/admin/tenants/${id}`, { email_domain: 'other.example' })).status).toBe(400);
    const subs = await call(tokens.fabrikamAdmin, 'PUT', `/v1/admin/tenants/${id}/subscriptions`, { packages: [], addons: ['offline_alerts'] });
    expect(tenantAdminResponseSchema.parse(await subs.json()).tenant).toMatchObject({ packages: [], addons: ['offline_alerts'] });
    expect(await message(await call(tokens.fabrikamAnalyst, 'PUT', `/v1/admin/tenants/${id}/subscriptions`, { packages: [], addons: [] }))).toContain('requires Clients_Manage');
    const own = await call(tokens.fabrikamAdmin, 'PUT', `/v1/admin/tenants/${DEMO.tenants.fabrikam}/subscriptions`, { packages: ['remediation_automation'], addons: [] });
    expect(own.status).toBe(403);
  });

  it('invitations are single-use links restricted to the tenant\'s domain', async () => {
    const outside = await call(tokens.contosoAdmin, 'POST', `/v1/admin/tenants/${DEMO.tenants.acme}/invitations`, { email: 'someone@gmail.example', role: 'operator' });
    expect(outside.status).toBe(400);
    expect(await message(outside)).toBe('invitations for this tenant are restricted to addresses @acme.example');
    const sub = await call(tokens.contosoAdmin, 'POST', `/v1/admin/tenants/${DEMO.tenants.acme}/invitations`, { email: 'x@eu.acme.example', role: 'operator' });
    expect(sub.status).toBe(400);
    const res = await call(tokens.contosoAdmin, 'POST', `/v1/admin/tenants/${DEMO.tenants.acme}/invitations`, { email: 'New.Hire@ACME.example', role: 'operator' });
    expect(res.status).toBe(201);
    const invitation = invitationResponseSchema.parse(await res.json());
    expect(invitation.email).toBe('new.hire@acme.example');
    const accept = (token: string) => call(null, 'POST', '/v1/invitations/accept', { token, name: 'New Hire', password: 'a-long-enough-password' });
    const accepted = await accept(invitation.token);
    expect(accepted.status).toBe(201);
    expect(invitationAcceptResponseSchema.parse(await accepted.json())).toMatchObject({ email: 'new.hire@acme.example', tenant_id: DEMO.tenants.acme });
    expect(await world.signIn('new.hire@acme.example', 'a-long-enough-password')).toBeTruthy();
    const again = await accept(invitation.token);
    const unknown = await accept('x'.repeat(43));
    expect(again.status).toBe(404);
    expect(await again.text()).toBe(await unknown.text());
  });

  it('a partner\'s IP allow-list restricts its own analysts in every customer', async () => {
    const { response } = await expectIssued(await exchange(world, tokens.contosoAnalyst, DEMO.tenants.acme));
    expect((await introspect(world, response.access_token)).body.active).toBe(true);
    const bad = await call(tokens.contosoAdmin, 'PUT', `/v1/admin/tenants/${DEMO.tenants.contoso}/ip-allowlist`, { entries: ['10.0.0.0/33'] });
    expect(await message(bad)).toContain('10.0.0.0/33');
    const set = await call(tokens.contosoAdmin, 'PUT', `/v1/admin/tenants/${DEMO.tenants.contoso}/ip-allowlist`, { entries: ['203.0.113.0/24'] });
    expect(set.status).toBe(200);
    const refused = await exchange(world, tokens.contosoAnalyst, DEMO.tenants.acme);
    expect(refused.body.error_description).toBe('Your organization policies restrict you from accessing Contoso Managed Services from your current IP.');
    await call(tokens.contosoAdmin, 'PUT', `/v1/admin/tenants/${DEMO.tenants.contoso}/ip-allowlist`, { entries: ['127.0.0.1'] });
    await expectIssued(await exchange(world, tokens.contosoAnalyst, DEMO.tenants.acme));
  });

  it('terminates only when the name is typed as shown; then it is inactive, its grants end, the status filter shows it', async () => {
    const { response } = await expectIssued(await exchange(world, tokens.contosoAnalyst, DEMO.tenants.acme));
    const wrong = await call(tokens.contosoAdmin, 'POST', `/v1/admin/tenants/${DEMO.tenants.acme}/terminate`, { confirm_name: 'acme retail', acknowledge_data_loss: true });
    expect(await message(wrong)).toContain('type the name exactly as shown ("Acme Retail")');
    expect((await call(tokens.contosoAdmin, 'POST', `/v1/admin/tenants/${DEMO.tenants.acme}/terminate`, { confirm_name: 'Acme Retail' })).status).toBe(400);
    const res = await call(tokens.contosoAdmin, 'POST', `/v1/admin/tenants/${DEMO.tenants.acme}/terminate`, { confirm_name: 'Acme Retail', acknowledge_data_loss: true });
    expect(res.status).toBe(200);
    expect((await introspect(world, response.access_token)).body).toEqual({ active: false });
    const list = async (status: string) =>
      tenantAdminListResponseSchema.parse(await (await call(tokens.contosoAdmin, 'GET', `/v1/admin/tenants?kind=client&status=${status}&q=acme`)).json()).tenants.map((t) => t.status);
    expect(await list('active')).toEqual([]);
    expect(await list('inactive')).toEqual(['terminated']);
    expect(await list('all')).toEqual(['terminated']);
    expect((await call(tokens.contosoAdmin, 'POST', `/v1/admin/tenants/${DEMO.tenants.acme}/terminate`, { confirm_name: 'Acme Retail', acknowledge_data_loss: true })).status).toBe(409);
    await expect(world.signIn('new.hire@acme.example', 'a-long-enough-password')).rejects.toThrow();
  });
});
