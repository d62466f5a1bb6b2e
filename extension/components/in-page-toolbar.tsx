// The compact toolbar on every console page: the tab's customer (colour ribbon, role, expiry), a
// button that opens the same switcher in place, one that opens the customer's entitlements, and a
// banner the moment the tab's access ends.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { UserSummary } from '../../shared/common';
import type { ContentMessage, CustomerMark, TabCustomer } from '../../shared/extension-messages';
import { customerChips } from '../state/customer-chips';
import { parseMarks } from '../utils/customer-prefs';
import { askBackground } from '../utils/messaging';
import { onContentMessage } from '../utils/content-messaging';
import { customerMarksItem } from '../utils/storage';
import { loadInPageSwitcher } from '../utils/in-page-switcher-loader';
import type { MountInPageSwitcher } from './in-page-switcher';

interface Props {
  urlTenantId: string | null;
  /** How the switcher arrives (tests pass it in; a page loads its script on the first open). */
  loadSwitcher?: () => Promise<MountInPageSwitcher>;
}

export function InPageToolbar({ urlTenantId, loadSwitcher = loadInPageSwitcher }: Props) {
  const [user, setUser] = useState<UserSummary | null>(null);
  const [tab, setTab] = useState<TabCustomer | null>(null);
  const [marks, setMarks] = useState<Record<string, CustomerMark>>({});
  const [open, setOpen] = useState(false);
  /** Access that ended while the page was open (the background took the tab's token away). */
  const [ended, setEnded] = useState<{ tenantId: string; name: string | null; message: string } | null>(null);
  const latestTab = useRef(tab);
  latestTab.current = tab;
  // Loaded and mounted when opened, so plain page loads never carry it nor read the whole context.
  const switcherBox = useRef<HTMLDivElement>(null);
  const [switcherProblem, setSwitcherProblem] = useState<string | null>(null);
  const userId = user?.id;
  useEffect(() => {
    if (!open || !userId) return;
    let unmount: (() => void) | null = null;
    let closed = false;
    const close = () => setOpen(false);
    loadSwitcher().then(
      (mount) => {
        if (!closed && switcherBox.current) unmount = mount(switcherBox.current, { userId, onClose: close, onSwitched: close });
      },
      (err: unknown) => setSwitcherProblem(`The switcher did not load (${err instanceof Error ? err.message : 'unknown error'}). Reload the page and try again.`),
    );
    return () => {
      closed = true;
      unmount?.();
      setSwitcherProblem(null);
    };
  }, [open, userId]);
  const load = () => {
    void askBackground({ type: 'session.status' }).then((a) => setUser(a.ok ? a.user : null));
    void askBackground({ type: 'tab.customer' }).then((a) => {
      setTab(a.ok ? a : null);
      if (a.ok && a.active) setEnded(null); // acting for a customer again
    });
  };
  const onMessage = (m: ContentMessage) => {
    if (m.type === 'switcher.open') return setOpen(true);
    if (m.type === 'access.ended') {
      const known = latestTab.current?.customer;
      setEnded({ tenantId: m.tenantId, name: known?.tenant_id === m.tenantId ? known.name : null, message: m.message });
    }
    load();
  };
  useEffect(() => {
    load();
    void customerMarksItem.getValue().then((m) => setMarks(parseMarks(m)));
    const unwatch = customerMarksItem.watch((m) => setMarks(parseMarks(m)));
    const stop = onContentMessage(onMessage);
    return () => (unwatch(), stop());
  }, []);

  const tenantId = tab?.tenantId ?? urlTenantId;
  const entry = tab?.customer ?? null;
  const mark = tenantId ? marks[tenantId] : undefined;
  const chips = entry ? customerChips(entry, Date.now()) : [];
  const acting = !!(tab?.active && tenantId);
  const switchCustomer = () => (user ? setOpen(true) : void askBackground({ type: 'session.openSignIn' }));
  const endedName = ended && (ended.name ?? (entry?.tenant_id === ended.tenantId ? entry.name : ended.tenantId));
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
          {acting ? (
            <>
              Acting for <strong>{entry?.name ?? tenantId}</strong>
              {entry?.role ? <span class="customer-role">{entry.role.replace(/_/g, ' ')}</span> : null}
              {chips.map((c) => <span key={c.kind} class={`chip chip-${c.kind}`} title={c.detail}>{c.text}</span>)}
            </>
          ) : ended ? (
            'Access ended'
          ) : (
            'No customer active in this tab'
          )}
        </span>
        {acting && tenantId ? (
          <button type="button" class="toolbar-switch" onClick={() => void askBackground({ type: 'entitlements.open', tenantId })}>
            Entitlements
          </button>
        ) : null}
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
      {ended && !acting ? (
        <div class="toolbar-ended" role="alert">
          <span>
            Your access to {endedName} has ended: {ended.message}
          </span>
          <button type="button" class="toolbar-switch" onClick={switchCustomer}>
            Switch customer
          </button>
        </div>
      ) : null}
      {open && user ? (
        <div class="toolbar-switcher" role="dialog" aria-label="Switch customer">
          {switcherProblem ? <p class="switcher-problem" role="alert">{switcherProblem}</p> : null}
          <div ref={switcherBox} />
        </div>
      ) : null}
    </div>
  );
}
