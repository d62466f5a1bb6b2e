// "Manage customer access" for the options page: opens the access view in a tab (the view itself
// says what the signed-in user may do there, in the BFF's words).
import { askBackground } from '../utils/messaging';

export function AccessAdminOpenButton({ ask = askBackground }: { ask?: typeof askBackground }) {
  return (
    <section class="access-admin-open" aria-labelledby="access-admin-open-heading">
      <h2 id="access-admin-open-heading">Customer access</h2>
      <p class="help">Partner administrators, customer Platform Administrators and support staff manage relationships, grants and requests for more time here.</p>
      <button type="button" onClick={() => void ask({ type: 'access.admin.open' })}>
        Manage customer access
      </button>
    </section>
  );
}
