// Time-bound access, watched: the toolbar badge of each tab's customer, notifications before
// access ends (alarms, so a sleeping service worker still fires them), and the moment it ends.
import type { CustomerEntry, TenantContext } from '../../shared/tenant-context';
import { expiryBadge } from '../state/expiry-badge';
import { formatDuration } from '../state/time-left';
import { expiryWarningsItem, shownWarningsItem, tabCustomersItem } from '../utils/storage';

/** The badge calls, the same on Chrome's `action` and Firefox MV2's `browserAction`. */
export interface BadgeApi {
  setBadgeText(details: { tabId?: number; text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { tabId?: number; color: string }): Promise<void> | void;
}

/** The calls this module makes, typed narrowly so a test can pass WXT's fake browser. */
interface Browser {
  alarms: {
    create(name: string, info: { when?: number; periodInMinutes?: number }): Promise<void> | void;
    clear(name: string): Promise<boolean>;
    getAll(): Promise<{ name: string }[]>;
    onAlarm: { addListener(listener: (alarm: { name: string }) => void): void };
  };
  notifications: {
    create(id: string, options: { type: 'basic'; iconUrl: string; title: string; message: string }): Promise<string>;
    onClicked: { addListener(listener: (id: string) => void): void };
  };
  runtime: { getURL(path: '/icon/128.png'): string };
  tabs: { onUpdated: { addListener(listener: (tabId: number, change: { status?: string }) => void): void } };
  action?: BadgeApi;
  browserAction?: BadgeApi;
}

const END = 'end-tab:';
const WARN = 'warn:';
const TICK = 'badge-tick';
const WEEK_MS = 7 * 24 * 3600_000;
const exact = (iso: string) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'long' }).format(new Date(iso));

export interface ExpiryWatchDeps {
  browser: Browser;
  now: () => number;
  entryOf: (tenantId: string) => Promise<CustomerEntry | null>;
  /** The tab's access ended (its grant's expiry passed): try once more, else take the token away. */
  onAccessEnded: (tabId: number) => Promise<void>;
  /** A warning was clicked: show the access view of that customer. */
  openAccessView: (tenantId: string) => Promise<void>;
}

export function createExpiryWatch({ browser, now, entryOf, onAccessEnded, openAccessView }: ExpiryWatchDeps) {
  // Firefox's MV2 build has browserAction where Chrome's MV3 has action.
  const action = browser.action ?? browser.browserAction;

  async function showBadge(tabId: number, expiresAt: string | null) {
    const badge = expiryBadge(expiresAt, now());
    // A tab closed meanwhile makes these throw: nothing to show then.
    await Promise.resolve(action?.setBadgeText({ tabId, text: badge?.text ?? '' })).catch(() => undefined);
    if (badge) await Promise.resolve(action?.setBadgeBackgroundColor({ tabId, color: badge.colour })).catch(() => undefined);
  }

  /** Badge and end-of-access alarm of one tab, from its customer's grant. */
  async function refreshTab(tabId: number) {
    const record = (await tabCustomersItem.getValue())[tabId];
    const entry = record ? await entryOf(record.tenantId) : null;
    await showBadge(tabId, entry?.expires_at ?? null);
    await browser.alarms.clear(`${END}${tabId}`);
    if (entry?.expires_at && Date.parse(entry.expires_at) > now()) await browser.alarms.create(`${END}${tabId}`, { when: Date.parse(entry.expires_at) });
  }

  async function refreshAllTabs() {
    for (const tabId of Object.keys(await tabCustomersItem.getValue())) await refreshTab(Number(tabId));
  }

  async function warn(entry: CustomerEntry) {
    const left = Date.parse(entry.expires_at!) - now();
    await browser.notifications.create(`${WARN}${entry.tenant_id}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: `Access to ${entry.name} ends in ${formatDuration(left)}`,
      message: `Your ${entry.role ?? 'time-bound'} access ends ${exact(entry.expires_at!)}. Click to see what you may do there.`,
    });
  }

  /** Alarms for every warning ahead; a warning whose moment already passed (but not the expiry) fires now, once. */
  async function scheduleWarnings(context: TenantContext) {
    const minutes = [...(await expiryWarningsItem.getValue())].sort((a, b) => a - b);
    for (const alarm of await browser.alarms.getAll()) if (alarm.name.startsWith(WARN)) await browser.alarms.clear(alarm.name);
    const shown = new Set(await shownWarningsItem.getValue());
    const t = now();
    for (const entry of context.customers) {
      if (!entry.switchable || !entry.expires_at) continue;
      const end = Date.parse(entry.expires_at);
      if (end <= t || end - t > WEEK_MS) continue;
      const due = minutes.filter((m) => end - m * 60_000 <= t);
      const key = (m: number) => `${entry.grant_id}:${m}:${entry.expires_at}`;
      if (due.length && !shown.has(key(due[0]!))) {
        for (const m of due) shown.add(key(m));
        await warn(entry);
      }
      for (const m of minutes.filter((m) => end - m * 60_000 > t)) await browser.alarms.create(`${WARN}${entry.tenant_id}:${m}`, { when: end - m * 60_000 });
    }
    await shownWarningsItem.setValue([...shown].slice(-500));
  }

  browser.alarms.create(TICK, { periodInMinutes: 1 });
  browser.alarms.onAlarm.addListener(async (alarm) => {
    if (alarm.name === TICK) return refreshAllTabs();
    if (alarm.name.startsWith(END)) return onAccessEnded(Number(alarm.name.slice(END.length)));
    if (!alarm.name.startsWith(WARN)) return;
    const [tenantId, m] = alarm.name.slice(WARN.length).split(':');
    const entry = tenantId ? await entryOf(tenantId) : null;
    if (!entry?.expires_at || !entry.switchable || Date.parse(entry.expires_at) <= now()) return;
    const shown = await shownWarningsItem.getValue();
    const key = `${entry.grant_id}:${m}:${entry.expires_at}`;
    if (shown.includes(key)) return;
    await shownWarningsItem.setValue([...shown, key].slice(-500));
    await warn(entry);
  });
  browser.notifications.onClicked.addListener((id) => {
    if (id.startsWith(WARN)) void openAccessView(id.slice(WARN.length));
  });
  // A navigation resets a tab's own badge in some browsers: set it again once the page is there.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'complete') void tabCustomersItem.getValue().then((r) => r[tabId] && refreshTab(tabId));
  });

  return {
    refreshTab,
    refreshAllTabs,
    scheduleWarnings,
    /** The tab no longer acts for a customer; `ended` keeps the "end" badge up. */
    async clearTab(tabId: number, ended = false) {
      await browser.alarms.clear(`${END}${tabId}`);
      await showBadge(tabId, ended ? new Date(now()).toISOString() : null);
    },
  };
}

export type ExpiryWatch = ReturnType<typeof createExpiryWatch>;
