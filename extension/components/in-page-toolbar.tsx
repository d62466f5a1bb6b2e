// The compact toolbar on every console page: the tab's customer (colour ribbon, role, expiry) and
// a button that opens the same switcher in place.
import { useEffect, useState } from 'preact/hooks';
import type { UserSummary } from '../../shared/common';
import type { CustomerMark, TabCustomer } from '../../shared/extension-messages';
import { customerChips } from '../state/customer-chips';
import { parseMarks } from '../utils/customer-prefs';
import { askBackground, onContentMessage } from '../utils/messaging';
import { customerMarksItem } from '../utils/storage';
import { openSwitcherStore, type SwitcherStore } from '../utils/switcher-store';
import { SwitcherPanel } from './switcher-panel';

export function InPageToolbar({ urlTenantId }: { urlTenantId: string | null }) {
  const [user, setUser] = useState<UserSummary | null>(null);
  const [tab, setTab] = useState<TabCustomer | null>(null);
  const [marks, setMarks] = useState<Record<string, CustomerMark>>({});
  const [open, setOpen] = useState(false);
  // Opened with the switcher the first time, so plain page loads never read the whole context.
  const [store, setStore] = useState<SwitcherStore | null>(null);
  useEffect(() => () => store?.close(), [store]);
  if (open && !store) setStore(openSwitcherStore());
  const load = () => {
    void askBackground({ type: 'session.status' }).then((a) => setUser(a.ok ? a.user : null));
    void askBackground({ type: 'tab.customer' }).then((a) => setTab(a.ok ? a : null));
  };
  useEffect(() => {
    load();
    void customerMarksItem.getValue().then((m) => setMarks(parseMarks(m)));
    const unwatch = customerMarksItem.watch((m) => setMarks(parseMarks(m)));
    const stop = onContentMessage((m) => (m.type === 'switcher.open' ? setOpen(true) : load()));
    return () => (unwatch(), stop());
  }, []);

  const tenantId = tab?.tenantId ?? urlTenantId;
  const entry = tab?.customer ?? null;
  const mark = tenantId ? marks[tenantId] : undefined;
  const chips = entry ? customerChips(entry, Date.now()) : [];
  return (
    <div class="toolbar" role="region" aria-label="MSP Switchboard">
      <div class="toolbar-ribbon" data-testid="customer-ribbon" style={{ background: mark?.colour ?? '#57606a' }} />
      <div class="toolbar-bar">
        <span class="toolbar-brand">Switchboard</span>
        {mark?.label ? (
          <span class="toolbar-mark" data-testid="customer-label" style={{ background: mark.colour }}>
            {mark.label}
          </span>
        ) : null}
        <span class="toolbar-customer" data-testid="toolbar-customer">
          {tab?.active && tenantId ? (
            <>
              Acting for <strong>{entry?.name ?? tenantId}</strong>
              {entry?.role ? <span class="customer-role">{entry.role.replace(/_/g, ' ')}</span> : null}
              {chips.map((c) => <span key={c.kind} class={`chip chip-${c.kind}`} title={c.detail}>{c.text}</span>)}
            </>
          ) : (
            'No customer active in this tab'
          )}
        </span>
        {user ? (
          <button type="button" class="toolbar-switch" aria-expanded={open} onClick={() => setOpen(!open)}>
            Switch customer
          </button>
        ) : (
          <button type="button" class="toolbar-switch" onClick={() => void askBackground({ type: 'session.openSignIn' })}>
            Sign in to switch
          </button>
        )}
      </div>
      {open && user && store ? (
        <div class="toolbar-switcher" role="dialog" aria-label="Switch customer">
          <SwitcherPanel store={store} userId={user.id} current={null} viewportHeight={280} onClose={() => setOpen(false)} onSwitched={() => setOpen(false)} />
        </div>
      ) : null}
    </div>
  );
}
