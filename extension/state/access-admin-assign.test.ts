import { describe, expect, it } from 'vitest';
import { assignRequest, createAssignState, durationOf, emptyDraft, toggled } from './access-admin-assign';

const NOW = Date.parse('2026-11-24T12:00:00.000Z');
const utc = (v: string) => Date.parse(`${v}Z`);

describe('durationOf', () => {
  it('maps permanent, 24 h and 48 h to the contract’s durations', () => {
    expect(durationOf('permanent', '', NOW)).toEqual({ ok: true, value: { kind: 'permanent' } });
    expect(durationOf('24', '', NOW)).toEqual({ ok: true, value: { kind: 'hours', hours: 24 } });
    expect(durationOf('48', '', NOW)).toEqual({ ok: true, value: { kind: 'hours', hours: 48 } });
  });

  it('takes a custom end in the future only', () => {
    expect(durationOf('custom', '2026-11-30T09:30', NOW, utc)).toEqual({ ok: true, value: { kind: 'until', expires_at: '2026-11-30T09:30:00.000Z' } });
    expect(durationOf('custom', '2026-11-24T11:59', NOW, utc)).toEqual({ ok: false, problem: 'The end of access must be in the future.' });
    expect(durationOf('custom', '', NOW, utc)).toEqual({ ok: false, problem: 'Enter the end of access as a date and time.' });
  });
});

describe('assignRequest', () => {
  const draft = { ...emptyDraft(['u_a', 'u_b'], ['t_acme', 't_globex']), duration: '24' as const, terms: { t_acme: { role: 'operator', products: ['event_incident_management'] } } };

  it('sends users × customers with one duration and Platform Administrator, and per customer its role and products', () => {
    expect(assignRequest({ ...draft, platformAdmin: true }, NOW)).toEqual({
      ok: true,
      value: {
        user_ids: ['u_a', 'u_b'],
        platform_admin: true,
        duration: { kind: 'hours', hours: 24 },
        customers: [
          { customer_id: 't_acme', role: 'operator', products: ['event_incident_management'] },
          { customer_id: 't_globex', role: null, products: [] },
        ],
      },
    });
  });

  it('quick add sends no role and no products', () => {
    const quick = assignRequest({ ...draft, quickAdd: true }, NOW);
    expect(quick.ok && quick.value.customers).toEqual([
      { customer_id: 't_acme', role: null, products: [] },
      { customer_id: 't_globex', role: null, products: [] },
    ]);
  });

  it('asks for a user, a customer and a valid end first', () => {
    expect(assignRequest({ ...draft, userIds: [] }, NOW)).toEqual({ ok: false, problem: 'Choose at least one user.' });
    expect(assignRequest({ ...draft, customerIds: [] }, NOW)).toEqual({ ok: false, problem: 'Choose at least one customer.' });
    expect(assignRequest({ ...draft, duration: 'custom', customEnd: '' }, NOW).ok).toBe(false);
  });
});

describe('the assign state', () => {
  it('edits the draft and one customer’s terms without touching the others', () => {
    const state = createAssignState(emptyDraft([], ['t_acme']));
    state.setTerms('t_acme', { role: 'admin' });
    state.setTerms('t_acme', { products: ['p1'] });
    state.edit({ platformAdmin: true });
    expect(state.draft.value.terms).toEqual({ t_acme: { role: 'admin', products: ['p1'] } });
    expect(state.draft.value.platformAdmin).toBe(true);
    expect(toggled(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(toggled(['a', 'b'], 'a', false)).toEqual(['b']);
    expect(toggled(['a'], 'a', true)).toEqual(['a']);
  });
});
