// One customer in the switcher's listbox: an option named by the customer's name, with its
// analyst-chosen colour and label, its chips, and the last refusal as visible text.
import type { CSSProperties } from 'preact';
import type { CustomerMark } from '../../shared/extension-messages';
import type { CustomerEntry } from '../../shared/tenant-context';
import { useContext } from 'preact/hooks';
import { customerChips } from '../state/customer-chips';
import { MoreTimeContext } from './access-admin-more-time-context';

export const optionId = (tenantId: string) => `customer-option-${tenantId}`;

interface CustomerRowProps {
  entry: CustomerEntry;
  mark: CustomerMark | undefined;
  pinned: boolean;
  active: boolean;
  refusal: string | undefined;
  switching: boolean;
  now: number;
  style: CSSProperties;
  onPick: () => void;
  onHover: () => void;
}

export function CustomerRow({ entry, mark, pinned, active, refusal, switching, now, style, onPick, onHover }: CustomerRowProps) {
  const chips = customerChips(entry, now);
  const requestMoreTime = useContext(MoreTimeContext);
  const expiring = chips.some((c) => c.kind === 'expiring' || c.kind === 'expiring-soon');
  const describedBy = `${optionId(entry.tenant_id)}-details`;
  return (
    <div
      id={optionId(entry.tenant_id)}
      role="option"
      aria-selected={active}
      aria-label={entry.name}
      aria-describedby={describedBy}
      aria-disabled={!entry.switchable}
      class={`customer-row${active ? ' is-active' : ''}${entry.switchable ? '' : ' is-blocked'}`}
      style={style}
      onMouseDown={(e) => e.preventDefault() /* keep focus in the search box */}
      onClick={onPick}
      onMouseMove={onHover}
    >
      <span class="customer-swatch" style={{ background: mark?.colour ?? 'transparent' }} aria-hidden="true" />
      <span class="customer-main">
        <span class="customer-name">
          {pinned ? <span aria-hidden="true" class="customer-pin">★ </span> : null}
          {entry.name}
          {mark?.label ? <span class="customer-label" style={{ borderColor: mark.colour }}>{mark.label}</span> : null}
        </span>
        <span id={describedBy} class="customer-details">
          {entry.role ? <span class="customer-role">{entry.role.replace(/_/g, ' ')}</span> : null}
          {chips.map((chip) => (
            <span key={chip.kind} class={`chip chip-${chip.kind}`} title={chip.detail}>
              {chip.text}
            </span>
          ))}
          {chips.filter((c) => c.kind === 'pending' || c.kind === 'unavailable' || c.kind === 'expired').map((c) => (
            <span key={`${c.kind}-why`} class="customer-why">{c.detail}</span>
          ))}
          {switching ? <span class="customer-status">Switching…</span> : null}
          {refusal ? <span class="customer-refusal">{refusal}</span> : null}
          {requestMoreTime && expiring ? (
            <button type="button" class="customer-more-time" aria-label={`Request more time for ${entry.name}`} onClick={(e) => (e.stopPropagation(), requestMoreTime(entry.tenant_id, entry.name))}>
              More time
            </button>
          ) : null}
        </span>
      </span>
    </div>
  );
}
