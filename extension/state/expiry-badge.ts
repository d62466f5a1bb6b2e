// The toolbar badge for a tab's customer: time left when under 24 hours ("23h", "45m"), coloured
// by urgency; nothing for permanent access or a day or more.
import { DAY, HOUR, MINUTE } from './time-left';

export type BadgeUrgency = 'today' | 'hour' | 'minutes' | 'ended';

export interface ExpiryBadge {
  text: string;
  colour: string;
  urgency: BadgeUrgency;
}

const COLOURS: Record<BadgeUrgency, string> = { today: '#9a6700', hour: '#bc4c00', minutes: '#cf222e', ended: '#57606a' };

export function expiryBadge(expiresAt: string | null, now: number): ExpiryBadge | null {
  if (!expiresAt) return null;
  const left = Date.parse(expiresAt) - now;
  if (left >= DAY) return null;
  const badge = (text: string, urgency: BadgeUrgency) => ({ text, urgency, colour: COLOURS[urgency] });
  if (left <= 0) return badge('end', 'ended');
  if (left >= HOUR) return badge(`${Math.floor(left / HOUR)}h`, 'today');
  const minutes = Math.max(1, Math.ceil(left / MINUTE));
  return badge(`${minutes}m`, left < 10 * MINUTE ? 'minutes' : 'hour');
}
