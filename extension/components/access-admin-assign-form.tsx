// Assign access (seed 003): one or many users to one or many customers, Platform Administrator,
// duration, and per customer a role and products (or quick add); then the BFF's change summary,
// and only on confirmation the assignment itself, all or nothing.
import { useMemo, useState } from 'preact/hooks';
import type { ChangeSummary } from '../../shared/access-admin-grants';
import { CUSTOMER_ROLE_IDS } from '../../shared/catalogue';
import type { TimeFormat } from '../state/access-labels';
import { assignRequest, createAssignState, emptyDraft, toggled, type DurationChoice } from '../state/access-admin-assign';
import { productName, roleName } from '../state/access-admin-labels';
import type { askBackground } from '../utils/messaging';
import { AccessAdminChangeSummary } from './access-admin-change-summary';

export interface Pickable {
  id: string;
  name: string;
  detail?: string;
  products?: readonly string[];
}

interface Props {
  users: readonly Pickable[];
  customers: readonly Pickable[];
  initialUsers?: string[];
  initialCustomers?: string[];
  ask: typeof askBackground;
  now?: () => number;
  timeFormat?: TimeFormat;
  onDone: (message: string) => void;
  onCancel: () => void;
}

const DURATIONS: [DurationChoice, string][] = [['permanent', 'Permanent'], ['24', '24 hours'], ['48', '48 hours'], ['custom', 'Custom end']];

function Checklist({ legend, items, chosen, onToggle }: { legend: string; items: readonly Pickable[]; chosen: readonly string[]; onToggle: (id: string, on: boolean) => void }) {
  const [filter, setFilter] = useState('');
  const shown = items.filter((i) => `${i.name} ${i.detail ?? ''}`.toLowerCase().includes(filter.trim().toLowerCase()));
  return (
    <fieldset class="checklist">
      <legend>{legend}</legend>
      <input type="search" aria-label={`Find ${legend.toLowerCase()}`} placeholder="Type to find…" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
      <div class="checklist-items">
        {shown.map((i) => (
          <label key={i.id} class="toggle">
            <input type="checkbox" checked={chosen.includes(i.id)} onChange={(e) => onToggle(i.id, e.currentTarget.checked)} />
            {i.name}
            {i.detail ? <span class="muted"> {i.detail}</span> : null}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function AccessAdminAssignForm({ users, customers, initialUsers = [], initialCustomers = [], ask, now = Date.now, timeFormat, onDone, onCancel }: Props) {
  const state = useMemo(() => createAssignState(emptyDraft(initialUsers, initialCustomers)), []);
  const [review, setReview] = useState<ChangeSummary[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const draft = state.draft.value;
  const built = () => assignRequest(state.draft.value, now());

  async function preview(e: SubmitEvent) {
    e.preventDefault();
    const body = built();
    if (!body.ok) return setProblem(body.problem);
    setBusy(true);
    const answer = await ask({ type: 'access.grants.preview', assign: body.value });
    setBusy(false);
    if (!answer.ok) return setProblem(answer.message);
    setProblem(null);
    setReview('summaries' in answer ? answer.summaries : []);
  }

  async function submit() {
    const body = built();
    if (!body.ok) return setProblem(body.problem);
    setBusy(true);
    const answer = await ask({ type: 'access.grants.assign', assign: body.value });
    setBusy(false);
    if (!answer.ok) return (setReview(null), setProblem(answer.message));
    const count = 'result' in answer ? answer.result.grants.length : 0;
    onDone(`Access assigned: ${count} ${count === 1 ? 'grant' : 'grants'}.`);
  }

  if (review)
    return (
      <div class="assign">
        {problem ? <p role="alert" class="problem">{problem}</p> : null}
        <AccessAdminChangeSummary summaries={review} timeFormat={timeFormat} confirmLabel="Submit" busy={busy} onConfirm={() => void submit()} onBack={() => setReview(null)} />
      </div>
    );
  const chosenCustomers = customers.filter((c) => draft.customerIds.includes(c.id));
  return (
    <form class="assign" aria-label="Assign access" onSubmit={preview}>
      <h3>Assign access</h3>
      <div class="assign-pick">
        <Checklist legend="Users" items={users} chosen={draft.userIds} onToggle={(id, on) => state.edit({ userIds: toggled(draft.userIds, id, on) })} />
        <Checklist legend="Customers" items={customers} chosen={draft.customerIds} onToggle={(id, on) => state.edit({ customerIds: toggled(draft.customerIds, id, on) })} />
      </div>
      <label class="toggle">
        <input type="checkbox" checked={draft.platformAdmin} onChange={(e) => state.edit({ platformAdmin: e.currentTarget.checked })} />
        Platform Administrator
      </label>
      <fieldset class="durations">
        <legend>Duration</legend>
        {DURATIONS.map(([value, label]) => (
          <label key={value} class="toggle">
            <input type="radio" name="duration" value={value} checked={draft.duration === value} onChange={() => state.edit({ duration: value })} />
            {label}
          </label>
        ))}
        {draft.duration === 'custom' ? (
          <label class="field">
            End of access
            <input type="datetime-local" value={draft.customEnd} onInput={(e) => state.edit({ customEnd: e.currentTarget.value })} />
          </label>
        ) : null}
      </fieldset>
      <label class="toggle">
        <input type="checkbox" checked={draft.quickAdd} onChange={(e) => state.edit({ quickAdd: e.currentTarget.checked })} />
        Quick add (no role or products)
      </label>
      {draft.quickAdd
        ? null
        : chosenCustomers.map((c) => {
            const terms = draft.terms[c.id] ?? { role: '', products: [] };
            return (
              <fieldset key={c.id} class="customer-terms">
                <legend>Role and products in {c.name}</legend>
                <label class="field">
                  Role in {c.name}
                  <select value={terms.role} onChange={(e) => state.setTerms(c.id, { role: e.currentTarget.value })}>
                    <option value="">No role</option>
                    {CUSTOMER_ROLE_IDS.map((r) => (
                      <option key={r} value={r}>
                        {roleName(r)}
                      </option>
                    ))}
                  </select>
                </label>
                {(c.products ?? []).map((p) => (
                  <label key={p} class="toggle">
                    <input type="checkbox" checked={terms.products.includes(p)} onChange={(e) => state.setTerms(c.id, { products: toggled(terms.products, p, e.currentTarget.checked) })} />
                    {productName(p)}
                  </label>
                ))}
              </fieldset>
            );
          })}
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
