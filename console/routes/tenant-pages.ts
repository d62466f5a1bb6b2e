// The four pages of one customer, each behind its customer token and its product package.
import { Hono } from 'hono';
import { html } from 'hono/html';
import { scopeOf } from '../customer-claims';
import { requireCustomerToken, type CustomerTokenEnv } from '../customer-token-middleware';
import { CONSOLE_PAGES, PAGE_IDS, type PageId } from '../page-catalogue';
import { accessDeniedNotice } from '../pages/access-denied';
import { controlBar } from '../pages/controls';
import { alertsPage } from '../pages/alerts-page';
import { automationPage } from '../pages/automation-page';
import { dashboardPage } from '../pages/dashboard-page';
import type { Html } from '../pages/layout';
import type { PageContext } from '../pages/page-context';
import { reportsPage } from '../pages/reports-page';
import { signInRequiredPage } from '../pages/sign-in-required-page';
import { tenantFrame } from '../pages/tenant-frame';
import type { BrandingSource } from '../branding-source';
import { pageBranding } from '../page-branding';
import type { TokenVerifierDeps } from '../verify-customer-token';

const RENDERERS: Record<PageId, (context: PageContext) => Html> = {
  dashboard: dashboardPage,
  alerts: alertsPage,
  automation: automationPage,
  reports: reportsPage,
};

export function tenantPages(deps: TokenVerifierDeps & { branding: BrandingSource }) {
  const brandOf = async (tenantId: string) => pageBranding(tenantId, await deps.branding.published(tenantId));
  const guard = requireCustomerToken(deps, async (c, tenantId, failure) => c.html(signInRequiredPage(tenantId, failure, await brandOf(tenantId)), 401));
  // The tenant's login page as anyone sees it before signing in (seed 000's login page branding).
  const pages = new Hono<CustomerTokenEnv>().get('/login', async (c) => {
    const tenantId = c.req.param('tenantId') ?? '';
    return c.html(signInRequiredPage(tenantId, null, await brandOf(tenantId)), 200);
  });
  for (const pageId of PAGE_IDS) {
    pages.get(`/${pageId}`, guard, async (c) => {
      const claims = c.var.claims;
      const brand = await brandOf(claims.tenant_id);
      const page = CONSOLE_PAGES[pageId];
      const packages = new Set(claims.packages);
      if (!packages.has(page.package)) {
        // The page's controls stay in view, disabled (the token carries none of their permissions),
        // so the denial can be explained control by control.
        const denied = html`<h1>${page.title}</h1>${accessDeniedNotice(page.package)}${controlBar(page.controls, scopeOf(claims))}`;
        return c.html(tenantFrame(claims, pageId, denied, { brand }), 403);
      }
      const main = RENDERERS[pageId]({ claims, scope: scopeOf(claims), packages });
      return c.html(tenantFrame(claims, pageId, main, { script: true, brand }), 200);
    });
  }
  return pages;
}
