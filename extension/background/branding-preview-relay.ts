// Carries a branding draft from the editor to the console tab it previews on. The editor holds a
// runtime port named after that tab for as long as it is open; a preview is shown only while that
// port is open, and when it closes (editor closed, crashed or navigated) the tab is told to put the
// published look back. Nothing here is stored: a draft lives only in the editor and the page.
import type { browser as extensionBrowser, Browser } from 'wxt/browser';
import { tabOfPreviewPort, type BrandingPreview } from '../../shared/branding-messages';
import type { HostAdapter } from '../host-adapters/host-adapter';
import { adapterFor } from '../host-adapters/registry';
import { failure } from '../utils/messaging';

type Port = Browser.runtime.Port;
export interface RelayDeps {
  browser: Pick<typeof extensionBrowser, 'tabs' | 'runtime'>;
  adapters: readonly HostAdapter[];
}

export function createBrandingPreviewRelay({ browser, adapters }: RelayDeps) {
  /** Open editor ports per previewed tab (two editors on one tab both keep it previewing). */
  const ports = new Map<number, Set<Port>>();
  const extensionOrigin = browser.runtime.getURL('/');
  const restore = (tabId: number) => browser.tabs.sendMessage(tabId, { type: 'branding.restore' }).catch(() => undefined);

  browser.runtime.onConnect.addListener((port) => {
    const tabId = tabOfPreviewPort(port.name);
    if (tabId === null) return; // someone else's port
    const fromEditor = port.sender?.id === browser.runtime.id && !!port.sender.url?.startsWith(extensionOrigin) && port.sender.tab?.id !== tabId;
    if (!fromEditor) return port.disconnect();
    const open = ports.get(tabId) ?? new Set<Port>();
    open.add(port);
    ports.set(tabId, open);
    port.onDisconnect.addListener(() => {
      open.delete(port);
      if (open.size > 0) return;
      ports.delete(tabId);
      void restore(tabId);
    });
  });

  return {
    /** Shows `preview` on `tabId`, a console page of `tenantId` with an editor holding its port. */
    async show(tabId: number, tenantId: string, preview: BrandingPreview) {
      if (!ports.get(tabId)?.size) return failure('not_previewing', 'Open the branding editor for this tab first; a preview lasts only while the editor is open.');
      const tab = await browser.tabs.get(tabId).catch(() => null);
      const here = adapterFor(tab?.url, adapters);
      if (!here) return failure('not_a_console_tab', 'That tab no longer shows a page of the monitoring console.');
      // One customer's draft is never laid over another customer's page.
      if (here.adapter.tenantFromUrl(here.url) !== tenantId) return failure('other_customer', 'That tab now shows another customer’s page; go back to it to see the preview.');
      // The editor may have closed meanwhile: its restore must stay the last word.
      if (!ports.get(tabId)?.size) return failure('not_previewing', 'The editor closed; the published look is back.');
      // The page's listener answers nothing; only "no receiving end" means the page is not ready.
      const missed = await browser.tabs.sendMessage(tabId, { type: 'branding.preview', preview }).then(
        () => false,
        (err: unknown) => err instanceof Error && /receiving end does not exist/i.test(err.message),
      );
      return missed ? failure('page_not_ready', 'The console page is not ready for a preview yet (still loading). Try again in a moment.') : { ok: true as const };
    },
    isPreviewing: (tabId: number) => (ports.get(tabId)?.size ?? 0) > 0,
  };
}

export type BrandingPreviewRelay = ReturnType<typeof createBrandingPreviewRelay>;
