// The switcher wired to its data: the cached context, pins and marks from storage, switching
// through the background. Renders the cache at once; the background revalidates it meanwhile.
import { computed } from '@preact/signals';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { createSwitcherState } from '../state/switcher-state';
import { cachedContextOf } from '../utils/cached-context';
import { setMark, togglePin } from '../utils/customer-prefs';
import type { SwitcherStore } from '../utils/switcher-store';
import { askBackground } from '../utils/messaging';
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
  onRendered?: (customers: number) => void;
  /** Told whether the BFF is unreachable, so the host can hide what it shows from the cache too. */
  onReachability?: (reachable: boolean) => void;
}

export function SwitcherPanel({ store, userId, current, tabId, viewportHeight, onClose, onSwitched, onRendered, onReachability }: Props) {
  const data = useMemo(() => {
    const context = computed(() => cachedContextOf(store.cache.value, userId));
    return { context, pinned: store.pinned, marks: store.marks, state: createSwitcherState({ context, pinned: store.pinned, marks: store.marks }) };
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
    if (customers) onRendered?.(customers);
  }, [customers > 0]);

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
