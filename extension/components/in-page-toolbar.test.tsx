import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundRequest, TabCustomer } from '../../shared/extension-messages';
import { ANALYST_USER, customer } from '../test-support/customers';
import { fakeBackground, tellPage } from '../test-support/fake-background';
import { contextCacheItem } from '../utils/storage';
import { tenantContext } from '../test-support/customers';
import { mountInPageSwitcher } from './in-page-switcher';
import { InPageToolbar } from './in-page-toolbar';

const USER = ANALYST_USER;
const ENDS = new Date(Date.now() + 2 * 3_600_000 + 30_000).toISOString();
const ACME = customer('t_acme', 'Acme Retail', { expires_at: ENDS });
const ENDED = 'grant g_t_acme expired at 2026-11-24T14:00:00.000Z';

let tab: TabCustomer;
let background: ReturnType<typeof fakeBackground>;
beforeEach(() => {
  fakeBrowser.reset();
  tab = { ok: true, tenantId: 't_acme', active: true, tokenExpiresAt: ENDS, customer: ACME };
  background = fakeBackground((r: BackgroundRequest) => {
    if (r.type === 'session.status') return { ok: true, user: USER };
    if (r.type === 'tab.customer') return tab;
    return { ok: true };
  });
});
afterEach(cleanup);

async function open(loadSwitcher: () => Promise<typeof mountInPageSwitcher> = async () => mountInPageSwitcher) {
  render(<InPageToolbar urlTenantId="t_acme" loadSwitcher={loadSwitcher} />);
  const toolbar = within(screen.getByRole('region', { name: 'MSP Switchboard' }));
  const line = () => screen.getByTestId('toolbar-customer');
  return { toolbar, line };
}

describe('InPageToolbar', () => {
  it('shows the tab’s customer with the exact end of its access on hover', async () => {
    const { line } = await open();
    await waitFor(() => expect(line().textContent).toContain('Acting for Acme Retail'));
    const chip = within(line()).getByText('2h 0m left');
    const exact = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long' }).format(new Date(ENDS));
    expect(chip.getAttribute('title')).toBe(`Access until ${exact}`);
  });

  it('opens the entitlements of the tab’s customer', async () => {
    const { toolbar } = await open();
    fireEvent.click(await toolbar.findByRole('button', { name: 'Entitlements' }));
    await waitFor(() => expect(background.asked.at(-1)).toEqual({ type: 'entitlements.open', tenantId: 't_acme' }));
  });

  it('offers no entitlements button while no customer is active in the tab', async () => {
    tab = { ...tab, active: false, tokenExpiresAt: null };
    const { toolbar, line } = await open();
    await waitFor(() => expect(line().textContent).toBe('No customer active in this tab'));
    expect(toolbar.queryByRole('button', { name: 'Entitlements' })).toBeNull();
    expect(await toolbar.findByRole('button', { name: 'Switch customer' })).toBeTruthy();
  });

  it('says at once when the tab’s access ends, naming the customer and the reason, and offers to switch', async () => {
    const { toolbar, line } = await open();
    await toolbar.findByRole('button', { name: 'Entitlements' });
    expect(toolbar.queryByRole('alert')).toBeNull();
    tab = { ...tab, active: false, tokenExpiresAt: null }; // the background took the token away first
    await tellPage({ type: 'access.ended', tenantId: 't_acme', message: ENDED });
    const alert = await toolbar.findByRole('alert');
    expect(alert.textContent).toContain(`Your access to Acme Retail has ended: ${ENDED}`);
    await waitFor(() => expect(line().textContent).toBe('Access ended'));
    expect(toolbar.queryByRole('button', { name: 'Entitlements' })).toBeNull();

    fireEvent.click(within(alert).getByRole('button', { name: 'Switch customer' }));
    expect(await toolbar.findByRole('dialog', { name: 'Switch customer' })).toBeTruthy();
  });

  it('names the customer by id when it is not known', async () => {
    tab = { ok: true, tenantId: 't_acme', active: true, tokenExpiresAt: ENDS, customer: null };
    const { toolbar } = await open();
    await toolbar.findByRole('button', { name: 'Entitlements' });
    tab = { ...tab, active: false };
    await tellPage({ type: 'access.ended', tenantId: 't_acme', message: ENDED });
    expect((await toolbar.findByRole('alert')).textContent).toContain(`Your access to t_acme has ended: ${ENDED}`);
  });

  it('drops the banner once the tab acts for a customer again', async () => {
    const { toolbar, line } = await open();
    await toolbar.findByRole('button', { name: 'Entitlements' });
    tab = { ...tab, active: false };
    await tellPage({ type: 'access.ended', tenantId: 't_acme', message: ENDED });
    await toolbar.findByRole('alert');
    tab = { ...tab, active: true };
    await tellPage({ type: 'tab.changed' });
    await waitFor(() => expect(toolbar.queryByRole('alert')).toBeNull());
    expect(line().textContent).toContain('Acting for Acme Retail');
  });

  it('loads the switcher when opened and shows it in the dialog, searchable', async () => {
    await contextCacheItem.setValue({ userId: USER.id, etag: null, contextJson: JSON.stringify(tenantContext([ACME])), fetchedAt: ENDS });
    let loads = 0;
    const { toolbar } = await open(async () => (loads++, mountInPageSwitcher));
    expect(loads).toBe(0); // a plain page load carries no switcher
    fireEvent.click(await toolbar.findByRole('button', { name: 'Switch customer' }));
    const dialog = within(await toolbar.findByRole('dialog', { name: 'Switch customer' }));
    expect(await dialog.findByRole('combobox', { name: 'Search customers' })).toBeTruthy();
    expect(await dialog.findByRole('option', { name: 'Acme Retail' })).toBeTruthy();
    expect(loads).toBe(1);
  });

  it('says so when the switcher cannot load', async () => {
    const { toolbar } = await open(() => Promise.reject(new Error('blocked')));
    fireEvent.click(await toolbar.findByRole('button', { name: 'Switch customer' }));
    const dialog = within(await toolbar.findByRole('dialog', { name: 'Switch customer' }));
    expect((await dialog.findByRole('alert')).textContent).toContain('The switcher did not load (blocked)');
  });
});
