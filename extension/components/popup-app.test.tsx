import { signal } from '@preact/signals';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CustomerMark } from '../../shared/extension-messages';
import { ANALYST_USER, customer, tenantContext } from '../test-support/customers';
import { fakeBackground } from '../test-support/fake-background';
import type { CachedContext } from '../utils/storage';
import type { SwitcherStore } from '../utils/switcher-store';
import { PopupApp } from './popup-app';

const USER = ANALYST_USER;
const inHours = (h: number) => new Date(Date.now() + h * 3_600_000 + 30_000).toISOString();

function storeOf(customers: ReturnType<typeof customer>[]): SwitcherStore {
  const cache = signal<CachedContext | null>({ userId: USER.id, etag: null, contextJson: JSON.stringify(tenantContext(customers)), fetchedAt: new Date().toISOString() });
  return { cache, pinned: signal<readonly string[]>([]), marks: signal<Readonly<Record<string, CustomerMark>>>({}), close: () => undefined } as unknown as SwitcherStore;
}

let tabTenant: string | null;
let refreshAnswer: unknown;
let background: ReturnType<typeof fakeBackground>;
beforeEach(async () => {
  fakeBrowser.reset();
  // The fake browser has no focused window, so no tab is ever the current window's active one.
  const [tab] = await fakeBrowser.tabs.query({});
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ ...tab!, id: 7, active: true }]);
  tabTenant = 't_globex';
  refreshAnswer = { ok: true };
  background = fakeBackground((r) => {
    if (r.type === 'context.refresh') return refreshAnswer;
    if (r.type === 'session.status') return { ok: true, user: USER };
    if (r.type === 'tab.customer') return { ok: true, tenantId: tabTenant, active: !!tabTenant, tokenExpiresAt: null, customer: null };
    return { ok: true };
  });
});
afterEach(() => (cleanup(), vi.restoreAllMocks()));

const customers = [customer('t_acme', 'Acme Retail'), customer('t_globex', 'Globex Manufacturing', { expires_at: inHours(2) }), customer('t_wayne', 'Wayne Logistics', { expires_at: inHours(30) })];

describe('PopupApp', () => {
  it('opens the entitlements of the current tab’s customer', async () => {
    render(<PopupApp store={storeOf(customers)} close={() => undefined} />);
    await waitFor(() => expect(background.asked).toContainEqual({ type: 'tab.customer', tabId: 7 }));
    await waitFor(() => expect(screen.getByTestId('current-customer').textContent).toContain('Globex Manufacturing'));
    fireEvent.click(screen.getByRole('button', { name: 'Entitlements' }));
    await waitFor(() => expect(background.asked.at(-1)).toEqual({ type: 'entitlements.open', tenantId: 't_globex' }));
  });

  it('opens the entitlements view without a tenant when the tab has no customer', async () => {
    tabTenant = null;
    render(<PopupApp store={storeOf(customers)} close={() => undefined} />);
    await waitFor(() => expect(screen.getByTestId('current-customer').textContent).toBe('No customer in this tab'));
    fireEvent.click(screen.getByRole('button', { name: 'Entitlements' }));
    await waitFor(() => expect(background.asked.at(-1)).toEqual({ type: 'entitlements.open' }));
  });

  it('lists the customers whose access ends within a week', async () => {
    render(<PopupApp store={storeOf(customers)} close={() => undefined} />);
    const section = await screen.findByRole('region', { name: 'Expiring in the next 7 days' });
    expect(within(section).getAllByRole('listitem').map((li) => li.firstChild?.textContent)).toEqual(['Globex Manufacturing', 'Wayne Logistics']);
  });
});

describe('PopupApp with the BFF down', () => {
  it('says "Switchboard is unreachable" instead of the customers and expiries last seen', async () => {
    refreshAnswer = { ok: false, error: 'bff_unreachable', message: 'Switchboard is unreachable (fetch failed); nothing was changed. Try again in a moment.' };
    render(<PopupApp store={storeOf(customers)} close={() => undefined} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Switchboard is unreachable/);
    expect(screen.queryByText('Acme Retail')).toBeNull();
    expect(screen.queryByRole('region', { name: 'Expiring in the next 7 days' })).toBeNull();
    expect(screen.queryByRole('listitem')).toBeNull();
  });

  it('keeps the list, marked as last seen, when the BFF answers but refuses', async () => {
    refreshAnswer = { ok: false, error: 'bad_answer', message: 'The Switchboard service sent a tenant context that does not parse.' };
    render(<PopupApp store={storeOf(customers)} close={() => undefined} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Showing your customers as last seen/);
    expect(await screen.findByRole('region', { name: 'Expiring in the next 7 days' })).toBeTruthy();
  });
});
