// The HTML document every page shares: head (with the tenant the URL is for), header, nav, main.
import { html, raw } from 'hono/html';
import { CONSOLE_STYLES } from './console-styles';

export type Html = ReturnType<typeof html>;

export interface LayoutOptions {
  title: string;
  /** The tenant of the URL, announced to the extension even when the page refuses to show it. */
  tenantId?: string;
  /** Whom the page acts for, shown in the header bar. */
  acting?: Html;
  nav?: Html;
  main: Html;
  /** Adds /assets/console.js (the page's own fetch calls). */
  script?: boolean;
}

export function layout(options: LayoutOptions): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${options.title} · Contoso Monitor</title>
${options.tenantId ? html`<meta name="switchboard-tenant" content="${options.tenantId}">` : undefined}
<style>${raw(CONSOLE_STYLES)}</style>
${options.script ? html`<script src="/assets/console.js" defer></script>` : undefined}
</head>
<body>
<div id="console-header"><a class="brand" href="/">Contoso Monitor</a>${options.acting}</div>
${options.nav}
<main>${options.main}</main>
</body>
</html>`;
}
