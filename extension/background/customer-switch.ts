// Switching a tab to a customer: exchange the session token, hand the customer token to that tab,
// then land on the same page for the new customer. A refusal changes nothing.
import type { Browser } from 'wxt/browser';
import type { Failure } from '../../shared/extension-messages';
import type { HostAdapter } from '../host-adapters/host-adapter';
import { adapterFor } from '../host-adapters/registry';
import type { BffClient } from '../utils/bff-client';
import { failure } from '../utils/messaging';
import type { Session } from './session';
import type { TabTokens } from './tab-tokens';
import { exchangeForCustomer } from './token-exchange';

type Tabs = Pick<typeof Browser.tabs, 'get' | 'create' | 'update'>;

export interface SwitchDeps {
  bff: BffClient;
  session: Session;
  tabs: Tabs;
  tabTokens: TabTokens;
  adapters: readonly HostAdapter[];
  now: () => number;
  /** Called after each token handed to a tab (renewal is scheduled from here). */
  onHanded: (tabId: number, tokenExpiresAt: Date) => void | Promise<void>;
}

export const SIGNED_OUT = 'Sign in to MSP Switchboard first (toolbar button).';

export function createCustomerSwitch(deps: SwitchDeps) {
  const { bff, session, tabs, tabTokens, adapters, now } = deps;

  /** Switches `tabId` (or, when it is not a page of a monitoring app, a new tab) to `tenantId`. */
  async function switchCustomer(tenantId: string, tabId: number | undefined): Promise<{ ok: true; tenantId: string; url: string } | Failure> {
    const current = await session.current();
    if (!current) return failure('signed_out', SIGNED_OUT);
    const tab = tabId === undefined ? null : await tabs.get(tabId).catch(() => null);
    const here = adapterFor(tab?.url, adapters);
    const adapter = here?.adapter ?? adapters[0]!;
    const exchanged = await exchangeForCustomer(bff, current.token, tenantId, adapter.resource, now());
    if (!exchanged.ok) return exchanged;

    const url = adapter.switchUrl(here?.url ?? null, tenantId);
    const target = here && tab?.id !== undefined ? tab.id : (await tabs.create({ url: 'about:blank', active: true })).id;
    if (target === undefined) return failure('no_tab', 'No browser tab could be opened for the customer.');
    const undo = await tabTokens.hand(target, tenantId, adapter, exchanged.token, exchanged.expiresAt);
    try {
      await tabs.update(target, { url });
    } catch (err) {
      await undo();
      return failure('tab_gone', `The tab could not be moved to the customer (${err instanceof Error ? err.message : 'closed'}); nothing was changed.`);
    }
    await deps.onHanded(target, exchanged.expiresAt);
    return { ok: true, tenantId, url };
  }

  /** Renews a tab's token for the customer it already acts for; false when access has ended. */
  async function renew(tabId: number): Promise<{ ok: true; expiresAt: Date } | Failure> {
    const record = await tabTokens.recordOf(tabId);
    if (!record) return failure('no_customer', 'This tab acts for no customer.');
    const current = await session.current();
    const tab = await tabs.get(tabId).catch(() => null);
    const here = adapterFor(tab?.url, adapters);
    if (!current) return failure('signed_out', SIGNED_OUT);
    if (!here) return failure('left_app', 'The tab has left the monitoring app; its customer token is not renewed.');
    const exchanged = await exchangeForCustomer(bff, current.token, record.tenantId, here.adapter.resource, now());
    if (!exchanged.ok) return exchanged;
    await tabTokens.hand(tabId, record.tenantId, here.adapter, exchanged.token, exchanged.expiresAt);
    await deps.onHanded(tabId, exchanged.expiresAt);
    return { ok: true, expiresAt: exchanged.expiresAt };
  }

  return { switchCustomer, renew };
}

export type CustomerSwitch = ReturnType<typeof createCustomerSwitch>;
