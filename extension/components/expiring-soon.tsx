// "Expiring in the next 7 days": every customer whose time-bound access ends within a week,
// soonest first, with the time left and, on hover, the exact instant. Collapsed past five.
import type { CustomerEntry } from '../../shared/tenant-context';
import { useContext, useMemo, useState } from 'preact/hooks';
import { customerChips } from '../state/customer-chips';
import { EXPIRING_SOON_DAYS, expiringSoon } from '../state/expiring-soon';
import { MoreTimeContext } from './access-admin-more-time-context';

const SHOWN_OPEN = 5;

export function ExpiringSoon({ customers, now }: { customers: readonly CustomerEntry[]; now: number }) {
  const [open, setOpen] = useState(false);
  const requestMoreTime = useContext(MoreTimeContext);
  const soon = useMemo(() => expiringSoon(customers, now), [customers, Math.floor(now / 60_000)]);
  if (!soon.length) return null;
  const list = (entries: readonly CustomerEntry[]) => (
    <ul class="expiring-list">
      {entries.map((entry) => {
        const chip = customerChips(entry, now).find((c) => c.kind === 'expiring' || c.kind === 'expiring-soon');
        return (
          <li key={entry.tenant_id} class="expiring-item">
            <span class="expiring-name">{entry.name}</span>
            {chip ? (
              <span class={`chip chip-${chip.kind}`} title={chip.detail}>
                {chip.text}
              </span>
            ) : null}
            {requestMoreTime ? (
              <button type="button" class="expiring-more-time" aria-label={`Request more time for ${entry.name}`} onClick={() => requestMoreTime(entry.tenant_id, entry.name)}>
                More time
              </button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
  return (
    <section class="expiring-soon" aria-labelledby="expiring-soon-heading">
      <h2 id="expiring-soon-heading">Expiring in the next {EXPIRING_SOON_DAYS} days</h2>
      {soon.length > SHOWN_OPEN ? (
        // The rest is rendered only once opened: an analyst with hundreds expiring this week must
        // not pay for them on every popup open.
        <>
          {list(soon.slice(0, SHOWN_OPEN))}
          <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
            <summary>Show all {soon.length} customers</summary>
            {open ? list(soon.slice(SHOWN_OPEN)) : null}
          </details>
        </>
      ) : (
        list(soon)
      )}
    </section>
  );
}
