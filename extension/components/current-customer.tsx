// "This tab acts for …": the customer of a tab, with role, Platform Administrator and access expiry.
import type { CustomerMark } from '../../shared/extension-messages';
import type { CustomerEntry } from '../../shared/tenant-context';
import { customerChips } from '../state/customer-chips';

interface Props {
  tenantId: string | null;
  active: boolean;
  entry: CustomerEntry | undefined;
  mark: CustomerMark | undefined;
  now: number;
}

export function CurrentCustomer({ tenantId, active, entry, mark, now }: Props) {
  if (!tenantId) return <p class="current-customer is-none" data-testid="current-customer">No customer in this tab</p>;
  const name = entry?.name ?? tenantId;
  return (
    <p class="current-customer" data-testid="current-customer" style={mark ? { borderLeftColor: mark.colour } : undefined}>
      <span class="current-label">{active ? 'Acting for' : 'Page for (not entered)'}</span>{' '}
      <strong class="current-name">{name}</strong>
      {mark?.label ? <span class="customer-label">{mark.label}</span> : null}
      {entry?.role ? <span class="customer-role">{entry.role.replace(/_/g, ' ')}</span> : null}
      {entry ? customerChips(entry, now).map((c) => <span key={c.kind} class={`chip chip-${c.kind}`} title={c.detail}>{c.text}</span>) : null}
    </p>
  );
}
