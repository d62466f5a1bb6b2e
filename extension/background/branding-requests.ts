// Answers the branding editor's requests (extension pages only: the sender policy never lets a
// content script send these): BFF calls with the session token, previews relayed to a console tab,
// and opening the editor for a tab.
import type { Failure } from '../../shared/extension-messages';
import type { BackgroundRequest } from '../../shared/extension-messages';
import { adapterFor } from '../host-adapters/registry';
import { failure } from '../utils/messaging';
import { createBrandingPreviewRelay, type RelayDeps } from './branding-preview-relay';
import { brandingQueries } from './branding-queries';
import type { BffClient } from '../utils/bff-client';
import type { TabTokens } from './tab-tokens';

export type BrandingRequest = Extract<BackgroundRequest, { type: `branding.${string}` }>;

export interface BrandingRequestDeps extends RelayDeps {
  bff: BffClient;
  tabTokens: Pick<TabTokens, 'recordOf'>;
}

export function createBrandingRequests(s: BrandingRequestDeps) {
  const relay = createBrandingPreviewRelay(s);
  const q = brandingQueries(s.bff);

  /** The customer a console tab is for: the one it acts for, else the one its URL names. */
  async function tenantOfTab(tabId: number) {
    const record = await s.tabTokens.recordOf(tabId);
    if (record) return record.tenantId;
    const tab = await s.browser.tabs.get(tabId).catch(() => null);
    const here = adapterFor(tab?.url, s.adapters);
    return here ? here.adapter.tenantFromUrl(here.url) : null;
  }

  async function open(tabId: number | undefined): Promise<{ ok: true } | Failure> {
    const target = tabId ?? (await s.browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
    const tenantId = target === undefined ? null : await tenantOfTab(target);
    if (target === undefined || !tenantId) return failure('not_a_console_tab', 'Open a customer’s page of the monitoring console first; the editor previews on that tab.');
    const query = new URLSearchParams({ tab: String(target), tenant: tenantId });
    await s.browser.tabs.create({ url: `${s.browser.runtime.getURL('/branding.html')}?${query}` });
    return { ok: true };
  }

  return async function handle(request: BrandingRequest, signedIn: <T>(ask: (token: string) => Promise<T>) => Promise<T | Failure>): Promise<unknown> {
    switch (request.type) {
      case 'branding.open':
        return open(request.tabId);
      case 'branding.preview':
        return relay.show(request.tabId, request.tenantId, request.preview);
      case 'branding.view':
        return signedIn((token) => q.view(token, request.tenantId));
      case 'branding.image':
        return signedIn((token) => q.image(token, request.tenantId, request.imageId));
      case 'branding.upload':
        return signedIn((token) => q.upload(token, request.tenantId, request.field, request.fileName, request.base64));
      case 'branding.saveDraft':
        return signedIn((token) => q.saveDraft(token, request.tenantId, request.baseVersion, request.values));
      case 'branding.changes':
        return signedIn((token) => q.changes(token, request.tenantId, request.version));
      case 'branding.publish':
        return signedIn((token) => q.publish(token, request.tenantId, request.expectedVersion));
      case 'branding.rollback':
        return signedIn((token) => q.rollback(token, request.tenantId, request.toVersion, request.expectedVersion));
    }
  };
}
