// 401 for a tenant path without a usable customer token. It names only the tenant id of the path
// (so the extension knows which customer the URL is for), never anything from the token.
import { html } from 'hono/html';
import { TOKEN_FAILURE_REASONS, type TokenFailure } from '../verify-customer-token';
import { layout, type Html } from './layout';

export function signInRequiredPage(pathTenantId: string, failure: TokenFailure): Html {
  return layout({
    title: 'Sign-in required',
    tenantId: pathTenantId,
    main: html`<section class="notice" data-testid="sign-in-required">
<h1>Sign-in required</h1>
<p>Reason: <span data-testid="sign-in-reason">${TOKEN_FAILURE_REASONS[failure]}</span></p>
<p>Pick the customer <code data-testid="path-tenant">${pathTenantId}</code> in the MSP Switchboard switcher to open this page.</p>
</section>`,
  });
}
