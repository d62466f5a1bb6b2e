// The switcher's state: the query, the rows it yields (pinned, recent, then all; or ranked hits),
// the active option, and each customer's last refusal. Signals only: no DOM, no fetch.
import { batch, computed, signal, type ReadonlySignal } from '@preact/signals';
import type { CustomerMark } from '../../shared/extension-messages';
import type { CustomerEntry, TenantContext } from '../../shared/tenant-context';

// The search (uFuzzy and its index) is loaded on the first keystroke or when the page is idle, not
// before the list's first paint (extension/README.md, "Performance"). One load for every switcher.
type SearchModule = typeof import('./customer-search');
const searchModule = signal<SearchModule | null>(null);
let loading: Promise<void> | null = null;
const loadSearch = () => (loading ??= import('./customer-search').then((m) => void (searchModule.value = m)));

export type SwitcherRow =
  | { kind: 'heading'; key: string; label: string }
  | { kind: 'customer'; key: string; entry: CustomerEntry }
  /** Below the best matches when there are more than the list shows. */
  | { kind: 'more'; key: string; label: string };

// One collator for every comparison: `localeCompare` builds one per call (10,000 names: ~10x slower).
const byName = new Intl.Collator().compare;

export interface SwitcherInputs {
  context: ReadonlySignal<TenantContext | null>;
  pinned: ReadonlySignal<readonly string[]>;
  marks: ReadonlySignal<Readonly<Record<string, CustomerMark>>>;
  /** Set while `context` is only the head of the cached context: how many customers there are in all. */
  customerCount?: ReadonlySignal<number | null>;
}

const section = (label: string, entries: readonly CustomerEntry[]): SwitcherRow[] =>
  entries.length ? [{ kind: 'heading', key: `h:${label}`, label }, ...entries.map((entry): SwitcherRow => ({ kind: 'customer', key: entry.tenant_id, entry }))] : [];

export function createSwitcherState({ context, pinned, marks, customerCount = signal(null) }: SwitcherInputs) {
  const query = signal('');
  const activeId = signal<string | null>(null);
  const refusals = signal<Readonly<Record<string, string>>>({});
  const switching = signal<string | null>(null);

  const customers = computed(() => context.value?.customers ?? []);
  /** What a query matches: the name, and the analyst's own label for the customer. */
  const haystack = computed(() => customers.value.map((c) => (marks.value[c.tenant_id]?.label ? `${c.name} ${marks.value[c.tenant_id]!.label}` : c.name)));

  /** Indexed on first use (or ahead of it, `prepare`); remembers the last query to narrow it. */
  const search = computed(() => searchModule.value?.createCustomerSearch(haystack.value) ?? null);
  /** A query's hits; none while the search is still loading (a moment, once per page). */
  const matches = computed(() => (query.value.trim() ? (search.value?.search(query.value) ?? { ids: [], total: 0 }) : null));

  const rows = computed((): SwitcherRow[] => {
    const all = customers.value;
    const loading: SwitcherRow[] = customerCount.value ? [{ kind: 'more', key: 'loading', label: `Loading all ${customerCount.value.toLocaleString('en')} customers…` }] : [];
    if (query.value.trim() && loading.length) return loading; // the head alone would miss most matches
    if (matches.value) {
      const { ids, total } = matches.value;
      const more: SwitcherRow[] = total > ids.length ? [{ kind: 'more', key: 'more', label: `The best ${ids.length} of ${total.toLocaleString('en')}: type more to narrow them` }] : [];
      return [...section('Matches', ids.map((i) => all[i]!)), ...more];
    }
    const byId = new Map(all.map((c) => [c.tenant_id, c]));
    const pinnedEntries = pinned.value.flatMap((id) => byId.get(id) ?? []);
    const shown = new Set(pinnedEntries.map((c) => c.tenant_id));
    const recentEntries = (context.value?.recents ?? []).flatMap((r) => (shown.has(r.tenant_id) ? [] : (byId.get(r.tenant_id) ?? [])));
    for (const c of recentEntries) shown.add(c.tenant_id);
    const rest = all.filter((c) => !shown.has(c.tenant_id)).sort((a, b) => byName(a.name, b.name));
    return [...section('Pinned', pinnedEntries), ...section('Recent', recentEntries), ...section('All customers', rest), ...loading];
  });

  const options = computed(() => rows.value.flatMap((r) => (r.kind === 'customer' ? [r.entry] : [])));
  /** How many customers the list stands for: every match of the query, though it shows the best. */
  const count = computed(() => (query.value.trim() && customerCount.value ? 0 : (matches.value?.total ?? customerCount.value ?? options.value.length)));
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
    count,
    active,
    /** Loads the search and builds its index ahead of the first keystroke (call when the page is idle). */
    prepare: () => loadSearch().then(() => void search.value),
    refusals,
    switching,
    setQuery(value: string) {
      void loadSearch();
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
