// Before the switch: what acting for the active option would give (role, Platform Administrator,
// the grant's packages) and which packages it would not, read from the cached entry alone.
import type { CustomerEntry } from '../../shared/tenant-context';
import { customerPreview } from '../state/customer-preview';

export function CustomerPreview({ entry }: { entry: CustomerEntry }) {
  const preview = customerPreview(entry);
  return (
    <section class="customer-preview" aria-label={`Before you switch to ${entry.name}`}>
      <p class="preview-acting">
        {preview.acting} · {preview.packages.join(', ')}
      </p>
      {preview.missing.length ? (
        <ul class="preview-missing" aria-label="Not in your grant">
          {preview.missing.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
