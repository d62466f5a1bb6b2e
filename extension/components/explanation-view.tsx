// The BFF's answer to "why can't I …": the decision in words, its summary, the chain of reasons
// in the order the BFF checked them, and the role, Platform Administrator and grant behind it.
import type { ExplainResponse } from '../../shared/access-explain';
import { decisionText, grantText, reasonMark, roleText, type TimeFormat } from '../state/access-labels';

export function ExplanationView({ explanation: e, timeFormat }: { explanation: ExplainResponse; timeFormat?: TimeFormat }) {
  const what = e.permission ?? 'entering the tenant';
  return (
    <section class={`explanation is-${e.decision}`} aria-label="Explanation">
      <p class="decision">
        <strong>{decisionText(e.decision)}</strong>: {what} in {e.tenant?.name ?? 'an unknown tenant'}, for {e.user.email}
      </p>
      <p class="summary">{e.summary}</p>
      <dl class="explanation-facts">
        <dt>Role</dt>
        <dd>{roleText(e.role)}</dd>
        <dt>Platform Administrator</dt>
        <dd>{e.platform_admin ? 'Yes' : 'No'}</dd>
        <dt>Grant</dt>
        <dd>{grantText(e, timeFormat)}</dd>
      </dl>
      <ol class="reasons" aria-label="Reasons">
        {e.reasons.map((r, i) => {
          const mark = reasonMark(r.ok);
          return (
            <li key={i} class={r.ok ? 'is-ok' : 'is-failing'}>
              <span class="mark" aria-hidden="true">
                {mark.symbol}
              </span>{' '}
              <span class="mark-word">{mark.word}</span>: {r.message}
            </li>
          );
        })}
      </ol>
    </section>
  );
}
