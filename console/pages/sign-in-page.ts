// The console's landing page. There is no password form: analysts sign in to the BFF through
// the MSP Switchboard extension, which then hands this console a customer token per tab.
import { html } from 'hono/html';
import { layout, type Html } from './layout';

export function signInPage(): Html {
  return layout({
    title: 'Sign in',
    main: html`<section class="card" data-testid="console-sign-in">
<h1>Sign in to Contoso Monitor</h1>
<p data-testid="no-customer">No customer selected</p>
<p>Analysts enter customers through the MSP Switchboard browser extension: sign in there, then pick a
customer in the switcher. The console opens that customer's dashboard and acts for it with a
short-lived customer token; there is no password to enter here.</p>
</section>`,
  });
}
