// Deciding pending "more time" requests in bulk: the decisions the BFF takes, all or none. An
// approval needs the new expiry: as the analyst asked, or 24 h / 48 h from now, or a custom end.
import type { ExtensionRequestView } from '../../shared/access-admin-extension-requests';
import type { Checked } from './access-admin-assign';

export type NewEndChoice = 'requested' | '24' | '48' | 'custom';
const HOUR = 3_600_000;

type Decision = { id: string; decision: 'approve'; expires_at: string } | { id: string; decision: 'decline' };

/** The new expiry of one request, or why there is none. */
function newEnd(request: ExtensionRequestView, choice: NewEndChoice, customEnd: string, now: number, parseLocal: (v: string) => number): Checked<string> {
  if (choice === '24' || choice === '48') return { ok: true, value: new Date(now + Number(choice) * HOUR).toISOString() };
  if (choice === 'requested') {
    return request.requested_expires_at
      ? { ok: true, value: request.requested_expires_at }
      : { ok: false, problem: `${request.user.name} asked for no particular end for ${request.customer.name}: choose one.` };
  }
  const at = customEnd ? parseLocal(customEnd) : NaN;
  if (!Number.isFinite(at)) return { ok: false, problem: 'Enter the new end of access as a date and time.' };
  if (at <= now) return { ok: false, problem: 'The new end of access must be in the future.' };
  return { ok: true, value: new Date(at).toISOString() };
}

/** The decisions for the selected requests. */
export function decisionsFor(
  requests: readonly ExtensionRequestView[],
  selected: readonly string[],
  verdict: 'approve' | 'decline',
  choice: NewEndChoice,
  customEnd: string,
  now: number,
  parseLocal: (v: string) => number = (v) => new Date(v).getTime(),
): Checked<Decision[]> {
  const chosen = requests.filter((r) => selected.includes(r.id) && r.state === 'pending');
  if (!chosen.length) return { ok: false, problem: 'Select at least one pending request.' };
  if (verdict === 'decline') return { ok: true, value: chosen.map((r) => ({ id: r.id, decision: 'decline' as const })) };
  const decisions: Decision[] = [];
  for (const r of chosen) {
    const end = newEnd(r, choice, customEnd, now, parseLocal);
    if (!end.ok) return end;
    decisions.push({ id: r.id, decision: 'approve', expires_at: end.value });
  }
  return { ok: true, value: decisions };
}
