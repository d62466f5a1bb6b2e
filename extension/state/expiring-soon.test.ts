import { describe, expect, it } from 'vitest';
import { customer } from '../test-support/customers';
import { expiringSoon } from './expiring-soon';
import { DAY, HOUR } from './time-left';

const NOW = Date.parse('2026-11-24T12:00:00.000Z');
const at = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();
const ending = (id: string, offsetMs: number, overrides: Parameters<typeof customer>[2] = {}) => customer(id, `Customer ${id}`, { expires_at: at(offsetMs), ...overrides });
const ids = (list: { tenant_id: string }[]) => list.map((c) => c.tenant_id);

describe('expiringSoon', () => {
  it('includes access ending exactly 7 days from now, and not a millisecond later', () => {
    expect(ids(expiringSoon([ending('t_edge', 7 * DAY), ending('t_past_edge', 7 * DAY + 1)], NOW))).toEqual(['t_edge']);
  });

  it('lists the soonest first', () => {
    const list = [ending('t_week', 6 * DAY), ending('t_hour', HOUR), ending('t_day', DAY)];
    expect(ids(expiringSoon(list, NOW))).toEqual(['t_hour', 't_day', 't_week']);
  });

  it('orders customers ending at the same instant by name', () => {
    const list = [customer('t_b', 'Beta', { expires_at: at(HOUR) }), customer('t_a', 'Alpha', { expires_at: at(HOUR) })];
    expect(ids(expiringSoon(list, NOW))).toEqual(['t_a', 't_b']);
  });

  it('leaves out permanent access, access already ended, and ending now', () => {
    const list = [customer('t_permanent', 'Permanent'), ending('t_ended', -HOUR), ending('t_now', 0), ending('t_soon', 1)];
    expect(ids(expiringSoon(list, NOW))).toEqual(['t_soon']);
  });

  it('leaves out customers that cannot be entered', () => {
    const blocked = ending('t_pending', HOUR, { switchable: false, relationship: 'pending', blocked: { code: 'relationship_pending', message: 'pending' } });
    expect(expiringSoon([blocked, ending('t_ok', HOUR)], NOW).map((c) => c.tenant_id)).toEqual(['t_ok']);
  });

  it('takes another horizon when asked', () => {
    expect(ids(expiringSoon([ending('t_day', DAY), ending('t_two', 2 * DAY)], NOW, 1))).toEqual(['t_day']);
  });
});
