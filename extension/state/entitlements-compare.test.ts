import { describe, expect, it } from 'vitest';
import type { EntitlementsResponse } from '../../shared/entitlements';
import { compareEntitlements, differenceCount } from './entitlements-compare';

type Row = EntitlementsResponse['packages'][number];
const row = (id: string, enabled: boolean, reason = enabled ? 'subscribed' : 'not subscribed'): Row => ({
  id,
  name: id.toUpperCase(),
  enabled,
  source: 'own',
  decided_by: { id: 't_x', name: 'X' },
  reason,
});

function tenant(id: string, lists: { packages?: Row[]; addons?: Row[]; sets?: Row[] }): EntitlementsResponse {
  return {
    tenant: { id, name: id, kind: 'client', status: 'active' },
    packages: lists.packages ?? [],
    addons: (lists.addons ?? []).map((a) => ({ ...a, package: 'hybrid_discovery_monitoring' })),
    permission_sets: (lists.sets ?? []).map((s) => ({ ...s, package: null })),
    evaluated_at: '2026-11-24T12:00:00.000Z',
  };
}

describe('compareEntitlements', () => {
  it('pairs rows by id within each kind, packages then add-ons then permission sets, in the left tenant’s order', () => {
    const acme = tenant('t_acme', { packages: [row('hdm', true), row('eim', true), row('ra', true)], addons: [row('logs', true)], sets: [row('jobs', true)] });
    const globex = tenant('t_globex', { packages: [row('ra', false), row('hdm', true), row('eim', true)], addons: [row('logs', true)], sets: [row('jobs', false)] });
    const rows = compareEntitlements(acme, globex);
    expect(rows.map((r) => [r.key, r.left?.enabled, r.right?.enabled, r.differs])).toEqual([
      ['packages:hdm', true, true, false],
      ['packages:eim', true, true, false],
      ['packages:ra', true, false, true],
      ['addons:logs', true, true, false],
      ['permission_sets:jobs', true, false, true],
    ]);
    expect(rows[2]).toMatchObject({ kind: 'packages', id: 'ra', name: 'RA', right: { reason: 'not subscribed' } });
    expect(differenceCount(rows)).toBe(2);
  });

  it('keeps what only one side lists (a partner’s MSP and Clients sets), after the left side’s rows, as a difference', () => {
    const partner = tenant('t_contoso', { sets: [row('msp', true), row('incident', true)] });
    const client = tenant('t_acme', { sets: [row('incident', true), row('portal', false)] });
    const rows = compareEntitlements(partner, client);
    expect(rows.map((r) => [r.id, r.left === null, r.right === null, r.differs])).toEqual([
      ['msp', false, true, true],
      ['incident', false, false, false],
      ['portal', true, false, true],
    ]);
    expect(rows[2]!.name).toBe('PORTAL');
  });

  it('does not count two denials with different reasons as a difference', () => {
    const a = tenant('a', { packages: [row('ra', false, 'A is not subscribed')] });
    const b = tenant('b', { packages: [row('ra', false, 'inherited: B’s partner is not subscribed')] });
    expect(compareEntitlements(a, b)).toEqual([expect.objectContaining({ differs: false })]);
  });

  it('compares a tenant with itself as all equal', () => {
    const acme = tenant('t_acme', { packages: [row('hdm', true), row('ra', false)], addons: [row('logs', false)] });
    expect(differenceCount(compareEntitlements(acme, acme))).toBe(0);
  });
});
