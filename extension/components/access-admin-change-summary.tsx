// The BFF's change summary (seed 003): per user and customer, the original and updated access,
// what is added and removed, and each changed value; the admin confirms or goes back.
import type { ChangeSummary } from '../../shared/access-admin-grants';
import type { TimeFormat } from '../state/access-labels';
import { changedText, itemText, termsLines } from '../state/access-admin-labels';

interface Props {
  summaries: readonly ChangeSummary[];
  timeFormat?: TimeFormat;
  /** The confirming button's name, e.g. "Submit" or "Remove access". */
  confirmLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onBack: () => void;
}

function Terms({ title, terms, format }: { title: string; terms: ChangeSummary['original']; format?: TimeFormat }) {
  return (
    <div class="summary-part">
      <h4>{title}</h4>
      {terms ? (
        <dl class="summary-terms">
          {termsLines(terms, format).map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p class="empty">{title === 'Original' ? 'No access yet' : 'No access'}</p>
      )}
    </div>
  );
}

const List = ({ title, items }: { title: string; items: string[] }) => (
  <div class="summary-part">
    <h4>{title}</h4>
    {items.length ? (
      <ul>
        {items.map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
    ) : (
      <p class="empty">Nothing</p>
    )}
  </div>
);

export function AccessAdminChangeSummary({ summaries, timeFormat, confirmLabel, busy, onConfirm, onBack }: Props) {
  return (
    <section class="change-summary" aria-label="Change summary">
      <h3>Change summary</h3>
      <p class="help">Nothing is changed until you confirm. {summaries.length === 1 ? 'One access changes.' : `${summaries.length} accesses change, all or none.`}</p>
      {summaries.map((s) => (
        <article key={`${s.user.id}:${s.customer.id}`} class="summary" aria-label={`${s.user.name} in ${s.customer.name}`}>
          <h4 class="summary-title">
            {s.user.name} ({s.user.email}) in {s.customer.name}
          </h4>
          <div class="summary-parts">
            <Terms title="Original" terms={s.original} format={timeFormat} />
            <Terms title="Updated" terms={s.updated} format={timeFormat} />
            <List title="Added" items={s.added.map(itemText)} />
            <List title="Removed" items={s.removed.map(itemText)} />
            <List title="Changed" items={s.changed.map((c) => changedText(c, timeFormat))} />
          </div>
        </article>
      ))}
      <span class="actions">
        <button type="button" class="primary" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" onClick={onBack}>
          Back
        </button>
      </span>
    </section>
  );
}
