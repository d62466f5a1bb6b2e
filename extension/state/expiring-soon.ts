// The customers whose time-bound access ends within the next days, soonest first: the popup lists
// them so an analyst can finish or ask for more time before it ends.
import type { CustomerEntry } from '../../shared/tenant-context';
import { DAY } from './time-left';

export const EXPIRING_SOON_DAYS = 7;

/** Switchable customers whose access ends after `now` and no later than `days` from it, soonest first. */
export function expiringSoon(customers: readonly CustomerEntry[], now: number, days = EXPIRING_SOON_DAYS): CustomerEntry[] {
  const horizon = now + days * DAY;
  return customers
    .flatMap((entry) => {
      const end = entry.switchable && entry.expires_at ? Date.parse(entry.expires_at) : NaN;
      return end > now && end <= horizon ? [{ entry, end }] : [];
    })
    .sort((a, b) => a.end - b.end || a.entry.name.localeCompare(b.entry.name))
    .map(({ entry }) => entry);
}
