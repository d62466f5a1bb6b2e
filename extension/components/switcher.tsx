// The customer switcher (ARIA combobox pattern): a search box that is a combobox, a virtualised
// listbox of customers, and the active customer's pin, colour and label. Used by the popup and by
// the in-page toolbar alike.
import { useCallback, useEffect, useRef } from 'preact/hooks';
import type { CustomerMark } from '../../shared/extension-messages';
import type { SwitcherRow, SwitcherState } from '../state/switcher-state';
import { CustomerMarkEditor } from './customer-mark-editor';
import { CustomerPreview } from './customer-preview';
import { CustomerRow, optionId } from './customer-row';
import { VirtualList } from './virtual-list';

const LISTBOX_ID = 'switcher-listbox';
const PAGE = 6;

interface SwitcherProps {
  state: SwitcherState;
  pinned: readonly string[];
  marks: Readonly<Record<string, CustomerMark>>;
  now: number;
  viewportHeight?: number;
  onSwitch: (tenantId: string) => void;
  onClose: () => void;
  onTogglePin: (tenantId: string) => void;
  onMark: (tenantId: string, mark: CustomerMark | null) => void;
}

export function Switcher({ state, pinned, marks, now, viewportHeight = 320, onSwitch, onClose, onTogglePin, onMark }: SwitcherProps) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const rows = state.rows.value;
  const active = state.active.value;
  const refusals = state.refusals.value;
  const heightOf = useCallback((row: SwitcherRow) => (row.kind !== 'customer' ? 28 : refusals[row.key] || !row.entry.switchable ? 96 : 56), [refusals]);
  const pick = (tenantId: string) => {
    state.setActive(tenantId);
    onSwitch(tenantId);
  };

  function onKeyDown(e: KeyboardEvent) {
    const moves: Record<string, () => void> = {
      ArrowDown: () => state.move(1),
      ArrowUp: () => state.move(-1),
      PageDown: () => state.move(PAGE),
      PageUp: () => state.move(-PAGE),
      Home: () => state.moveToEdge('first'),
      End: () => state.moveToEdge('last'),
      Enter: () => active && onSwitch(active.tenant_id),
      Escape: () => (state.query.value ? state.setQuery('') : onClose()),
    };
    const action = (e.key === 'Home' || e.key === 'End') && !e.ctrlKey ? undefined : moves[e.key];
    if (e.altKey && (e.code === 'KeyP' || e.key.toLowerCase() === 'p') && active) return void (e.preventDefault(), onTogglePin(active.tenant_id));
    if (!action) return;
    e.preventDefault();
    action();
  }

  return (
    <div class="switcher">
      <input
        ref={input}
        class="switcher-search"
        type="text"
        role="combobox"
        aria-label="Search customers"
        aria-expanded="true"
        aria-controls={LISTBOX_ID}
        aria-autocomplete="list"
        aria-activedescendant={active ? optionId(active.tenant_id) : undefined}
        placeholder="Search customers…"
        autocomplete="off"
        spellcheck={false}
        value={state.query.value}
        onInput={(e) => state.setQuery(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <p class="switcher-count" aria-live="polite">
        {state.count.value} {state.count.value === 1 ? 'customer' : 'customers'}
      </p>
      <VirtualList
        id={LISTBOX_ID}
        role="listbox"
        aria-label="Customers"
        class="switcher-list"
        items={rows}
        heightOf={heightOf}
        viewportHeight={viewportHeight}
        keepInView={active ? rows.findIndex((r) => r.key === active.tenant_id) : -1}
        render={(row, _i, style) =>
          row.kind !== 'customer' ? (
            <div key={row.key} role="presentation" class={row.kind === 'heading' ? 'switcher-heading' : 'switcher-more'} style={style}>
              {row.label}
            </div>
          ) : (
            <CustomerRow
              key={row.key}
              entry={row.entry}
              mark={marks[row.key]}
              pinned={pinned.includes(row.key)}
              active={active?.tenant_id === row.key}
              refusal={refusals[row.key]}
              switching={state.switching.value === row.key}
              now={now}
              style={style}
              onPick={() => pick(row.key)}
              onHover={() => active?.tenant_id !== row.key && state.setActive(row.key)}
            />
          )
        }
      />
      {active ? <CustomerPreview entry={active} /> : null}
      {active ? (
        <CustomerMarkEditor
          key={active.tenant_id}
          entry={active}
          mark={marks[active.tenant_id]}
          pinned={pinned.includes(active.tenant_id)}
          onTogglePin={() => onTogglePin(active.tenant_id)}
          onMark={(mark) => onMark(active.tenant_id, mark)}
        />
      ) : null}
      <p class="switcher-hint">↑↓ choose · Enter switch · Alt+P pin · Esc close</p>
    </div>
  );
}
