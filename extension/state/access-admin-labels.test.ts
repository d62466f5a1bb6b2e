import { describe, expect, it } from 'vitest';
import { managesAccess } from './access-admin-audience';
import { accessKind, accessUntil, changedText, itemText, productsText, termsLines } from './access-admin-labels';

const format = { locale: 'en-US', timeZone: 'UTC' };

describe('access-admin labels', () => {
  it('words a grant’s terms', () => {
    expect(termsLines({ platform_admin: true, role: 'operator', products: ['event_incident_management'], expires_at: null })).toEqual([
      ['Platform Administrator', 'Yes'],
      ['Role', 'Operator'],
      ['Products', 'Event and Incident Management'],
      ['Access', 'Permanent'],
    ]);
    expect(productsText([])).toBe('no products');
    expect(accessUntil('2026-11-25T12:00:00.000Z', format)).toBe('Until Nov 25, 2026, 12:00:00 PM UTC');
    expect([accessKind(null), accessKind('2026-11-25T12:00:00.000Z')]).toEqual(['Permanent', 'Time-limited']);
  });

  it('words each changed value and item', () => {
    expect(changedText({ field: 'expires_at', from: null, to: '2026-11-25T12:00:00.000Z' }, format)).toBe('Expiry: Permanent → Until Nov 25, 2026, 12:00:00 PM UTC');
    expect(changedText({ field: 'role', from: 'operator', to: null })).toBe('Role: Operator → no role');
    expect(changedText({ field: 'platform_admin', from: false, to: true })).toBe('Platform Administrator: No → Yes');
    expect(itemText({ kind: 'product', name: 'Event and Incident Management' })).toBe('Product: Event and Incident Management');
    expect(itemText({ kind: 'access', name: 'Access to the customer' })).toBe('Access to the customer');
  });

  it('offers the access view to administrators and support staff, not to analysts', () => {
    expect(['partner_administrator', 'sp_support', 'platform_administrator', 'partner_analyst', null].map((role) => managesAccess({ role }))).toEqual([true, true, true, false, false]);
  });
});
