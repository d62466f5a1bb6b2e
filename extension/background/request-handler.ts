// Answers what the popup, the entitlements view and content scripts ask (already parsed and
// allowed by the sender policy).
import type { browser as extensionBrowser } from 'wxt/browser';
import type { BackgroundRequest } from '../../shared/extension-messages';
import type { HostAdapter } from '../host-adapters/host-adapter';
import { adapterFor } from '../host-adapters/registry';
import type { BffClient } from '../utils/bff-client';
import { failure, type MessageSender } from '../utils/messaging';
import { accessAdminCall, isAccessAdminRequest, requestMoreTime } from './access-admin-calls';
import { endRevokedTabs } from './access-admin-revoked-tabs';
import { explainAccess, tenantEntitlements } from './access-queries';
import { createBrandingRequests } from './branding-requests';
import type { ContextSync } from './context-sync';
import { SIGNED_OUT, type CustomerSwitch } from './customer-switch';
import type { Session } from './session';
import type { TabTokens } from './tab-tokens';

export interface RequestServices {
  browser: Pick<typeof extensionBrowser, 'tabs' | 'runtime'>;
  bff: BffClient;
  adapters: readonly HostAdapter[];
  session: Session;
  contextSync: ContextSync;
  customers: CustomerSwitch;
  tabTokens: TabTokens;
  endSession: () => Promise<void>;
  /** Signing in or out changes what every console page's toolbar offers. */
  tellAllConsoleTabs: () => Promise<void>;
  openEntitlements: (tenantId?: string, permission?: string) => Promise<void>;
}

export function createRequestHandler(s: RequestServices) {
  /** Runs `ask` with the session token, or answers that nobody is signed in. */
  const signedIn = async <T>(ask: (token: string) => Promise<T>) => {
    const current = await s.session.current();
    return current ? ask(current.token) : failure('signed_out', SIGNED_OUT);
  };
  const branding = createBrandingRequests(s);

  return async function handle(request: BackgroundRequest, sender: MessageSender): Promise<unknown> {
    const ownTab = sender.tab?.id;
    if (isAccessAdminRequest(request)) return signedIn((token) => accessAdminCall(s.bff, token, request));
    switch (request.type) {
      case 'session.status':
        return { ok: true, user: (await s.session.current())?.user ?? null };
      case 'session.signIn': {
        const answer = await s.session.signIn(request.email, request.password);
        if (answer.ok) void s.session.current().then((current) => current && s.contextSync.refresh(current));
        void s.tellAllConsoleTabs();
        return answer;
      }
      case 'session.signOut':
        await s.endSession();
        void s.tellAllConsoleTabs();
        return { ok: true };
      case 'session.openSignIn':
        await s.browser.tabs.create({ url: s.browser.runtime.getURL('/popup.html') });
        return { ok: true };
      case 'context.refresh':
        return signedIn(async () => {
          const refreshed = await s.contextSync.refresh((await s.session.current())!);
          if (refreshed.ok) await endRevokedTabs({ ...s, tell: (tabId, message) => s.browser.tabs.sendMessage(tabId, message) });
          return refreshed;
        });
      case 'tab.customer': {
        const tabId = request.tabId ?? ownTab;
        const record = tabId === undefined ? null : await s.tabTokens.recordOf(tabId);
        const tab = record || tabId === undefined ? null : await s.browser.tabs.get(tabId).catch(() => null);
        const here = adapterFor(tab?.url, s.adapters);
        const tenantId = record?.tenantId ?? (here ? here.adapter.tenantFromUrl(here.url) : null);
        const customer = tenantId ? await s.contextSync.entryOf(tenantId) : null;
        return { ok: true, tenantId, active: !!record, tokenExpiresAt: record?.tokenExpiresAt ?? null, customer };
      }
      case 'customer.switch': {
        const switched = await s.customers.switchCustomer(request.tenantId, request.tabId ?? ownTab);
        const current = await s.session.current();
        if (switched.ok && current) void s.contextSync.refresh(current); // recents changed
        return switched;
      }
      case 'tenant.entitlements':
        return signedIn((token) => tenantEntitlements(s.bff, token, request.tenantId));
      case 'access.explain':
        return signedIn((token) => explainAccess(s.bff, token, request));
      case 'entitlements.open':
        await s.openEntitlements(request.tenantId, request.permission);
        return { ok: true };
      case 'access.admin.open': {
        const query = new URLSearchParams({ ...(request.tenantId ? { tenant: request.tenantId } : {}), ...(request.view ? { view: request.view } : {}) });
        await s.browser.tabs.create({ url: `${s.browser.runtime.getURL('/access.html')}?${query}` });
        return { ok: true };
      }
      case 'access.moreTime.request':
        return signedIn(async (token) => requestMoreTime(s.bff, token, (await s.contextSync.entryOf(request.tenantId))?.grant_id ?? null, request));
      default:
        return branding(request, signedIn);
    }
  };
}
