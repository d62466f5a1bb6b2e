import { describe, expect, it } from 'vitest';
import { summarizeChange, type Terms } from './grant-change-summary';

const base: Terms = { platformAdmin: false, role: 'operator', products: ['hybrid_discovery_monitoring'], expiresAt: new Date('2026-12-01T00:00:00Z') };

describe('summarizeChange (seed 003)', () => {
  it('creation adds access, products, role and admin; nothing "changed"', () => {
    const s = summarizeChange(null, { ...base, platformAdmin: true });
    expect(s.added.map((a) => a.kind)).toEqual(['access', 'product', 'role', 'platform_admin']);
    expect(s.removed).toEqual([]);
    expect(s.changed).toEqual([]);
  });

  it('removal removes everything the grant gave', () => {
    const s = summarizeChange(base, null);
    expect(s.removed.map((a) => a.id)).toEqual(['access', 'hybrid_discovery_monitoring', 'operator']);
    expect(s.added).toEqual([]);
  });

  it('an edit lists each changed value and the items added and removed', () => {
    const s = summarizeChange(base, { platformAdmin: false, role: 'admin', products: ['event_incident_management', 'hybrid_discovery_monitoring'], expiresAt: null });
    expect(s.added).toEqual([
      { kind: 'product', id: 'event_incident_management', name: 'Event and Incident Management' },
      { kind: 'role', id: 'admin', name: 'Admin' },
    ]);
    expect(s.removed).toEqual([{ kind: 'role', id: 'operator', name: 'Operator' }]);
    expect(s.changed).toEqual([
      { field: 'expires_at', from: '2026-12-01T00:00:00.000Z', to: null },
      { field: 'role', from: 'operator', to: 'admin' },
      { field: 'products', from: ['hybrid_discovery_monitoring'], to: ['event_incident_management', 'hybrid_discovery_monitoring'] },
    ]);
  });

  it('no change, no summary; product order does not matter', () => {
    expect(summarizeChange(base, { ...base, products: [...base.products] })).toEqual({ added: [], removed: [], changed: [] });
    const two = { ...base, products: ['a', 'b'] };
    expect(summarizeChange(two, { ...two, products: ['b', 'a'] }).changed).toEqual([]);
  });
});
