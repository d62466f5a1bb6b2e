// The switcher's state: the query, the rows it yields (pinned, recent, then all; or ranked hits),
// the active option, and each customer's last refusal. Signals only: no DOM, no fetch.
import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { CustomerMark } from '../../shared/extension-messages';
import type { CustomerEntry, TenantContext } from '../../shared/tenant-context';
import { searchCustomers } from './customer-search';

export type SwitcherRow = { kind: 'heading'; key: string; label: string } | { kind: 'customer'; key: string; entry: CustomerEntry };

export interface SwitcherInputs {
  context: ReadonlySignal<TenantContext | null>;
  pinned: ReadonlySignal<readonly string[]>;
  marks: ReadonlySignal<Readonly<Record<string, CustomerMark>>>;
}

const section = (label: string, entries: readonly CustomerEntry[]): SwitcherRow[] =>
  entries.length ? [{ kind: 'heading', key: `h:${label}`, label }, ...entries.map((entry): SwitcherRow => ({ kind: 'customer', key: entry.tenant_id, entry }))] : [];

export function createSwitcherState({ context, pinned, marks }: SwitcherInputs) {
  const query = signal('');
  const activeId = signal<string | null>(null);
  const refusals = signal<Readonly<Record<string, string>>>({});
  const switching = signal<string | null>(null);

  const customers = computed(() => context.value?.customers ?? []);
  /** What a query matches: the name, and the analyst's own label for the customer. */
  const haystack = computed(() => customers.value.map((c) => (marks.value[c.tenant_id]?.label ? `${c.name} ${marks.value[c.tenant_id]!.label}` : c.name)));

  const rows = computed((): SwitcherRow[] => {
    const all = customers.value;
    if (query.value.trim()) {
      const hits = searchCustomers(haystack.value, query.value).map((i) => all[i]!);
      return section('Matches', hits);
    }
    const byId = new Map(all.map((c) => [c.tenant_id, c]));
    const pinnedEntries = pinned.value.flatMap((id) => byId.get(id) ?? []);
    const shown = new Set(pinnedEntries.map((c) => c.tenant_id));
    const recentEntries = (context.value?.recents ?? []).flatMap((r) => (shown.has(r.tenant_id) ? [] : (byId.get(r.tenant_id) ?? [])));
    for (const c of recentEntries) shown.add(c.tenant_id);
    const rest = all.filter((c) => !shown.has(c.tenant_id)).sort((a, b) => a.name.localeCompare(b.name));
    return [...section('Pinned', pinnedEntries), ...section('Recent', recentEntries), ...section('All customers', rest)];
  });

  const options = computed(() => rows.value.flatMap((r) => (r.kind === 'customer' ? [r.entry] : [])));
  /** The active option: the one chosen with the keys, else the first. */
  const active = computed(() => options.value.find((c) => c.tenant_id === activeId.value) ?? options.value[0] ?? null);

  function move(delta: number) {
    const list = options.value;
    if (!list.length) return;
    const at = active.value ? list.indexOf(active.value) : -1;
    activeId.value = list[Math.min(list.length - 1, Math.max(0, at + delta))]!.tenant_id;
  }

  return {
    query,
    rows,
    options,
    active,
    refusals,
    switching,
    setQuery(value: string) {
      batch(() => {
        query.value = value;
        activeId.value = null;
      });
    },
    move,
    moveToEdge: (edge: 'first' | 'last') => move(edge === 'first' ? -Infinity : Infinity),
    setActive: (tenantId: string) => (activeId.value = tenantId),
    /** Marks a switch as started (clearing the customer's last refusal) or finished. */
    started(tenantId: string) {
      batch(() => {
        switching.value = tenantId;
        const { [tenantId]: _, ...rest } = refusals.value;
        refusals.value = rest;
      });
    },
    finished(tenantId: string, refusal: string | null) {
      batch(() => {
        switching.value = null;
        if (refusal) refusals.value = { ...refusals.value, [tenantId]: refusal };
      });
    },
  };
}

export type SwitcherState = ReturnType<typeof createSwitcherState>;
