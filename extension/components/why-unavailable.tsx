// "why?" beside a control the page disabled: asks the background why the signed-in user may not
// use that permission in the tab's customer and shows the BFF's decision in place, with a way on
// to the customer's entitlements.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ExplainResponse } from '../../shared/access-explain';
import type { askBackground } from '../utils/messaging';
import { askExplain } from '../utils/explain-messaging';

type Answer = { state: 'asking' } | { state: 'failed'; message: string } | { state: 'explained'; explanation: ExplainResponse };

interface Props {
  tenantId: string;
  permission: string;
  /** The control's own text, e.g. "Run job". */
  label: string;
  ask?: typeof askBackground;
}

export function WhyUnavailable({ tenantId, permission, label, ask = askExplain }: Props) {
  const [answer, setAnswer] = useState<Answer | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);
  /** Which question is open: an answer to one closed meanwhile is dropped. */
  const asked = useRef(0);
  const open = answer !== null;
  useEffect(() => {
    if (open) dialog.current?.focus();
  }, [open]);

  async function explain() {
    if (open) return close();
    const question = ++asked.current;
    setAnswer({ state: 'asking' });
    const reply = await ask({ type: 'access.explain', tenantId, permission });
    if (question !== asked.current) return;
    setAnswer(reply.ok ? { state: 'explained', explanation: reply.explanation } : { state: 'failed', message: reply.message });
  }
  function close() {
    asked.current++;
    setAnswer(null);
    button.current?.focus();
  }

  return (
    <span class="why">
      <button ref={button} type="button" class="why-button" aria-label={`Why is ${label} unavailable?`} aria-expanded={open} onClick={explain}>
        why?
      </button>
      {answer ? (
        <div
          ref={dialog}
          class="why-popover"
          role="dialog"
          aria-label={`Why ${label} is unavailable`}
          tabIndex={-1}
          onKeyDown={(e) => e.key === 'Escape' && (e.preventDefault(), close())}
        >
          {answer.state === 'asking' ? <p role="status">Asking why…</p> : null}
          {answer.state === 'failed' ? <p class="why-problem">{answer.message}</p> : null}
          {answer.state === 'explained' ? <Explained explanation={answer.explanation} permission={permission} /> : null}
          <div class="why-actions">
            <button type="button" class="why-action" onClick={() => void ask({ type: 'entitlements.open', tenantId, permission })}>
              Open entitlements
            </button>
            <button type="button" class="why-action" onClick={close}>
              Close
            </button>
          </div>
        </div>
      ) : null}
    </span>
  );
}

function Explained({ explanation: e, permission }: { explanation: ExplainResponse; permission: string }) {
  const failing = e.reasons.filter((r) => !r.ok);
  return (
    <>
      <p class={`why-decision is-${e.decision}`}>
        <strong>{e.decision === 'allow' ? 'Allowed' : 'Denied'}</strong>: <code>{permission}</code>
        {e.tenant ? ` in ${e.tenant.name}` : null}
      </p>
      <p class="why-summary">{e.summary}</p>
      {failing.length ? (
        <ul class="why-reasons" aria-label="Failing reasons">
          {failing.map((r, i) => (
            <li key={`${r.code}:${i}`}>{r.message}</li>
          ))}
        </ul>
      ) : e.decision === 'allow' ? (
        <p class="why-note">No check fails now: the page may have been rendered before your access changed. Reload it.</p>
      ) : null}
    </>
  );
}
