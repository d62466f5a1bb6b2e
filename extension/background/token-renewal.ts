// Renews a tab's customer token before it expires, while the tab is open. `alarms` survive the
// service worker sleeping; a renewal the BFF refuses (access ended) takes the token away.
import type { Browser } from 'wxt/browser';

type Alarms = Pick<typeof Browser.alarms, 'create' | 'clear' | 'onAlarm'>;

const PREFIX = 'renew-tab:';
/** Renew this long before expiry; Chrome fires alarms at most every 30 s. */
const LEAD_MS = 120_000;
const MIN_DELAY_MS = 30_000;

export function renewalTime(tokenExpiresAt: Date, now: number): number {
  return Math.max(now + MIN_DELAY_MS, tokenExpiresAt.getTime() - LEAD_MS);
}

export function createTokenRenewal(alarms: Alarms, now: () => number) {
  return {
    schedule: (tabId: number, tokenExpiresAt: Date) => alarms.create(`${PREFIX}${tabId}`, { when: renewalTime(tokenExpiresAt, now()) }),
    cancel: (tabId: number) => alarms.clear(`${PREFIX}${tabId}`),
    /** Calls `renew(tabId)` when a tab's renewal is due. */
    listen(renew: (tabId: number) => Promise<unknown>) {
      alarms.onAlarm.addListener((alarm) => {
        if (!alarm.name.startsWith(PREFIX)) return;
        const tabId = Number(alarm.name.slice(PREFIX.length));
        if (Number.isSafeInteger(tabId)) void renew(tabId);
      });
    },
  };
}
