// Shows the branding editor's draft on this console page as the admin edits it (title, favicon,
// logo, colours, texts, a login-page preview), and puts the published look back the moment the
// editor closes. The background relays both; nothing here is stored.
import { roleName } from '../state/branding-roles';
import { brandingPage } from '../utils/branding-page';
import { onContentMessage } from '../utils/content-messaging';
import type { PageFeature } from './page-feature';

export const brandingPreview: PageFeature = {
  id: 'branding-preview',
  description: 'Shows the branding editor’s unpublished draft on the console page while the editor is open (title, favicon, logo, colours, login page), and the published look again when it closes.',
  run({ ctx, document }) {
    const page = brandingPage(document);
    const stop = onContentMessage((message) => {
      if (message.type === 'branding.preview') page.apply(message.preview, roleName(message.preview.role));
      if (message.type === 'branding.restore') page.restore();
    });
    ctx.onInvalidated(() => (stop(), page.restore()));
  },
};
