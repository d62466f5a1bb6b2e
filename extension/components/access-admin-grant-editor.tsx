// Edit, extend or remove one grant: the changes, the BFF's change summary, then confirm. A stale
// version (409) shows the grant as it is now and lets the admin re-apply the same changes to it.
import { useState } from 'preact/hooks';
import type { GrantView } from '../../shared/access-admin-common';
import type { ChangeSummary, GrantEditRequest } from '../../shared/access-admin-grants';
import { CUSTOMER_ROLE_IDS } from '../../shared/catalogue';
import type { TimeFormat } from '../state/access-labels';
import { toggled, type DurationChoice } from '../state/access-admin-assign';
import { draftOf, grantEdit, reapplied, type GrantEditMode } from '../state/access-admin-grant-edit';
import { productName, roleName, termsLines } from '../state/access-admin-labels';
import type { askBackground } from '../utils/messaging';
import { AccessAdminChangeSummary } from './access-admin-change-summary';

interface Props {
  grant: GrantView;
  mode: GrantEditMode;
  /** The customer's products, offered in the edit. */
  products: readonly string[];
  ask: typeof askBackground;
  now?: () => number;
  timeFormat?: TimeFormat;
  onDone: (message: string) => void;
  onCancel: () => void;
}

const DURATIONS: [DurationChoice | 'keep', string][] = [['keep', 'Keep the current end'], ['permanent', 'Permanent'], ['24', '24 hours'], ['48', '48 hours'], ['custom', 'Custom end']];
const TITLES = { edit: 'Edit access', extend: 'Extend access', remove: 'Remove access' };

/** Removal has no preview endpoint: its summary is the grant as it is, and no access after. */
const removalSummary = (g: GrantView): ChangeSummary => ({
  user: g.user,
  customer: g.customer,
  grant_id: g.id,
  original: { platform_admin: g.platform_admin, role: g.role, products: g.products, expires_at: g.expires_at },
  updated: null,
  added: [],
  removed: [{ kind: 'access', id: g.id, name: `to ${g.customer.name}` }],
  changed: [],
});

export function AccessAdminGrantEditor({ grant: initial, mode, products, ask, now = Date.now, timeFormat, onDone, onCancel }: Props) {
  const [grant, setGrant] = useState(initial);
  const [draft, setDraft] = useState(() => draftOf(initial, mode));
  const [pending, setPending] = useState<{ edit: GrantEditRequest; summaries: ChangeSummary[] } | null>(mode === 'remove' ? { edit: { version: initial.version }, summaries: [removalSummary(initial)] } : null);
  const [conflict, setConflict] = useState<{ message: string; edit: GrantEditRequest } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const who = `${grant.user.name} in ${grant.customer.name}`;

  async function review(edit: GrantEditRequest) {
    setBusy(true);
    const answer = await ask({ type: 'access.grants.preview', grantId: grant.id, edit });
    setBusy(false);
    if (answer.ok) return (setProblem(null), setConflict(null), setPending({ edit, summaries: answer.summaries }));
    if ('current' in answer) return (setGrant(answer.current), setConflict({ message: answer.message, edit }));
    setProblem(answer.message);
  }

  async function confirm() {
    if (!pending) return;
    const { edit } = pending;
    setBusy(true);
    const answer =
      mode === 'remove'
        ? await ask({ type: 'access.grants.remove', grantId: grant.id, version: edit.version })
        : mode === 'extend' && edit.duration
          ? await ask({ type: 'access.grants.extend', grantId: grant.id, version: edit.version, duration: edit.duration })
          : await ask({ type: 'access.grants.edit', grantId: grant.id, edit });
    setBusy(false);
    setPending(null);
    if (answer.ok) return onDone(mode === 'remove' ? `Access removed: ${who}.` : `Access updated: ${who}.`);
    if ('current' in answer) return (setGrant(answer.current), setConflict({ message: answer.message, edit }));
    setProblem(answer.message);
  }

  function submit(e: SubmitEvent) {
    e.preventDefault();
    const edit = grantEdit(grant, draft, now());
    if (!edit.ok) return setProblem(edit.problem);
    void review(edit.value);
  }

  const title = `${TITLES[mode]}: ${who}`;
  if (conflict)
    return (
      <section class="grant-editor" aria-label={title}>
        <h3>{title}</h3>
        <p role="alert" class="problem">{conflict.message}</p>
        <h4>The access as it is now</h4>
        <dl class="summary-terms">
          {termsLines({ platform_admin: grant.platform_admin, role: grant.role, products: grant.products, expires_at: grant.expires_at }, timeFormat).map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
        <span class="actions">
          <button type="button" class="primary" disabled={busy} onClick={() => (mode === 'remove' ? (setConflict(null), setPending({ edit: { version: grant.version }, summaries: [removalSummary(grant)] })) : void review(reapplied(conflict.edit, grant)))}>
            Re-apply my changes
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </span>
      </section>
    );
  if (pending)
    return (
      <section class="grant-editor" aria-label={title}>
        <h3>{title}</h3>
        {problem ? <p role="alert" class="problem">{problem}</p> : null}
        <AccessAdminChangeSummary summaries={pending.summaries} timeFormat={timeFormat} confirmLabel={mode === 'remove' ? 'Yes, remove access' : 'Submit'} busy={busy} onConfirm={() => void confirm()} onBack={mode === 'remove' ? onCancel : () => setPending(null)} />
      </section>
    );
  const durations = mode === 'extend' ? DURATIONS.filter(([d]) => d !== 'keep') : DURATIONS;
  return (
    <form class="grant-editor" aria-label={title} onSubmit={submit}>
      <h3>{title}</h3>
      {mode === 'edit' ? (
        <>
          <label class="toggle">
            <input type="checkbox" checked={draft.platformAdmin} onChange={(e) => setDraft({ ...draft, platformAdmin: e.currentTarget.checked })} />
            Platform Administrator
          </label>
          <label class="field">
            Role
            <select value={draft.role} onChange={(e) => setDraft({ ...draft, role: e.currentTarget.value })}>
              <option value="">No role</option>
              {CUSTOMER_ROLE_IDS.map((r) => (
                <option key={r} value={r}>
                  {roleName(r)}
                </option>
              ))}
            </select>
          </label>
          <fieldset>
            <legend>Products</legend>
            {[...new Set([...products, ...grant.products])].map((p) => (
              <label key={p} class="toggle">
                <input type="checkbox" checked={draft.products.includes(p)} onChange={(e) => setDraft({ ...draft, products: toggled(draft.products, p, e.currentTarget.checked) })} />
                {productName(p)}
              </label>
            ))}
          </fieldset>
        </>
      ) : null}
      <fieldset class="durations">
        <legend>{mode === 'extend' ? 'New end of access' : 'Duration'}</legend>
        {durations.map(([value, label]) => (
          <label key={value} class="toggle">
            <input type="radio" name={`duration-${grant.id}`} checked={draft.duration === value} onChange={() => setDraft({ ...draft, duration: value })} />
            {label}
          </label>
        ))}
        {draft.duration === 'custom' ? (
          <label class="field">
            End of access
            <input type="datetime-local" value={draft.customEnd} onInput={(e) => setDraft({ ...draft, customEnd: e.currentTarget.value })} />
          </label>
        ) : null}
      </fieldset>
      {problem ? <p role="alert" class="problem">{problem}</p> : null}
      <span class="actions">
        <button type="submit" class="primary" disabled={busy}>
          Review changes
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </span>
    </form>
  );
}
