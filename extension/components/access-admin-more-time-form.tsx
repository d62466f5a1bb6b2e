// "Request more time" for one customer: a reason and, optionally, until when. Sent through the
// background to the BFF; the administrator approves or declines it in the access view, and the
// switcher shows the new expiry once the context is refreshed.
import { useEffect, useId, useMemo, useRef } from 'preact/hooks';
import { createMoreTimeState, REASON_MAX, validMoreTime } from '../state/access-admin-more-time';
import { askBackground } from '../utils/messaging';
import './access-admin-more-time.css';

interface Props {
  tenantId: string;
  name: string;
  now?: () => number;
  ask?: typeof askBackground;
  onClose: () => void;
}

export function AccessAdminMoreTimeForm({ tenantId, name, now = Date.now, ask = askBackground, onClose }: Props) {
  const state = useMemo(createMoreTimeState, [tenantId]);
  const id = useId();
  const reason = useRef<HTMLTextAreaElement>(null);
  useEffect(() => reason.current?.focus(), [tenantId]); // opened from a row button: type the reason at once
  const status = state.status.value;
  const draft = state.draft.value;

  async function send(e: SubmitEvent) {
    e.preventDefault();
    const checked = validMoreTime(draft, now());
    if (!checked.ok) return void (state.status.value = { state: 'failed', message: checked.problem });
    state.status.value = { state: 'sending' };
    const answer = await ask({ type: 'access.moreTime.request', tenantId, reason: checked.reason, ...(checked.until ? { until: checked.until } : {}) });
    state.status.value = answer.ok
      ? { state: 'sent', message: `Request sent: your administrator will approve or decline more time for ${name}.` }
      : { state: 'failed', message: answer.message };
  }

  if (status.state === 'sent')
    return (
      <section class="more-time" aria-label={`More time for ${name}`}>
        <p role="status">{status.message}</p>
        <button type="button" onClick={onClose}>
          Done
        </button>
      </section>
    );
  return (
    <form class="more-time" aria-label={`Request more time for ${name}`} onSubmit={send}>
      <h2>Request more time for {name}</h2>
      <label class="field" for={`${id}-reason`}>
        Reason
      </label>
      <textarea ref={reason} id={`${id}-reason`} maxLength={REASON_MAX} rows={3} value={draft.reason} onInput={(e) => state.edit({ reason: e.currentTarget.value })} />
      <label class="field" for={`${id}-until`}>
        Until (optional)
      </label>
      <input id={`${id}-until`} type="datetime-local" value={draft.until} onInput={(e) => state.edit({ until: e.currentTarget.value })} />
      {status.state === 'failed' ? <p role="alert" class="problem">{status.message}</p> : null}
      <span class="more-time-actions">
        <button type="submit" disabled={status.state === 'sending'}>
          {status.state === 'sending' ? 'Sending…' : 'Send request'}
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </span>
    </form>
  );
}
