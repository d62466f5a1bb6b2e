// The toolbar popup: sign in, or the current tab's customer, the switcher, and the customers whose
// access ends within a week.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { UserSummary } from '../../shared/common';
import { cachedContextOf } from '../utils/cached-context';
import { askBackground } from '../utils/messaging';
import { whenIdle } from '../utils/when-idle';
import type { SwitcherStore } from '../utils/switcher-store';
import { managesAccess } from '../state/access-admin-audience';
import { MoreTimeContext } from './access-admin-more-time-context';
import { AccessAdminMoreTimeForm } from './access-admin-more-time-form';
import { ExpiringSoon } from './expiring-soon';
import { SignInForm } from './sign-in-form';
import { SwitcherPanel } from './switcher-panel';

interface ActiveTab {
  id: number | undefined;
  tenantId: string | null;
  active: boolean;
}

async function activeTab(): Promise<ActiveTab> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return { id: undefined, tenantId: null, active: false };
  const answer = await askBackground({ type: 'tab.customer', tabId: tab.id });
  return answer.ok ? { id: tab.id, tenantId: answer.tenantId, active: answer.active } : { id: tab.id, tenantId: null, active: false };
}

interface PopupAppProps {
  store: SwitcherStore;
  close?: () => void;
  onRendered?: (customers: number) => void;
  onComplete?: (customers: number) => void;
}

export function PopupApp({ store, close = () => window.close(), onRendered, onComplete }: PopupAppProps) {
  const [user, setUser] = useState<UserSummary | null | undefined>(undefined);
  const [tab, setTab] = useState<ActiveTab | null>(null);
  const [reachable, setReachable] = useState(true);
  const [moreTimeFor, setMoreTimeFor] = useState<{ tenantId: string; name: string } | null>(null);
  /** After the first paint: what is not the list (expiring access goes over every customer). */
  const [idle, setIdle] = useState(false);
  useEffect(() => whenIdle(() => setIdle(true)), []);
  useEffect(() => {
    void askBackground({ type: 'session.status' }).then((answer) => setUser(answer.ok ? answer.user : null));
    void activeTab().then(setTab);
  }, []);

  if (user === undefined) return <p role="status">Loading…</p>;
  if (user === null) return <SignInForm onSignedIn={setUser} />;
  const signOut = async () => {
    await askBackground({ type: 'session.signOut' });
    setUser(null);
  };
  return (
    <main class="popup">
      <header class="popup-header">
        <span class="popup-user" title={user.home_tenant.name}>{user.email}</span>
        <span class="popup-actions">
          {/* The current tab's customer; without one the view opens on its tenant field. */}
          <button type="button" class="popup-entitlements" onClick={() => void askBackground({ type: 'entitlements.open', ...(tab?.tenantId ? { tenantId: tab.tenantId } : {}) })}>
            Entitlements
          </button>
          {tab?.tenantId && tab.id !== undefined ? <button type="button" class="popup-entitlements" onClick={() => void askBackground({ type: 'branding.open', tabId: tab.id! })}>Branding</button> : null}
          {managesAccess(user) ? (
            <button type="button" class="popup-entitlements" onClick={() => void askBackground({ type: 'access.admin.open' })}>
              Manage access
            </button>
          ) : null}
          <button type="button" class="popup-sign-out" onClick={signOut}>
            Sign out
          </button>
        </span>
      </header>
      {moreTimeFor ? <AccessAdminMoreTimeForm key={moreTimeFor.tenantId} {...moreTimeFor} onClose={() => setMoreTimeFor(null)} /> : null}
      <MoreTimeContext.Provider value={(tenantId, name) => setMoreTimeFor({ tenantId, name })}>
        <SwitcherPanel store={store} userId={user.id} current={tab && { tenantId: tab.tenantId, active: tab.active }} tabId={tab?.id} onClose={close} onSwitched={close} onRendered={onRendered} onComplete={onComplete} onReachability={setReachable} />
        {idle && reachable ? <ExpiringSoon customers={cachedContextOf(store.cache.value, user.id)?.customers ?? []} now={Date.now()} /> : null}
      </MoreTimeContext.Provider>
    </main>
  );
}
