// The chips of a customer row: Platform Administrator, time left, expired, pending, unavailable.
import type { CustomerEntry } from '../../shared/tenant-context';
import { DAY, formatDuration } from './time-left';

export type ChipKind = 'platform-admin' | 'expiring' | 'expiring-soon' | 'expired' | 'pending' | 'unavailable';

export interface Chip {
  kind: ChipKind;
  text: string;
  /** The full reason or instant: the chip's title (shown on hover) and the row's description. */
  detail: string;
}

/** The reader's own locale and time zone unless a test fixes them. */
export interface InstantFormat {
  locale?: string;
  timeZone?: string;
}

/** An instant to the second with the zone's name, e.g. "Tuesday, November 24, 2026 at 9:00:00 AM EST". */
export const exactInstant = (iso: string, format: InstantFormat = {}) => formatterFor(format).format(new Date(iso));

// Building an Intl.DateTimeFormat costs far more than using one: one per locale and zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor({ locale, timeZone }: InstantFormat): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${timeZone ?? ''}`;
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'long', timeZone })));
  return formatter;
}

export function customerChips(entry: CustomerEntry, now: number, format: InstantFormat = {}): Chip[] {
  const chips: Chip[] = [];
  const instant = (iso: string) => exactInstant(iso, format);
  if (entry.platform_admin) chips.push({ kind: 'platform-admin', text: 'Platform Administrator', detail: 'Platform Administrator in this customer' });
  const code = entry.blocked?.code;
  const message = entry.blocked?.message ?? '';
  if (code === 'grant_expired' && entry.expires_at) {
    chips.push({ kind: 'expired', text: `Expired ${formatDuration(now - Date.parse(entry.expires_at))} ago`, detail: `Access expired on ${instant(entry.expires_at)}` });
  } else if (code === 'relationship_pending') {
    chips.push({ kind: 'pending', text: 'Pending approval', detail: `Not switchable: ${message}` });
  } else if (entry.blocked) {
    chips.push({ kind: 'unavailable', text: 'Unavailable', detail: `Not switchable: ${message}` });
  } else if (entry.expires_at) {
    const left = Date.parse(entry.expires_at) - now;
    if (left <= 0) chips.push({ kind: 'expired', text: `Expired ${formatDuration(-left)} ago`, detail: `Access expired on ${instant(entry.expires_at)}` });
    else chips.push({ kind: left < DAY ? 'expiring-soon' : 'expiring', text: `${formatDuration(left)} left`, detail: `Access until ${instant(entry.expires_at)}` });
  }
  return chips;
}
