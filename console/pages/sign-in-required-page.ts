// 401 for a tenant path without a usable customer token: the tenant's branded login page. It names
// only the tenant id of the path (so the extension knows which customer the URL is for) and what
// the tenant publishes for its login page, never anything from the token.
import { html } from 'hono/html';
import { DEFAULT_BRANDING, type PageBranding } from '../page-branding';
import { TOKEN_FAILURE_REASONS, type TokenFailure } from '../verify-customer-token';
import { loginPanel } from './brand-parts';
import { layout, type Html } from './layout';

export function signInRequiredPage(pathTenantId: string, failure: TokenFailure | null, brand?: PageBranding): Html {
  const reason = failure ? html`<p>Reason: <span data-testid="sign-in-reason">${TOKEN_FAILURE_REASONS[failure]}</span></p>` : undefined;
  return layout({
    title: 'Sign in',
    tenantId: pathTenantId,
    brand,
    main: loginPanel(
      brand ?? DEFAULT_BRANDING,
      html`<section data-testid="sign-in-required">
${failure ? html`<h2>Sign-in required</h2>` : undefined}${reason}
<p>Pick the customer <code data-testid="path-tenant">${pathTenantId}</code> in the MSP Switchboard switcher to open this page.</p>
</section>`,
    ),
  });
}
