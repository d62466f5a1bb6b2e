// @vitest-environment node
// The Tenants tab's background calls against the real BFF in-process: a create refused field by
// field, the invitation link's shape, and a refusal naming the missing permission.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYST_EMAIL, startBffWorld, type BffWorld } from '../test-support/bff-world';
import { accessAdminCall, isAccessAdminRequest, type AccessAdminRequest } from './access-admin-calls';

let w: BffWorld;
let admin: string;
beforeAll(async () => {
  w = await startBffWorld();
  admin = await w.world.signIn('admin@contoso-msp.example');
});
afterAll(() => w.world.close());

const account = {
  name: 'Northgate Vets',
  alternate_email: 'it@northgate-vets.example',
  notification_email: 'alerts@northgate-vets.example',
  timezone: 'Europe/London',
  country: 'GB',
  city: 'York',
  address: '2 Gate St',
  postal_code: '00123',
  state: 'North Yorkshire',
  application_server: 'eu1.monitoring.example',
};
type Create = Extract<AccessAdminRequest, { type: 'access.tenants.create' }>;
const create = (overrides: Partial<Create['tenant']> = {}): Create => ({
  type: 'access.tenants.create',
  tenant: { kind: 'client', parent_id: 't_contoso', account, email_domain: 'northgate-vets.example', packages: ['hybrid_discovery_monitoring'], addons: [], ...overrides },
});

describe('the Tenants tab’s calls', () => {
  it('routes the tenant requests to the access-admin calls', () => {
    expect(isAccessAdminRequest({ type: 'access.tenants.list', query: { kind: 'client' } })).toBe(true);
  });

  it('answers a create the BFF refuses by field with each field’s path and message', async () => {
    // The page checks with the same schema; a body that slips past it (here: sent as-is) still comes back by field.
    const answer = await accessAdminCall(w.bff, admin, create({ account: { ...account, postal_code: 'YO1' } }));
    expect(answer).toMatchObject({ ok: false, error: 'invalid_fields', fields: [{ path: 'account.postal_code', message: 'digits only' }] });
  });

  it('creates, then gives an invitation link to the accept endpoint with the token in its fragment', async () => {
    const created = await accessAdminCall(w.bff, admin, create());
    expect(created).toMatchObject({ ok: true, tenant: { name: 'Northgate Vets', email_domain: 'northgate-vets.example', status: 'active' } });
    const id = created.ok && 'tenant' in created ? (created.tenant as { id: string }).id : '';
    const invited = await accessAdminCall(w.bff, admin, { type: 'access.tenants.invite', tenantId: id, invitation: { email: 'vet@northgate-vets.example', role: 'operator' } });
    expect(invited).toMatchObject({ ok: true, invitation: { email: 'vet@northgate-vets.example', role: 'operator', tenant_id: id } });
    const { link, token } = (invited as unknown as { invitation: { link: string; token: string } }).invitation;
    expect(link).toBe(`http://bff.test/v1/invitations/accept#token=${token}`);
  });

  it('says which permission an analyst lacks to create a client', async () => {
    const refused = await accessAdminCall(w.bff, await w.world.signIn(ANALYST_EMAIL), create({ email_domain: 'other-vets.example' }));
    expect(refused).toMatchObject({ ok: false, error: 'forbidden' });
    expect(refused.ok === false && refused.message).toMatch(/Clients_Create/);
  });
});
