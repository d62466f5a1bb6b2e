// The background: holds the session, answers the popup, the entitlements view and content scripts,
// switches customers, renews tokens, watches expiry and cleans up after closed tabs. Every browser
// API comes in as a parameter.
import type { browser as extensionBrowser } from 'wxt/browser';
import type { HostAdapter } from '../host-adapters/host-adapter';
import { adapterFor } from '../host-adapters/registry';
import type { BffClient } from '../utils/bff-client';
import { cachedContextOf } from '../utils/cached-context';
import { serveBackgroundRequests } from '../utils/serve-background-requests';
import { contextCacheItem } from '../utils/storage';
import { createContextSync } from './context-sync';
import { createCustomerSwitch } from './customer-switch';
import { createExpiryWatch, type BadgeApi } from './expiry-watch';
import { createRequestHandler } from './request-handler';
import { acceptRequest, senderKind } from './sender-policy';
import { createSession } from './session';
import { createTabTokens } from './tab-tokens';
import { createTokenRenewal } from './token-renewal';

type ExtensionBrowser = typeof extensionBrowser;

export interface BackgroundDeps {
  browser: Pick<ExtensionBrowser, 'runtime' | 'tabs' | 'alarms' | 'declarativeNetRequest' | 'commands' | 'notifications' | 'contextMenus'> & {
    action?: BadgeApi;
    browserAction?: BadgeApi;
  };
  bff: BffClient;
  adapters: readonly HostAdapter[];
  now: () => number;
}

export const OPEN_SWITCHER_COMMAND = 'open-in-page-switcher';
const ENTITLEMENTS_MENU = 'switchboard-entitlements';

export function startBackground({ browser, bff, adapters, now }: BackgroundDeps) {
  const session = createSession({ bff, now });
  const tabTokens = createTabTokens(browser.declarativeNetRequest);
  const renewal = createTokenRenewal(browser.alarms, now);
  const contextSync = createContextSync({ bff, now, onUnauthorized: () => endSession() });
  const tell = (tabId: number, message: { type: 'tab.changed' | 'switcher.open' } | { type: 'access.ended'; tenantId: string; message: string }) =>
    browser.tabs.sendMessage(tabId, message).catch(() => undefined);
  const openEntitlements = async (tenantId?: string, permission?: string) => {
    const query = new URLSearchParams({ ...(tenantId ? { tenant: tenantId } : {}), ...(permission ? { permission } : {}) });
    await browser.tabs.create({ url: `${browser.runtime.getURL('/entitlements.html')}?${query}` });
  };

  /** A tab's access ended or could not be renewed: take its token away and tell the page why. */
  async function endTabAccess(tabId: number, message: string) {
    const record = await tabTokens.recordOf(tabId);
    if (!record) return;
    await tabTokens.drop(tabId);
    await renewal.cancel(tabId);
    await watch.clearTab(tabId, true);
    await tell(tabId, { type: 'access.ended', tenantId: record.tenantId, message });
  }
  const renewOrEnd = async (tabId: number) => {
    const renewed = await customers.renew(tabId);
    if (!renewed.ok) await endTabAccess(tabId, renewed.message);
  };

  const watch = createExpiryWatch({ browser, now, entryOf: (id) => contextSync.entryOf(id), onAccessEnded: renewOrEnd, openAccessView: (id) => openEntitlements(id) });
  const customers = createCustomerSwitch({
    bff,
    session,
    tabs: browser.tabs,
    tabTokens,
    adapters,
    now,
    onHanded: async (tabId, at) => {
      await renewal.schedule(tabId, at);
      await watch.refreshTab(tabId);
    },
  });
  async function endSession() {
    await session.signOut();
    await Promise.all([tabTokens.dropAll(), contextSync.clear()]);
    await watch.refreshAllTabs();
  }
  const tellAllConsoleTabs = async () => {
    for (const tab of await browser.tabs.query({})) if (tab.id !== undefined && adapterFor(tab.url, adapters)) void tell(tab.id, { type: 'tab.changed' });
  };

  const handle = createRequestHandler({ browser, bff, adapters, session, contextSync, customers, tabTokens, endSession, tellAllConsoleTabs, openEntitlements });
  const extensionOrigin = browser.runtime.getURL('/');
  serveBackgroundRequests(handle, (request, sender) => acceptRequest(request, senderKind(sender, browser.runtime.id, extensionOrigin, adapters)), browser.runtime);

  renewal.listen(renewOrEnd);
  // A fresh context (new expiries, grants gone) re-badges every tab and re-plans the warnings.
  contextCacheItem.watch((cache) => {
    const context = cache && cachedContextOf(cache, cache.userId);
    if (context) void watch.scheduleWarnings(context);
    void watch.refreshAllTabs();
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void tabTokens.drop(tabId);
    void renewal.cancel(tabId);
    void watch.clearTab(tabId);
  });
  browser.commands.onCommand.addListener(async (command) => {
    if (command !== OPEN_SWITCHER_COMMAND) return;
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id !== undefined && adapterFor(tab.url, adapters)) await tell(tab.id, { type: 'switcher.open' });
  });
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: ENTITLEMENTS_MENU,
      title: 'Switchboard: entitlements of this customer',
      contexts: ['page', 'link', 'selection'],
      documentUrlPatterns: adapters.flatMap((a) => [...a.matches]),
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== ENTITLEMENTS_MENU) return;
    const here = adapterFor(tab?.url, adapters);
    void openEntitlements(here ? (here.adapter.tenantFromUrl(here.url) ?? undefined) : undefined);
  });
  return { session, customers, tabTokens, contextSync, watch };
}
