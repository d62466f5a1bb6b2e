import { describe, expect, it } from 'vitest';
import { expiryBadge } from './expiry-badge';
import { DAY, HOUR, MINUTE } from './time-left';

const NOW = Date.parse('2026-12-03T12:00:00Z');
const at = (ms: number) => new Date(NOW + ms).toISOString();

describe('expiryBadge', () => {
  it('shows nothing for permanent access', () => {
    expect(expiryBadge(null, NOW)).toBeNull();
  });

  it('shows nothing at exactly 24 hours left, hours just under', () => {
    expect(expiryBadge(at(DAY), NOW)).toBeNull();
    expect(expiryBadge(at(DAY - MINUTE), NOW)).toMatchObject({ text: '23h', urgency: 'today' });
  });

  it('counts whole hours down to exactly 60 minutes, then minutes in the hour colour', () => {
    expect(expiryBadge(at(HOUR), NOW)).toMatchObject({ text: '1h', urgency: 'today' });
    expect(expiryBadge(at(HOUR - 1), NOW)).toMatchObject({ text: '60m', urgency: 'hour' });
    expect(expiryBadge(at(45 * MINUTE), NOW)).toMatchObject({ text: '45m', urgency: 'hour' });
  });

  it('turns urgent under 10 minutes, not at exactly 10', () => {
    expect(expiryBadge(at(10 * MINUTE), NOW)).toMatchObject({ text: '10m', urgency: 'hour' });
    expect(expiryBadge(at(10 * MINUTE - 1), NOW)).toMatchObject({ text: '10m', urgency: 'minutes' });
    expect(expiryBadge(at(5 * 1000), NOW)).toMatchObject({ text: '1m', urgency: 'minutes' });
  });

  it('says the access ended at 0 and after', () => {
    expect(expiryBadge(at(0), NOW)).toMatchObject({ text: 'end', urgency: 'ended' });
    expect(expiryBadge(at(-HOUR), NOW)).toMatchObject({ text: 'end', urgency: 'ended' });
  });

  it('colours each urgency differently', () => {
    const colours = [at(2 * HOUR), at(30 * MINUTE), at(MINUTE), at(-1)].map((e) => expiryBadge(e, NOW)!.colour);
    expect(new Set(colours).size).toBe(4);
  });
});
