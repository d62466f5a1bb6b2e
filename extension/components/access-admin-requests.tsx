// Pending "more time" requests: select some or all, then approve them with a new end of access
// or decline them, in one all-or-nothing request.
import { useEffect, useState } from 'preact/hooks';
import type { ExtensionRequestView } from '../../shared/access-admin-extension-requests';
import type { TimeFormat } from '../state/access-labels';
import { toggled } from '../state/access-admin-assign';
import { accessUntil } from '../state/access-admin-labels';
import { decisionsFor, type NewEndChoice } from '../state/access-admin-requests';
import type { askBackground } from '../utils/messaging';

interface Props {
  ask: typeof askBackground;
  now?: () => number;
  timeFormat?: TimeFormat;
  onChanged?: () => void;
}

const CHOICES: [NewEndChoice, string][] = [['requested', 'As requested'], ['24', '24 hours from now'], ['48', '48 hours from now'], ['custom', 'Custom end']];

export function AccessAdminRequests({ ask, now = Date.now, timeFormat, onChanged }: Props) {
  const [requests, setRequests] = useState<ExtensionRequestView[] | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [choice, setChoice] = useState<NewEndChoice>('24');
  const [customEnd, setCustomEnd] = useState('');
  const [status, setStatus] = useState<{ kind: 'problem' | 'done'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function load() {
    const answer = await ask({ type: 'access.requests.list', state: 'pending' });
    if (!answer.ok) return setStatus({ kind: 'problem', text: answer.message });
    setRequests(answer.requests);
    setSelected((s) => s.filter((id) => answer.requests.some((r) => r.id === id)));
  }
  useEffect(() => void load(), []);

  async function decide(verdict: 'approve' | 'decline') {
    const decisions = decisionsFor(requests ?? [], selected, verdict, choice, customEnd, now());
    if (!decisions.ok) return setStatus({ kind: 'problem', text: decisions.problem });
    setBusy(true);
    const answer = await ask({ type: 'access.requests.decide', decisions: decisions.value });
    setBusy(false);
    if (!answer.ok) return setStatus({ kind: 'problem', text: answer.message });
    const n = decisions.value.length;
    setStatus({ kind: 'done', text: `${verdict === 'approve' ? 'Approved' : 'Declined'} ${n} ${n === 1 ? 'request' : 'requests'}.` });
    setSelected([]);
    onChanged?.();
    await load();
  }

  if (!requests) return status ? <p role="alert" class="problem">{status.text}</p> : <p role="status">Loading requests…</p>;
  return (
    <section class="requests" aria-labelledby="requests-heading">
      <h2 id="requests-heading">Requests for more time</h2>
      {status ? <p role={status.kind === 'problem' ? 'alert' : 'status'} class={status.kind === 'problem' ? 'problem' : 'done'}>{status.text}</p> : null}
      {requests.length === 0 ? (
        <p class="empty">No pending requests.</p>
      ) : (
        <>
          <table aria-label="Pending requests">
            <thead>
              <tr>
                <th scope="col">
                  <input type="checkbox" aria-label="Select all requests" checked={selected.length === requests.length} onChange={(e) => setSelected(e.currentTarget.checked ? requests.map((r) => r.id) : [])} />
                </th>
                <th scope="col">User</th>
                <th scope="col">Customer</th>
                <th scope="col">Reason</th>
                <th scope="col">Access now</th>
                <th scope="col">Asked for</th>
              </tr>
            </thead>
            <tbody>
              {requests.map((r) => (
                <tr key={r.id}>
                  <td>
                    <input type="checkbox" aria-label={`Select the request of ${r.user.name} for ${r.customer.name}`} checked={selected.includes(r.id)} onChange={(e) => setSelected(toggled(selected, r.id, e.currentTarget.checked))} />
                  </td>
                  <th scope="row">
                    {r.user.name} <span class="muted">{r.user.email}</span>
                  </th>
                  <td>{r.customer.name}</td>
                  <td>{r.reason}</td>
                  <td>{accessUntil(r.current_expires_at, timeFormat)}</td>
                  <td>{r.requested_expires_at ? accessUntil(r.requested_expires_at, timeFormat) : 'No particular end'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div class="decide">
            <label class="field">
              New end of access
              <select value={choice} onChange={(e) => setChoice(e.currentTarget.value as NewEndChoice)}>
                {CHOICES.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </label>
            {choice === 'custom' ? (
              <label class="field">
                Custom end
                <input type="datetime-local" value={customEnd} onInput={(e) => setCustomEnd(e.currentTarget.value)} />
              </label>
            ) : null}
            <button type="button" class="primary" disabled={busy} onClick={() => void decide('approve')}>
              Approve selected
            </button>
            <button type="button" disabled={busy} onClick={() => void decide('decline')}>
              Decline selected
            </button>
          </div>
        </>
      )}
    </section>
  );
}
