import { describe, expect, it } from 'vitest';
import { customer } from '../test-support/customers';
import { customerChips } from './customer-chips';
import { DAY, HOUR, MINUTE } from './time-left';

const NOW = Date.parse('2026-11-24T12:00:00.000Z');
const at = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();
const acme = (overrides: Parameters<typeof customer>[2] = {}) => customer('t_acme', 'Acme Retail', overrides);
const timeChip = (expiresInMs: number) => customerChips(acme({ expires_at: at(expiresInMs) }), NOW);

describe('customerChips', () => {
  it('gives a permanent, switchable customer no chips at all', () => {
    expect(customerChips(acme(), NOW)).toEqual([]);
  });

  it('names a Platform Administrator grant', () => {
    const chips = customerChips(acme({ platform_admin: true }), NOW);
    expect(chips.map((c) => [c.kind, c.text])).toEqual([['platform-admin', 'Platform Administrator']]);
  });

  it('shows Platform Administrator beside the time left', () => {
    const chips = customerChips(acme({ platform_admin: true, expires_at: at(2 * HOUR) }), NOW);
    expect(chips.map((c) => c.kind)).toEqual(['platform-admin', 'expiring-soon']);
  });

  it('does not call exactly 24 hours left "soon"', () => {
    expect(timeChip(DAY).map((c) => [c.kind, c.text])).toEqual([['expiring', '1d 0h left']]);
  });

  it('calls 23h 59m left "soon"', () => {
    expect(timeChip(DAY - MINUTE).map((c) => [c.kind, c.text])).toEqual([['expiring-soon', '23h 59m left']]);
  });

  it('reads 60 minutes as "1h 0m left" and 59 minutes as "59m left"', () => {
    expect(timeChip(60 * MINUTE)[0]?.text).toBe('1h 0m left');
    expect(timeChip(59 * MINUTE)[0]?.text).toBe('59m left');
  });

  it('reads under a minute as "<1m left"', () => {
    expect(timeChip(30_000).map((c) => [c.kind, c.text])).toEqual([['expiring-soon', '<1m left']]);
  });

  it('says until when access lasts in the detail', () => {
    const [soon] = timeChip(2 * HOUR);
    const [later] = timeChip(40 * DAY);
    expect(soon?.detail).toMatch(/^Access until .*2026/);
    expect(later?.detail).toMatch(/^Access until .*2027/);
  });

  it('gives the exact instant of the end, to the second, in the reader’s zone with its name', () => {
    const entry = acme({ expires_at: '2026-11-24T14:00:00.000Z' });
    const [detroit] = customerChips(entry, NOW, { locale: 'en-US', timeZone: 'America/Detroit' });
    expect(detroit?.detail).toBe('Access until Tuesday, November 24, 2026 at 9:00:00 AM EST');
    const [berlin] = customerChips({ ...entry, expires_at: '2026-07-24T14:00:05.000Z' }, NOW - 200 * DAY, { locale: 'en-GB', timeZone: 'Europe/Berlin' });
    expect(berlin?.detail).toBe('Access until Friday, 24 July 2026 at 16:00:05 CEST');
  });

  it('gives the exact instant an access expired', () => {
    const [chip] = customerChips(acme({ expires_at: '2026-11-24T11:00:00.000Z' }), NOW, { locale: 'en-US', timeZone: 'UTC' });
    expect(chip?.detail).toBe('Access expired on Tuesday, November 24, 2026 at 11:00:00 AM UTC');
  });

  it('uses the reader’s own locale and zone by default', () => {
    const iso = '2026-11-24T14:00:00.000Z';
    const own = new Intl.DateTimeFormat(undefined, { dateStyle: 'full', timeStyle: 'long' }).format(new Date(iso));
    expect(customerChips(acme({ expires_at: iso }), NOW)[0]?.detail).toBe(`Access until ${own}`);
  });

  it('shows a grant the BFF reports expired as "Expired … ago", with when in the detail', () => {
    const entry = acme({ switchable: false, expires_at: at(-3 * HOUR - 5 * MINUTE), blocked: { code: 'grant_expired', message: 'grant g_acme expired' } });
    const chips = customerChips(entry, NOW);
    expect(chips.map((c) => [c.kind, c.text])).toEqual([['expired', 'Expired 3h 5m ago']]);
    expect(chips[0]?.detail).toMatch(/^Access expired on .*2026/);
    expect(customerChips({ ...entry, expires_at: '2025-01-02T00:00:00.000Z' }, NOW)[0]?.detail).toMatch(/^Access expired on .*2025/);
  });

  it('shows a pending relationship as "Pending approval" with the reason', () => {
    const reason = 'relationship t_contoso -> t_umbrella pending customer approval';
    const chips = customerChips(acme({ switchable: false, relationship: 'pending', blocked: { code: 'relationship_pending', message: reason } }), NOW);
    expect(chips).toEqual([{ kind: 'pending', text: 'Pending approval', detail: `Not switchable: ${reason}` }]);
  });

  it('shows any other refusal as "Unavailable" with the reason, even when a time is known', () => {
    const reason = 'Acme Retail is inactive';
    const chips = customerChips(acme({ switchable: false, expires_at: at(2 * HOUR), blocked: { code: 'tenant_inactive', message: reason } }), NOW);
    expect(chips).toEqual([{ kind: 'unavailable', text: 'Unavailable', detail: `Not switchable: ${reason}` }]);
  });

  it('shows an expiry that passed since the context was fetched as expired, not as time left', () => {
    const chips = timeChip(-MINUTE);
    expect(chips.map((c) => c.kind)).toEqual(['expired']);
    expect(chips[0]?.text).not.toMatch(/left/);
  });

  it('says how long ago a cached expiry passed', () => {
    expect(timeChip(-3 * HOUR - 5 * MINUTE)[0]?.text).toBe('Expired 3h 5m ago');
  });
});
