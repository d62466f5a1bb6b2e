// The switcher wired to its data: the cached context, pins and marks from storage, switching
// through the background. Renders the cache at once; the background revalidates it meanwhile.
import { computed } from '@preact/signals';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { createSwitcherState } from '../state/switcher-state';
import { cachedContextOf } from '../utils/cached-context';
import { setMark, togglePin } from '../utils/customer-prefs';
import type { SwitcherStore } from '../utils/switcher-store';
import { askBackground } from '../utils/messaging';
import { whenIdle } from '../utils/when-idle';
import { CurrentCustomer } from './current-customer';
import { Switcher } from './switcher';

interface Props {
  store: SwitcherStore;
  userId: string;
  /** The customer the tab acts for (or whose page it shows), for the header line. */
  current: { tenantId: string | null; active: boolean } | null;
  /** The tab to switch; the content script's own tab when omitted. */
  tabId?: number;
  viewportHeight?: number;
  onClose: () => void;
  onSwitched: () => void;
  /** The list's first paint (from the head of the cached context, or all of it). */
  onRendered?: (customers: number) => void;
  /** Told whether the BFF is unreachable, so the host can hide what it shows from the cache too. */
  onReachability?: (reachable: boolean) => void;
  /** The whole list rendered, searchable. */
  onComplete?: (customers: number) => void;
}

export function SwitcherPanel({ store, userId, current, tabId, viewportHeight, onClose, onSwitched, onRendered, onReachability, onComplete }: Props) {
  const data = useMemo(() => {
    // The whole context once read; until then its head (the first screen and the count of all).
    const whole = computed(() => cachedContextOf(store.cache.value, userId));
    const head = computed(() => (whole.value ? null : cachedContextOf(store.head.value, userId)));
    const context = computed(() => whole.value ?? head.value);
    const customerCount = computed(() => (head.value ? store.head.value!.customerCount : null));
    return { context, whole, pinned: store.pinned, marks: store.marks, state: createSwitcherState({ context, pinned: store.pinned, marks: store.marks, customerCount }) };
  }, [store, userId]);
  const [problem, setProblem] = useState<string | null>(null);
  const [unreachable, setUnreachable] = useState(false);
  useEffect(() => {
    void askBackground({ type: 'context.refresh' }).then((answer) => {
      setProblem(answer.ok ? null : answer.message);
      const down = !answer.ok && answer.error === 'bff_unreachable';
      setUnreachable(down);
      onReachability?.(!down);
    });
  }, [data]);
  const customers = data.context.value?.customers.length ?? 0;
  useEffect(() => {
    if (!customers) return;
    onRendered?.(customers);
  }, [data, customers > 0]);
  const wholeCount = data.whole.value?.customers.length ?? 0;
  useEffect(() => {
    if (!wholeCount) return;
    onComplete?.(wholeCount);
    // The search (uFuzzy, the index of every name) after the first paint, before the first keystroke.
    return whenIdle(() => void data.state.prepare());
  }, [data, wholeCount > 0]);

  async function switchTo(tenantId: string) {
    const { state } = data;
    if (state.switching.value) return;
    state.started(tenantId);
    const answer = await askBackground({ type: 'customer.switch', tenantId, ...(tabId === undefined ? {} : { tabId }) });
    state.finished(tenantId, answer.ok ? null : answer.message);
    if (answer.ok) onSwitched();
  }

  const context = data.context.value;
  // Not the cached list: customers, grants and expiries may have changed since, and a switch would fail.
  if (unreachable) return <p class="switcher-problem" role="alert">{problem}</p>;
  if (!context) return problem ? <p class="switcher-problem" role="alert">{problem}</p> : <p class="switcher-loading" role="status">Loading your customers…</p>;
  const now = Date.now();
  return (
    <>
      {current ? (
        <CurrentCustomer
          tenantId={current.tenantId}
          active={current.active}
          entry={context.customers.find((c) => c.tenant_id === current.tenantId)}
          mark={current.tenantId ? data.marks.value[current.tenantId] : undefined}
          now={now}
        />
      ) : null}
      {problem ? <p class="switcher-problem" role="alert">Showing your customers as last seen: {problem}</p> : null}
      <Switcher
      state={data.state}
      pinned={data.pinned.value}
      marks={data.marks.value}
      now={now}
      viewportHeight={viewportHeight}
      onSwitch={switchTo}
      onClose={onClose}
      onTogglePin={(id) => void togglePin(id)}
      onMark={(id, mark) => void setMark(id, mark)}
      />
    </>
  );
}
