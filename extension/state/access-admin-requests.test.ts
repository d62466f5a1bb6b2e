import { describe, expect, it } from 'vitest';
import type { ExtensionRequestView } from '../../shared/access-admin-extension-requests';
import { decisionsFor } from './access-admin-requests';

const NOW = Date.parse('2026-11-24T12:00:00.000Z');
const request = (id: string, requested: string | null, state: ExtensionRequestView['state'] = 'pending'): ExtensionRequestView => ({
  id, grant_id: `g_${id}`, user: { id: 'u', email: 'a@x.example', name: 'Ari Analyst' }, customer: { id: 't', name: 'Acme Retail' }, reason: 'r', state,
  requested_at: '2026-11-24T11:00:00.000Z', requested_expires_at: requested, current_expires_at: '2026-11-24T13:00:00.000Z', decided_at: null, decided_by: null, approved_expires_at: null, note: null,
});
const list = [request('x1', '2026-11-26T12:00:00.000Z'), request('x2', null), request('x3', null, 'approved')];

describe('decisionsFor', () => {
  it('approves the selected pending requests with 24 or 48 hours from now', () => {
    expect(decisionsFor(list, ['x1', 'x2', 'x3'], 'approve', '48', '', NOW)).toEqual({
      ok: true,
      value: [
        { id: 'x1', decision: 'approve', expires_at: '2026-11-26T12:00:00.000Z' },
        { id: 'x2', decision: 'approve', expires_at: '2026-11-26T12:00:00.000Z' },
      ],
    });
  });

  it('approves as requested, and says which request asked for no end', () => {
    expect(decisionsFor(list, ['x1'], 'approve', 'requested', '', NOW)).toEqual({ ok: true, value: [{ id: 'x1', decision: 'approve', expires_at: '2026-11-26T12:00:00.000Z' }] });
    expect(decisionsFor(list, ['x1', 'x2'], 'approve', 'requested', '', NOW)).toEqual({ ok: false, problem: 'Ari Analyst asked for no particular end for Acme Retail: choose one.' });
  });

  it('declines in bulk, and needs a selection', () => {
    expect(decisionsFor(list, ['x1', 'x2'], 'decline', '24', '', NOW)).toEqual({ ok: true, value: [{ id: 'x1', decision: 'decline' }, { id: 'x2', decision: 'decline' }] });
    expect(decisionsFor(list, [], 'decline', '24', '', NOW)).toEqual({ ok: false, problem: 'Select at least one pending request.' });
  });

  it('takes a custom end in the future only', () => {
    const utc = (v: string) => Date.parse(`${v}Z`);
    expect(decisionsFor(list, ['x2'], 'approve', 'custom', '2026-11-30T08:00', NOW, utc)).toEqual({ ok: true, value: [{ id: 'x2', decision: 'approve', expires_at: '2026-11-30T08:00:00.000Z' }] });
    expect(decisionsFor(list, ['x2'], 'approve', 'custom', '2026-11-20T08:00', NOW, utc)).toEqual({ ok: false, problem: 'The new end of access must be in the future.' });
  });
});
