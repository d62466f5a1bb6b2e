// The analyst's "request more time" form: a reason (required, as the administrator decides on it)
// and, optionally, until when. Pure: the component sends what `validMoreTime` returns.
import { signal } from '@preact/signals';

export const REASON_MAX = 500;

export interface MoreTimeDraft {
  reason: string;
  /** A local date-time from an <input type="datetime-local">, or '' for "as the administrator decides". */
  until: string;
}

export type MoreTimeCheck = { ok: true; reason: string; until: string | null } | { ok: false; problem: string };

/** The draft as a request, or what is wrong with it; `until` must be later than `now`. */
export function validMoreTime(draft: MoreTimeDraft, now: number, parseLocal: (value: string) => number = (v) => new Date(v).getTime()): MoreTimeCheck {
  const reason = draft.reason.trim();
  if (!reason) return { ok: false, problem: 'Say why you need more time: your administrator decides on it.' };
  if (reason.length > REASON_MAX) return { ok: false, problem: `Keep the reason under ${REASON_MAX} characters.` };
  if (!draft.until) return { ok: true, reason, until: null };
  const at = parseLocal(draft.until);
  if (!Number.isFinite(at)) return { ok: false, problem: 'Enter the end as a date and time.' };
  if (at <= now) return { ok: false, problem: 'The new end must be in the future.' };
  return { ok: true, reason, until: new Date(at).toISOString() };
}

export type MoreTimeStatus = { state: 'editing' } | { state: 'sending' } | { state: 'sent'; message: string } | { state: 'failed'; message: string };

/** The form's state for one customer. */
export function createMoreTimeState() {
  const draft = signal<MoreTimeDraft>({ reason: '', until: '' });
  const status = signal<MoreTimeStatus>({ state: 'editing' });
  return {
    draft,
    status,
    edit: (patch: Partial<MoreTimeDraft>) => {
      draft.value = { ...draft.value, ...patch };
      if (status.value.state === 'failed') status.value = { state: 'editing' };
    },
  };
}
