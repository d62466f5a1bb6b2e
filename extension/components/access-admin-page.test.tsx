// @vitest-environment node
// The access view against the real BFF in-process, answered as the background answers it (see
// entitlements-page.test.tsx for why Node plus an installed happy-dom document).
import { cleanup, fireEvent, render, waitFor, within } from '@testing-library/preact';
import { Window } from 'happy-dom';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { populateGlobal } from 'vitest/runtime';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { UserSummary } from '../../shared/common';
import { backgroundRequestSchema } from '../../shared/extension-messages';
import { sessionResponseSchema } from '../../shared/session';
import { tenantContextSchema } from '../../shared/tenant-context';
import { accessAdminCall, isAccessAdminRequest, requestMoreTime } from '../background/access-admin-calls';
import { ANALYST_EMAIL, DEMO_PASSWORD, startBffWorld, type BffWorld } from '../test-support/bff-world';
import { askAccessAdmin as askBackground } from '../utils/access-admin-messaging';
import { AccessAdminPage } from './access-admin-page';

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

/** askBackground answered by the background's own access-admin calls, with the BFF's real answers. */
function askAs(who: { token: string; user: UserSummary } | null) {
  const sendMessage = async (message: unknown) => {
    const request = backgroundRequestSchema.parse(message);
    if (request.type === 'session.status') return { ok: true, user: who?.user ?? null };
    if (isAccessAdminRequest(request)) return accessAdminCall(w.bff, who!.token, request);
    throw new Error(`the access view should not ask ${request.type}`);
  };
  const runtime = { id: fakeBrowser.runtime.id, onMessage: fakeBrowser.runtime.onMessage, sendMessage } as unknown as Parameters<typeof askBackground>[1];
  return ((request) => askBackground(request, runtime)) as typeof askBackground;
}

const timeFormat = { locale: 'en-US', timeZone: 'UTC' };
const open = async (email: string | null, search = '') => {
  const who = email ? await signIn(email) : null;
  render(<AccessAdminPage search={search} ask={askAs(who)} timeFormat={timeFormat} now={w.now} />);
  return who;
};
const grantIdOf = async (token: string, tenantId: string) =>
  tenantContextSchema.parse(await (await w.bff.v1.me.context.$get(undefined, { headers: { authorization: `Bearer ${token}` } })).json()).customers.find((c) => c.tenant_id === tenantId)!.grant_id;

describe('the Manage customer access view', () => {
  it('asks a signed-out user to sign in first', async () => {
    await open(null);
    expect(await screen.findByText(/Sign in from the MSP Switchboard toolbar button/)).toBeTruthy();
  });

  it('shows an analyst the BFF’s refusal of a removal, naming the missing permission', async () => {
    await open(ANALYST_EMAIL, '?tenant=t_umbrella');
    const detail = await screen.findByRole('region', { name: 'Access to Umbrella Health' });
    fireEvent.click(await within(detail).findByRole('button', { name: 'Remove access of Ari Analyst to Umbrella Health' }));
    fireEvent.click(within(detail).getByRole('button', { name: 'Yes, remove access' }));
    expect((await within(detail).findByRole('alert')).textContent).toMatch(/Clients_Manage/);
  });

  it('lets support staff choose the partner to look at', async () => {
    await open('support@northwind.example');
    expect(await screen.findByText('Enter the partner whose customers and users to show.')).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Partner (tenant id)'), { target: { value: 't_contoso' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show partner' }));
    const table = await screen.findByRole('table', { name: 'Customers' });
    await waitFor(() => expect(within(table).getByRole('row', { name: /Acme Retail/ })).toBeTruthy());
  });

  it('lists the partner’s customers with users, products and state; searching narrows the list', async () => {
    await open('admin@contoso-msp.example');
    const table = await screen.findByRole('table', { name: 'Customers' });
    await waitFor(() => expect(within(table).getByRole('row', { name: /Acme Retail/ }).textContent).toMatch(/Approved1/));
    fireEvent.input(screen.getByLabelText('Search customers'), { target: { value: 'globex' } });
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Customers' })).getAllByRole('row')).toHaveLength(2));
    expect(within(screen.getByRole('table', { name: 'Customers' })).getAllByRole('row')[1]!.textContent).toMatch(/^Globex Manufacturing/);
  });

  it('edits a grant after the BFF’s change summary; a stale version shows the grant as it is and re-applies', async () => {
    const admin = await open('admin@contoso-msp.example', '?tenant=t_acme');
    const detail = await screen.findByRole('region', { name: 'Access to Acme Retail' });
    fireEvent.click(await within(detail).findByRole('button', { name: 'Edit access of Ari Analyst to Acme Retail' }));
    const editor = within(detail).getByRole('form', { name: 'Edit access: Ari Analyst in Acme Retail' });
    fireEvent.click(within(editor).getByRole('checkbox', { name: 'Platform Administrator' }));
    // Meanwhile another administrator extends the same grant: the version read is now stale.
    const analyst = await signIn(ANALYST_EMAIL);
    const grantId = await grantIdOf(analyst.token, 't_acme');
    expect(await accessAdminCall(w.bff, admin!.token, { type: 'access.grants.extend', grantId, version: 1, duration: { kind: 'hours', hours: 48 } })).toMatchObject({ ok: true });

    fireEvent.click(within(editor).getByRole('button', { name: 'Review changes' }));
    const stale = await within(detail).findByRole('region', { name: 'Edit access: Ari Analyst in Acme Retail' });
    expect((await within(stale).findByRole('alert')).textContent).toMatch(/changed since you read it/);
    expect(within(stale).getByText(/^Until /).textContent).toBe(`Until ${new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'long', timeZone: 'UTC' }).format(new Date(w.now() + 48 * 3_600_000))}`);
    fireEvent.click(within(stale).getByRole('button', { name: 'Re-apply my changes' }));
    const summary = await within(detail).findByRole('region', { name: 'Change summary' });
    expect(within(summary).getByRole('article', { name: 'Ari Analyst in Acme Retail' }).textContent).toMatch(/ChangedPlatform Administrator: No → Yes/);
    fireEvent.click(within(summary).getByRole('button', { name: 'Submit' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Access updated: Ari Analyst in Acme Retail.'));
    const row = within(within(detail).getByRole('table', { name: 'Users with access to Acme Retail' })).getByRole('row', { name: /Ari Analyst/ });
    await waitFor(() => expect(row.textContent).toMatch(/Ari Analyst analyst@contoso-msp.exampleYes/));
  });

  it('approves pending requests for more time in bulk with a new end', async () => {
    const analyst = await signIn(ANALYST_EMAIL);
    expect(await requestMoreTime(w.bff, analyst.token, await grantIdOf(analyst.token, 't_globex'), { reason: 'month-end close' })).toMatchObject({ ok: true });
    await open('admin@contoso-msp.example', '?view=requests');
    const table = await screen.findByRole('table', { name: 'Pending requests' });
    expect(within(table).getByRole('row', { name: /Ari Analyst/ }).textContent).toMatch(/Globex Manufacturingmonth-end close/);
    fireEvent.click(within(table).getByRole('checkbox', { name: 'Select all requests' }));
    fireEvent.change(screen.getByLabelText('New end of access'), { target: { value: '48' } });
    fireEvent.click(screen.getByRole('button', { name: 'Approve selected' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Approved 1 request.'));
    expect(await screen.findByText('No pending requests.')).toBeTruthy();
    const context = tenantContextSchema.parse(await (await w.bff.v1.me.context.$get(undefined, { headers: { authorization: `Bearer ${analyst.token}` } })).json());
    expect(context.customers.find((c) => c.tenant_id === 't_globex')?.expires_at).toBe(new Date(w.now() + 48 * 3_600_000).toISOString());
  });

  it('lists users with their customers, and shows one customer’s audit trail', async () => {
    await open('admin@contoso-msp.example');
    fireEvent.click(await screen.findByRole('tab', { name: 'Users' }));
    const users = await screen.findByRole('table', { name: 'Users' });
    await waitFor(() => expect(within(users).getByRole('row', { name: /Ari Analyst/ }).textContent).toMatch(/Acme Retail/));
    expect(within(users).getByRole('row', { name: /Ari Analyst/ }).textContent).toMatch(/Umbrella Health: Hybrid Discovery and Monitoring/);
    cleanup();

    await open('admin@contoso-msp.example', '?tenant=t_acme');
    const detail = await screen.findByRole('region', { name: 'Access to Acme Retail' });
    fireEvent.click(within(detail).getByRole('button', { name: 'Audit trail' }));
    const audit = await within(detail).findByRole('table', { name: 'Audit trail of Acme Retail' });
    expect(within(audit).getAllByRole('row').slice(1).map((r) => r.querySelector('th')!.textContent)).toEqual(expect.arrayContaining(['grant.extend']));
  });
});
