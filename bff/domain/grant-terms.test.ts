import { describe, expect, it } from 'vitest';
import { expiryFor, termProblems } from './grant-terms';

const now = new Date('2026-11-24T12:00:00Z');

describe('grant terms', () => {
  it('durations: permanent, 24 h, 48 h, a custom instant that must be in the future', () => {
    expect(expiryFor({ kind: 'permanent' }, now)).toEqual({ expiresAt: null });
    expect(expiryFor({ kind: 'hours', hours: 24 }, now)).toEqual({ expiresAt: new Date('2026-11-25T12:00:00Z') });
    expect(expiryFor({ kind: 'hours', hours: 48 }, now)).toEqual({ expiresAt: new Date('2026-11-26T12:00:00Z') });
    expect(expiryFor({ kind: 'until', expires_at: '2026-11-24T12:00:00.001Z' }, now)).toEqual({ expiresAt: new Date('2026-11-24T12:00:00.001Z') });
    expect(expiryFor({ kind: 'until', expires_at: '2026-11-24T12:00:00Z' }, now)).toHaveProperty('error');
  });

  it('roles are end-customer roles or none; products are the customer\'s enabled packages, once each', () => {
    const packages = new Set(['hybrid_discovery_monitoring', 'event_incident_management']);
    expect(termProblems(null, [], packages, 'Globex')).toEqual([]);
    expect(termProblems('operator', ['event_incident_management'], packages, 'Globex')).toEqual([]);
    expect(termProblems('platform_administrator', [], packages, 'Globex')).toEqual(['unknown product role platform_administrator']);
    expect(termProblems('partner_administrator', [], packages, 'Globex')).toEqual(['unknown product role partner_administrator']);
    expect(termProblems(null, ['remediation_automation', 'bogus'], packages, 'Globex')).toEqual(['Globex is not subscribed to remediation_automation', 'unknown product bogus']);
    expect(termProblems(null, ['event_incident_management', 'event_incident_management'], packages, 'Globex')).toEqual(['a product is listed twice']);
  });
});
