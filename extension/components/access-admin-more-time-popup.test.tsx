// "Request more time" from the popup: the expiring-soon list and the switcher row of an expiring
// customer open the form; the in-page switcher (no provider) shows no such button.
import { signal } from '@preact/signals';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CustomerMark } from '../../shared/extension-messages';
import { ANALYST_USER, customer, tenantContext } from '../test-support/customers';
import { fakeBackground } from '../test-support/fake-background';
import type { CachedContext } from '../utils/storage';
import type { SwitcherStore } from '../utils/switcher-store';
import { CustomerRow } from './customer-row';
import { PopupApp } from './popup-app';

const inHours = (h: number) => new Date(Date.now() + h * 3_600_000 + 30_000).toISOString();
const customers = [customer('t_acme', 'Acme Retail'), customer('t_globex', 'Globex Manufacturing', { expires_at: inHours(2) })];

function storeOf(): SwitcherStore {
  const cache = signal<CachedContext | null>({ userId: ANALYST_USER.id, etag: null, contextJson: JSON.stringify(tenantContext(customers)), fetchedAt: new Date().toISOString() });
  return { cache, pinned: signal<readonly string[]>([]), marks: signal<Readonly<Record<string, CustomerMark>>>({}), close: () => undefined } as unknown as SwitcherStore;
}

let background: ReturnType<typeof fakeBackground>;
let user: typeof ANALYST_USER | (Omit<typeof ANALYST_USER, 'role'> & { role: string });
beforeEach(async () => {
  fakeBrowser.reset();
  const [tab] = await fakeBrowser.tabs.query({});
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ ...tab!, id: 7, active: true }]);
  user = ANALYST_USER;
  background = fakeBackground((r) => {
    if (r.type === 'session.status') return { ok: true, user };
    if (r.type === 'tab.customer') return { ok: true, tenantId: null, active: false, tokenExpiresAt: null, customer: null };
    if (r.type === 'access.moreTime.request') return { ok: false, error: 'forbidden', message: 'refused for the test' };
    return { ok: true };
  });
});
afterEach(() => (cleanup(), vi.restoreAllMocks()));

describe('request more time from the popup', () => {
  it('opens the form from the expiring-soon list and sends the reason for that customer', async () => {
    render(<PopupApp store={storeOf()} close={() => undefined} />);
    const section = await screen.findByRole('region', { name: 'Expiring in the next 7 days' });
    fireEvent.click(within(section).getByRole('button', { name: 'Request more time for Globex Manufacturing' }));
    const form = screen.getByRole('form', { name: 'Request more time for Globex Manufacturing' });
    fireEvent.input(within(form).getByLabelText('Reason'), { target: { value: 'audit runs late' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Send request' }));
    await waitFor(() => expect(background.asked.at(-1)).toEqual({ type: 'access.moreTime.request', tenantId: 't_globex', reason: 'audit runs late' }));
    expect((await within(form).findByRole('alert')).textContent).toBe('refused for the test');
  });

  it('offers it on the switcher row of an expiring customer only', async () => {
    render(<PopupApp store={storeOf()} close={() => undefined} />);
    const list = await screen.findByRole('listbox', { name: 'Customers' });
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(2));
    expect(within(list).getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual(['Request more time for Globex Manufacturing']);
    fireEvent.click(within(list).getByRole('button', { name: 'Request more time for Globex Manufacturing' }));
    expect(screen.getByRole('form', { name: 'Request more time for Globex Manufacturing' })).toBeTruthy();
    expect(background.asked.some((r) => r.type === 'customer.switch')).toBe(false); // the button does not switch
  });

  it('shows no button where nothing provides the form (the in-page switcher)', () => {
    const row = customers[1]!;
    render(<CustomerRow entry={row} mark={undefined} pinned={false} active={false} refusal={undefined} switching={false} now={Date.now()} style={{}} onPick={() => undefined} onHover={() => undefined} />);
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('offers "Manage access" to a partner administrator, not to an analyst', async () => {
    render(<PopupApp store={storeOf()} close={() => undefined} />);
    await screen.findByRole('button', { name: 'Entitlements' });
    expect(screen.queryByRole('button', { name: 'Manage access' })).toBeNull();
    cleanup();
    user = { ...ANALYST_USER, role: 'partner_administrator' };
    render(<PopupApp store={storeOf()} close={() => undefined} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Manage access' }));
    await waitFor(() => expect(background.asked.at(-1)).toEqual({ type: 'access.admin.open' }));
  });
});
