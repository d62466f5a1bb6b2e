// The background: holds the session, answers the popup and content scripts, switches customers,
// renews tokens and cleans up after closed tabs. Every browser API comes in as a parameter.
import type { browser as extensionBrowser } from 'wxt/browser';
import type { BackgroundRequest } from '../../shared/extension-messages';
import type { HostAdapter } from '../host-adapters/host-adapter';
import { adapterFor } from '../host-adapters/registry';
import type { BffClient } from '../utils/bff-client';
import { serveBackgroundRequests, type MessageSender } from '../utils/messaging';
import { createContextSync } from './context-sync';
import { createCustomerSwitch, SIGNED_OUT } from './customer-switch';
import { acceptRequest, senderKind } from './sender-policy';
import { createSession } from './session';
import { createTabTokens } from './tab-tokens';
import { createTokenRenewal } from './token-renewal';
import { failure } from '../utils/messaging';

export interface BackgroundDeps {
  browser: Pick<typeof extensionBrowser, 'runtime' | 'tabs' | 'alarms' | 'declarativeNetRequest' | 'commands'>;
  bff: BffClient;
  adapters: readonly HostAdapter[];
  now: () => number;
}

export const OPEN_SWITCHER_COMMAND = 'open-in-page-switcher';

export function startBackground({ browser, bff, adapters, now }: BackgroundDeps) {
  const session = createSession({ bff, now });
  const tabTokens = createTabTokens(browser.declarativeNetRequest);
  const renewal = createTokenRenewal(browser.alarms, now);
  const endSession = async () => {
    await session.signOut();
    await Promise.all([tabTokens.dropAll(), contextSync.clear()]);
  };
  const contextSync = createContextSync({ bff, now, onUnauthorized: endSession });
  const customers = createCustomerSwitch({ bff, session, tabs: browser.tabs, tabTokens, adapters, now, onHanded: (tabId, at) => renewal.schedule(tabId, at) });
  const tell = (tabId: number, type: 'tab.changed' | 'switcher.open') => browser.tabs.sendMessage(tabId, { type }).catch(() => undefined);
  /** Signing in or out changes what every console page's toolbar offers. */
  const tellAllConsoleTabs = async () => {
    for (const tab of await browser.tabs.query({})) if (tab.id !== undefined && adapterFor(tab.url, adapters)) void tell(tab.id, 'tab.changed');
  };

  async function handle(request: BackgroundRequest, sender: MessageSender): Promise<unknown> {
    const ownTab = sender.tab?.id;
    switch (request.type) {
      case 'session.status':
        return { ok: true, user: (await session.current())?.user ?? null };
      case 'session.signIn': {
        const signedIn = await session.signIn(request.email, request.password);
        if (signedIn.ok) void session.current().then((s) => s && contextSync.refresh(s));
        void tellAllConsoleTabs();
        return signedIn;
      }
      case 'session.signOut':
        await endSession();
        void tellAllConsoleTabs();
        return { ok: true };
      case 'session.openSignIn':
        await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
        return { ok: true };
      case 'context.refresh': {
        const current = await session.current();
        return current ? contextSync.refresh(current) : failure('signed_out', SIGNED_OUT);
      }
      case 'tab.customer': {
        const tabId = request.tabId ?? ownTab;
        const record = tabId === undefined ? null : await tabTokens.recordOf(tabId);
        const tab = record || tabId === undefined ? null : await browser.tabs.get(tabId).catch(() => null);
        const here = adapterFor(tab?.url, adapters);
        const tenantId = record?.tenantId ?? (here ? here.adapter.tenantFromUrl(here.url) : null);
        const customer = tenantId ? await contextSync.entryOf(tenantId) : null;
        return { ok: true, tenantId, active: !!record, tokenExpiresAt: record?.tokenExpiresAt ?? null, customer };
      }
      case 'customer.switch': {
        const switched = await customers.switchCustomer(request.tenantId, request.tabId ?? ownTab);
        const current = await session.current();
        if (switched.ok && current) void contextSync.refresh(current); // recents changed
        return switched;
      }
    }
  }

  const extensionOrigin = browser.runtime.getURL('/');
  serveBackgroundRequests(handle, (request, sender) => acceptRequest(request, senderKind(sender, browser.runtime.id, extensionOrigin, adapters)), browser.runtime);

  renewal.listen(async (tabId) => {
    const renewed = await customers.renew(tabId);
    if (renewed.ok) return;
    await tabTokens.drop(tabId);
    await tell(tabId, 'tab.changed');
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void tabTokens.drop(tabId);
    void renewal.cancel(tabId);
  });
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== OPEN_SWITCHER_COMMAND) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined && adapterFor(tab.url, adapters)) await tell(tab.id, 'switcher.open');
  });
  return { session, customers, tabTokens, contextSync };
}
