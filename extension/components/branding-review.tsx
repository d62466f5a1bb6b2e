// Before anything is published or rolled back: the BFF's change summary, field by field (as users
// will see it, old and new), and a confirmation. Also the history, each earlier version with its
// own "roll back" that goes through the same review.
import type { BrandingChange, BrandingChanges, BrandingImage, BrandingVersion } from '../../shared/branding';

export interface Review {
  kind: 'publish' | 'rollback';
  /** The version a rollback restores. */
  toVersion?: number;
  changes: BrandingChanges;
}

function Value({ value, sources }: { value: BrandingChange['old']; sources: Record<string, string> }) {
  if (value === null) return <span class="unset">not set (the console’s default)</span>;
  if (typeof value === 'string') return <span>{value}</span>;
  const image = value as BrandingImage;
  const src = sources[image.id];
  return (
    <span class="image-value">
      {src ? <img src={src} alt="" height={24} /> : null}
      {`${image.content_type === 'image/png' ? 'PNG' : 'JPEG'} ${image.width} x ${image.height} px`}
    </span>
  );
}

interface ReviewProps {
  review: Review;
  tenantName: string;
  sources: Record<string, string>;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

export function BrandingReview({ review, tenantName, sources, busy, onConfirm, onCancel }: ReviewProps) {
  const title = review.kind === 'publish' ? `Publish the branding of ${tenantName}` : `Roll back the branding of ${tenantName} to version ${review.toVersion}`;
  const { changes, report } = review.changes;
  const warnings = report.issues.filter((i) => i.severity === 'warning');
  return (
    <div class="review" role="dialog" aria-modal="false" aria-label={title}>
      <h2>{title}</h2>
      {changes.length === 0 ? (
        <p>Nothing changes: users already see this.</p>
      ) : (
        <table aria-label="Changes">
          <thead>
            <tr><th scope="col">Field</th><th scope="col">Now</th><th scope="col">After</th></tr>
          </thead>
          <tbody>
            {changes.map((c) => (
              <tr key={c.field}>
                <th scope="row">{c.label}</th>
                <td><Value value={c.old} sources={sources} /></td>
                <td><Value value={c.new} sources={sources} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {warnings.length ? <ul class="issues" aria-label="Advice before publishing">{warnings.map((w) => <li key={w.code + w.field} class="issue is-warning">{w.message}</li>)}</ul> : null}
      <p class="help">Every user of {tenantName} sees this on their next page load. It is recorded in the history and can be rolled back.</p>
      <div class="actions">
        <button type="button" class="primary" disabled={busy} onClick={onConfirm}>
          {review.kind === 'publish' ? 'Confirm publish' : `Confirm rollback to version ${review.toVersion}`}
        </button>
        <button type="button" disabled={busy} onClick={onCancel}>Cancel</button>
      </div>
    </div>
  );
}

export function BrandingHistory({ history, current, busy, onRollback }: { history: BrandingVersion[]; current: number | null; busy: boolean; onRollback: (version: number) => void }) {
  if (history.length === 0) return <p class="help">Nothing published yet: users see what this tenant inherits.</p>;
  return (
    <ol class="history" aria-label="Published versions" reversed>
      {history.map((v) => (
        <li key={v.version}>
          <span>
            {`Version ${v.version}`}
            {v.action === 'rollback' && v.restored_version ? ` (rollback to ${v.restored_version})` : ''}
            {` · ${v.published_by.email} · ${new Date(v.published_at).toLocaleString()}`}
            {v.version === current ? ' · published now' : ''}
          </span>
          {v.version === current ? null : (
            <button type="button" disabled={busy} onClick={() => onRollback(v.version)}>{`Roll back to version ${v.version}`}</button>
          )}
        </li>
      ))}
    </ol>
  );
}
