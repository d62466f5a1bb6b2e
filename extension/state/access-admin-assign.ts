// The "assign access" draft (seed 003): users × customers, Platform Administrator, a duration
// (permanent, 24 h, 48 h, or a custom end) and, per customer, a role and products; quick add
// leaves role and products out. Pure: `assignRequest` turns the draft into the BFF's body.
import { signal } from '@preact/signals';
import type { Duration } from '../../shared/access-admin-common';
import type { BulkAssignRequest } from '../../shared/access-admin-grants';

export type DurationChoice = 'permanent' | '24' | '48' | 'custom';

export interface AssignDraft {
  userIds: string[];
  customerIds: string[];
  platformAdmin: boolean;
  duration: DurationChoice;
  /** A local date-time (<input type="datetime-local">), for `custom`. */
  customEnd: string;
  quickAdd: boolean;
  /** Per customer: role and products (ignored by quick add). */
  terms: Record<string, { role: string; products: string[] }>;
}

export const emptyDraft = (userIds: string[] = [], customerIds: string[] = []): AssignDraft => ({
  userIds,
  customerIds,
  platformAdmin: false,
  duration: 'permanent',
  customEnd: '',
  quickAdd: false,
  terms: {},
});

export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string };

/** The duration the draft asks for; a custom end must lie after `now`. */
export function durationOf(choice: DurationChoice, customEnd: string, now: number, parseLocal = (v: string) => new Date(v).getTime()): Checked<Duration> {
  if (choice === 'permanent') return { ok: true, value: { kind: 'permanent' } };
  if (choice === '24' || choice === '48') return { ok: true, value: { kind: 'hours', hours: choice === '24' ? 24 : 48 } };
  const at = customEnd ? parseLocal(customEnd) : NaN;
  if (!Number.isFinite(at)) return { ok: false, problem: 'Enter the end of access as a date and time.' };
  if (at <= now) return { ok: false, problem: 'The end of access must be in the future.' };
  return { ok: true, value: { kind: 'until', expires_at: new Date(at).toISOString() } };
}

/** The bulk assignment body, or the first thing to fix. */
export function assignRequest(draft: AssignDraft, now: number, parseLocal?: (v: string) => number): Checked<BulkAssignRequest> {
  if (!draft.userIds.length) return { ok: false, problem: 'Choose at least one user.' };
  if (!draft.customerIds.length) return { ok: false, problem: 'Choose at least one customer.' };
  const duration = durationOf(draft.duration, draft.customEnd, now, parseLocal);
  if (!duration.ok) return duration;
  const customers = draft.customerIds.map((id) => {
    const terms = draft.terms[id];
    return draft.quickAdd || !terms ? { customer_id: id, role: null, products: [] } : { customer_id: id, role: terms.role || null, products: terms.products };
  });
  return { ok: true, value: { user_ids: draft.userIds, platform_admin: draft.platformAdmin, duration: duration.value, customers } };
}

export const toggled = (list: readonly string[], id: string, on: boolean) => (on ? [...new Set([...list, id])] : list.filter((x) => x !== id));

/** The assign form's state: the draft and where the admin is (editing, reviewing the summary, done). */
export function createAssignState(initial: AssignDraft) {
  const draft = signal(initial);
  return {
    draft,
    edit: (patch: Partial<AssignDraft>) => (draft.value = { ...draft.value, ...patch }),
    setTerms: (customerId: string, patch: Partial<{ role: string; products: string[] }>) => {
      const current = draft.value.terms[customerId] ?? { role: '', products: [] };
      draft.value = { ...draft.value, terms: { ...draft.value.terms, [customerId]: { ...current, ...patch } } };
    },
  };
}
export type AssignState = ReturnType<typeof createAssignState>;
