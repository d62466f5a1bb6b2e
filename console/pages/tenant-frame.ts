// The frame of a page shown for a verified customer: whom it acts for, the nav, the page.
import { html } from 'hono/html';
import { roleInfo } from '../../shared/catalogue';
import type { CustomerClaims } from '../customer-claims';
import type { PageBranding } from '../page-branding';
import { CONSOLE_PAGES, PAGE_IDS, type PageId } from '../page-catalogue';
import { layout, type Html } from './layout';

function acting(claims: CustomerClaims): Html {
  const roles = claims.roles.map((id) => roleInfo(id)?.name ?? id).join(', ') || 'no product role';
  return html`<div class="acting">Acting for <span data-testid="acting-tenant" data-tenant-id="${claims.tenant_id}">${claims.tenant_name}</span>
 as <span data-testid="acting-user">${claims.email}</span>
 (<span data-testid="acting-roles">${roles}</span>)</div>`;
}

// Relative links: /t/<tenant>/alerts → "dashboard" stays under the same tenant's path, which is
// where the extension's header rule puts the token.
function tenantNav(current: PageId): Html {
  const link = (id: PageId) =>
    html`<a href="${id}" data-testid="nav-${id}"${id === current ? html` aria-current="page"` : undefined}>${CONSOLE_PAGES[id].title}</a>`;
  return html`<nav data-testid="console-nav" aria-label="Console pages">${PAGE_IDS.map(link)}</nav>`;
}

export function tenantFrame(claims: CustomerClaims, pageId: PageId, main: Html, options: { script?: boolean; brand?: PageBranding } = {}): Html {
  const output = options.script ? html`<p><output data-testid="action-result" aria-live="polite"></output></p>` : undefined;
  return layout({
    title: `${CONSOLE_PAGES[pageId].title} · ${claims.tenant_name}`,
    tenantId: claims.tenant_id,
    brand: options.brand,
    acting: acting(claims),
    nav: tenantNav(pageId),
    main: html`${main}${output}`,
    script: options.script,
  });
}
