// @vitest-environment node
// The Tenants tab against the real BFF in-process, answered as the background answers it (the
// harness of access-admin-page.test.tsx): create a client, its subscriptions and IP allow-list, an
// invitation link that really signs the invitee up, termination; and the BFF's refusals word for word.
import { cleanup, fireEvent, render, waitFor, within } from '@testing-library/preact';
import { Window } from 'happy-dom';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { populateGlobal } from 'vitest/runtime';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { UserSummary } from '../../shared/common';
import { backgroundRequestSchema } from '../../shared/extension-messages';
import { sessionResponseSchema } from '../../shared/session';
import { accessAdminCall, isAccessAdminRequest } from '../background/access-admin-calls';
import { ANALYST_EMAIL, DEMO_PASSWORD, startBffWorld, type BffWorld } from '../test-support/bff-world';
import { askAccessAdmin } from '../utils/access-admin-messaging';
import { AccessAdminPage } from './access-admin-page';
import { AccessAdminTenantInvite } from './access-admin-tenants-actions';

let w: BffWorld;
let screen: ReturnType<typeof within>;
let removeDom: () => Promise<void>;
beforeAll(async () => {
  w = await startBffWorld();
  const win = new Window({ url: 'http://localhost:3000/access.html' });
  const { keys, originals } = populateGlobal(globalThis, win, { bindFunctions: true });
  removeDom = async () => {
    await win.happyDOM.abort();
    for (const key of keys) delete (globalThis as Record<string, unknown>)[key];
    originals.forEach((value, key) => ((globalThis as Record<string | symbol, unknown>)[key] = value));
  };
  screen = within(document.body);
});
afterEach(cleanup);
afterAll(async () => {
  await removeDom();
  await w.world.close();
});

async function signIn(email: string) {
  const response = await w.bff.v1.session.$post({ json: { email, password: DEMO_PASSWORD } });
  const { session_token, user } = sessionResponseSchema.parse(await response.json());
  return { token: session_token, user };
}

function askAs(who: { token: string; user: UserSummary }) {
  const sendMessage = async (message: unknown) => {
    const request = backgroundRequestSchema.parse(message);
    if (request.type === 'session.status') return { ok: true, user: who.user };
    if (isAccessAdminRequest(request)) return accessAdminCall(w.bff, who.token, request);
    return { ok: false, error: 'not_here', message: `not asked here: ${request.type}` };
  };
  const runtime = { id: fakeBrowser.runtime.id, onMessage: fakeBrowser.runtime.onMessage, sendMessage } as unknown as Parameters<typeof askAccessAdmin>[1];
  return ((request) => askAccessAdmin(request, runtime)) as typeof askAccessAdmin;
}

const openTenants = async (email: string) => {
  render(<AccessAdminPage ask={askAs(await signIn(email))} />);
  fireEvent.click(await screen.findByRole('tab', { name: 'Tenants' }));
};
const fill = (form: ReturnType<typeof within>, values: Record<string, string>) => {
  for (const [label, value] of Object.entries(values)) fireEvent.input(form.getByLabelText(label), { target: { value } });
};
const account = {
  Name: 'Fabrikam Dental',
  'E-mail domain': 'acme.example',
  'Alternate e-mail': 'it@fabrikam-dental.example',
  'Notification e-mail': 'alerts@fabrikam-dental.example',
  'Time zone': 'Europe/London',
  Country: 'GB',
  City: 'Leeds',
  Address: '1 Park Row',
  'Postal code': 'LS1',
  State: 'West Yorkshire',
  'Application server': 'eu1.monitoring.example',
};

describe('the Tenants tab', () => {
  it('creates a client: a wrong field is named before sending, a taken domain beside the domain, then the client is listed', async () => {
    await openTenants('admin@contoso-msp.example');
    const table = await screen.findByRole('table', { name: 'Tenants' });
    await waitFor(() => expect(within(table).getByRole('row', { name: /Acme Retail/ })).toBeTruthy());
    fireEvent.click(screen.getByRole('button', { name: 'New client' }));
    const form = within(screen.getByRole('form', { name: 'New client' }));
    fill(form, account);
    fireEvent.click(form.getByRole('button', { name: 'Create client' }));
    await waitFor(() => expect(form.getByLabelText('Postal code').getAttribute('aria-invalid')).toBe('true'));
    expect(form.getByText('digits only')).toBeTruthy();
    expect(w.calls.some((c) => c.method === 'POST' && c.path === '/v1/admin/tenants')).toBe(false);

    fill(form, { 'Postal code': '01532' });
    fireEvent.click(form.getByRole('button', { name: 'Create client' }));
    await waitFor(() => expect(form.getByLabelText('E-mail domain').getAttribute('aria-invalid')).toBe('true'));
    expect(form.getByText('the e-mail domain acme.example already belongs to another tenant')).toBeTruthy();
    expect(w.calls.at(-1)).toMatchObject({ method: 'POST', path: '/v1/admin/tenants', status: 409 });

    fill(form, { 'E-mail domain': 'fabrikam-dental.example' });
    fireEvent.click(form.getByRole('button', { name: 'Create client' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Client created: Fabrikam Dental.'));
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Tenants' })).getByRole('row', { name: /Fabrikam Dental/ }).textContent).toMatch(/fabrikam-dental.exampleactive1 packages, 0 add-ons/));
    expect(screen.getByRole('region', { name: 'Tenant Fabrikam Dental' }).textContent).toMatch(/https:\/\/eu1.monitoring.example\/api/);
  });

  it('shows the BFF’s refusal of an add-on without its package and of a bad allow-list entry, then saves both', async () => {
    await openTenants('admin@contoso-msp.example');
    fireEvent.click(await screen.findByRole('button', { name: 'Manage tenant Fabrikam Dental' }));
    const detail = within(screen.getByRole('region', { name: 'Tenant Fabrikam Dental' }));
    const subscriptions = within(detail.getByRole('form', { name: 'Packages and add-ons of Fabrikam Dental' }));
    fireEvent.click(subscriptions.getByRole('checkbox', { name: 'SLA Management' }));
    fireEvent.click(subscriptions.getByRole('button', { name: 'Save packages and add-ons' }));
    expect((await subscriptions.findByRole('alert')).textContent).toBe('SLA Management needs the Event and Incident Management package');
    fireEvent.click(subscriptions.getByRole('checkbox', { name: 'Event and Incident Management' }));
    fireEvent.click(subscriptions.getByRole('button', { name: 'Save packages and add-ons' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Packages and add-ons saved for Fabrikam Dental.'));

    const allowlist = within(detail.getByRole('form', { name: 'IP allow-list of Fabrikam Dental' }));
    fireEvent.input(allowlist.getByLabelText('IP allow-list'), { target: { value: '203.0.113.7\nnot-an-ip\n' } });
    fireEvent.click(allowlist.getByRole('button', { name: 'Save IP allow-list' }));
    expect((await allowlist.findByRole('alert')).textContent).toBe('not an IP address or CIDR range: not-an-ip');
    fireEvent.input(allowlist.getByLabelText('IP allow-list'), { target: { value: '203.0.113.7\n\n198.51.100.0/24\n' } });
    fireEvent.click(allowlist.getByRole('button', { name: 'Save IP allow-list' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('IP allow-list saved for Fabrikam Dental.'));
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Tenants' })).getByRole('row', { name: /Fabrikam Dental/ }).textContent).toMatch(/2 packages, 1 add-ons203.0.113.7, 198.51.100.0\/24$/));
  });

  it('shows the BFF’s refusal of a package beyond the partner’s own (Fabrikam has no Remediation and Automation)', async () => {
    await openTenants('admin@fabrikam.example');
    fireEvent.click(await screen.findByRole('button', { name: 'Manage tenant Wayne Logistics' }));
    const subscriptions = within(screen.getByRole('form', { name: 'Packages and add-ons of Wayne Logistics' }));
    fireEvent.click(subscriptions.getByRole('checkbox', { name: 'Remediation and Automation' }));
    fireEvent.click(subscriptions.getByRole('button', { name: 'Save packages and add-ons' }));
    expect((await subscriptions.findByRole('alert')).textContent).toBe('parent is not subscribed to Remediation and Automation');
  });

  it('refuses an invitation outside the domain; the link it gives signs the invitee up once, and Copy copies it', async () => {
    const admin = await signIn('admin@contoso-msp.example');
    const list = await askAs(admin)({ type: 'access.tenants.list', query: { kind: 'client', q: 'Fabrikam Dental' } });
    const tenant = list.ok ? list.tenants[0]! : null;
    const copied: string[] = [];
    render(<AccessAdminTenantInvite tenant={tenant!} ask={askAs(admin)} copy={async (text) => void copied.push(text)} />);
    const form = within(screen.getByRole('form', { name: 'Invite a user to Fabrikam Dental' }));
    fireEvent.input(form.getByLabelText('E-mail of the invitee'), { target: { value: 'dana@evil.example' } });
    fireEvent.click(form.getByRole('button', { name: 'Create invitation link' }));
    expect((await form.findByRole('alert')).textContent).toMatch(/fabrikam-dental.example/);
    fireEvent.input(form.getByLabelText('E-mail of the invitee'), { target: { value: 'dana@fabrikam-dental.example' } });
    fireEvent.click(form.getByRole('button', { name: 'Create invitation link' }));
    const link = (await form.findByLabelText('Invitation link for dana@fabrikam-dental.example')) as HTMLInputElement;
    expect(form.queryByRole('alert')).toBeNull();
    fireEvent.click(form.getByRole('button', { name: 'Copy' }));
    await waitFor(() => expect(form.getByRole('status').textContent).toBe('Copied.'));
    expect(copied).toEqual([link.value]);

    const url = new URL(link.value);
    expect(url.pathname).toBe('/v1/invitations/accept');
    const token = new URLSearchParams(url.hash.slice(1)).get('token')!;
    const accept = () => w.bff.v1.invitations.accept.$post({ json: { token, name: 'Dana Dentist', password: 'a long enough password' } });
    expect((await accept()).status).toBe(201);
    expect((await accept()).status).not.toBe(201);
  });

  it('terminates only once the name is typed exactly and the loss acknowledged; the client moves to Inactive', async () => {
    await openTenants('admin@contoso-msp.example');
    fireEvent.click(await screen.findByRole('button', { name: 'Manage tenant Fabrikam Dental' }));
    const form = within(screen.getByRole('form', { name: 'Terminate Fabrikam Dental' }));
    const button = form.getByRole('button', { name: 'Terminate Fabrikam Dental' }) as HTMLButtonElement;
    fireEvent.click(form.getByRole('checkbox', { name: 'I understand the tenant’s data will be lost' }));
    fireEvent.input(form.getByLabelText('Type Fabrikam Dental to confirm'), { target: { value: 'fabrikam dental' } });
    expect(button.disabled).toBe(true);
    fireEvent.input(form.getByLabelText('Type Fabrikam Dental to confirm'), { target: { value: 'Fabrikam Dental' } });
    expect(button.disabled).toBe(false);
    fireEvent.click(button);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Fabrikam Dental terminated; 0 grants ended.'));
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Tenants' })).queryByRole('row', { name: /Fabrikam Dental/ })).toBeNull());
    fireEvent.change(screen.getByLabelText('Status'), { target: { value: 'inactive' } });
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Tenants' })).getByRole('row', { name: /Fabrikam Dental/ }).textContent).toMatch(/terminated/));
  });

  it('shows an analyst (Clients_View only) the BFF’s refusals of a change and of a new client, naming the missing permission', async () => {
    await openTenants(ANALYST_EMAIL);
    fireEvent.click(await screen.findByRole('button', { name: 'Manage tenant Acme Retail' }));
    const allowlist = within(screen.getByRole('form', { name: 'IP allow-list of Acme Retail' }));
    fireEvent.input(allowlist.getByLabelText('IP allow-list'), { target: { value: '203.0.113.7' } });
    fireEvent.click(allowlist.getByRole('button', { name: 'Save IP allow-list' }));
    expect((await allowlist.findByRole('alert')).textContent).toMatch(/Clients_Manage/);
    fireEvent.click(screen.getByRole('button', { name: 'New client' }));
    const form = within(screen.getByRole('form', { name: 'New client' }));
    fill(form, { ...account, 'E-mail domain': 'analyst-made.example', 'Postal code': '12345' });
    fireEvent.click(form.getByRole('button', { name: 'Create client' }));
    expect((await form.findByRole('alert')).textContent).toMatch(/Clients_Create/);
  });
});
