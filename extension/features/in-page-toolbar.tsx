// Injects the toolbar into every page of the monitoring app, in a shadow root so neither side's
// styles leak into the other; removed with the content script's context.
import { render } from 'preact';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { InPageToolbar } from '../components/in-page-toolbar';
import type { PageFeature } from './page-feature';

export const inPageToolbar: PageFeature = {
  id: 'in-page-toolbar',
  description: "Shows the tab's customer (colour ribbon, role, expiry) on every console page, with a button that opens the switcher in place.",
  async run({ ctx, adapter, url, document }) {
    const urlTenantId = adapter.tenantFromUrl(url) ?? adapter.tenantFromDocument(document);
    const ui = await createShadowRootUi(ctx, {
      name: 'switchboard-toolbar',
      position: 'inline',
      anchor: 'body',
      append: 'first',
      // Typing in the switcher must not trigger the page's own keyboard shortcuts.
      isolateEvents: ['keydown', 'keyup', 'keypress'],
      onMount: (container) => render(<InPageToolbar urlTenantId={urlTenantId} />, container),
      onRemove: (container) => container && render(null, container),
    });
    ui.mount();
  },
};
