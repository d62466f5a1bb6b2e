// The HTML document every page shares: head (with the tenant the URL is for and its branding),
// header, nav, main, footer.
import { html, raw } from 'hono/html';
import { DEFAULT_BRANDING, type PageBranding } from '../page-branding';
import { brandFooter, brandHeader, brandStyle, loginTemplate } from './brand-parts';
import { CONSOLE_STYLES } from './console-styles';

export type Html = ReturnType<typeof html>;

export interface LayoutOptions {
  title: string;
  /** The tenant of the URL, announced to the extension even when the page refuses to show it. */
  tenantId?: string;
  /** The tenant's published branding (the console's own look when absent). */
  brand?: PageBranding;
  /** Whom the page acts for, shown in the header bar. */
  acting?: Html;
  nav?: Html;
  main: Html;
  /** Adds /assets/console.js (the page's own fetch calls). */
  script?: boolean;
}

export function layout(options: LayoutOptions): Html {
  const brand = options.brand ?? DEFAULT_BRANDING;
  return html`<!doctype html>
<html lang="en" data-brand-revision="${brand.revision}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" data-brand="favicon" href="${brand.faviconUrl ?? 'data:,'}">
<title>${options.title} · ${brand.siteTitle}</title>
<meta name="switchboard-page-title" content="${options.title}">
${options.tenantId ? html`<meta name="switchboard-tenant" content="${options.tenantId}">` : undefined}
${brandStyle(brand)}
<style>${raw(CONSOLE_STYLES)}</style>
${options.script ? html`<script src="/assets/console.js" defer></script>` : undefined}
</head>
<body>
${brandHeader(brand, options.acting)}
${options.nav}
<main>${options.main}</main>
${brandFooter(brand)}
${loginTemplate(brand)}
</body>
</html>`;
}
