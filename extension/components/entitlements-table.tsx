// One list of a tenant's entitlements (packages, add-ons or permission sets) as a table: name,
// Enabled/Denied in words, where it comes from, and the BFF's reason.
import { useId } from 'preact/hooks';
import { sourceText, statusText, type Entitlement } from '../state/access-labels';

interface EntitlementsTableProps {
  title: string;
  rows: readonly Entitlement[];
  deniedOnly: boolean;
}

export function EntitlementsTable({ title, rows, deniedOnly }: EntitlementsTableProps) {
  const headingId = useId();
  const shown = deniedOnly ? rows.filter((r) => !r.enabled) : rows;
  const denied = rows.filter((r) => !r.enabled).length;
  return (
    <section class="entitlements-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p class="count">
        {rows.length - denied} enabled, {denied} denied
      </p>
      {shown.length === 0 ? (
        <p class="empty">Nothing denied.</p>
      ) : (
        <table aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Status</th>
              <th scope="col">Source</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.id} class={r.enabled ? 'is-enabled' : 'is-denied'}>
                <th scope="row">{r.name}</th>
                <td class="status">{statusText(r.enabled)}</td>
                <td>{sourceText(r)}</td>
                <td class="reason">{r.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
