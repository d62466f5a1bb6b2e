// Hands a customer token to exactly one tab: a declarativeNetRequest session rule sets
// `Authorization: Bearer …` on that tab's requests to that customer's pages of the console. The
// page's scripts, other tabs, other origins and URLs never see the token (docs/decisions.md).
import type { Browser } from 'wxt/browser';
import type { HostAdapter } from '../host-adapters/host-adapter';
import { tabCustomersItem, type TabCustomerRecord } from '../utils/storage';
import { serial } from './serial';

type Dnr = Pick<typeof Browser.declarativeNetRequest, 'updateSessionRules' | 'getSessionRules'>;
type Rule = Browser.declarativeNetRequest.Rule;

const RESOURCE_TYPES = ['main_frame', 'sub_frame', 'xmlhttprequest', 'script', 'image', 'stylesheet', 'font', 'media', 'other'];

function tokenRule(id: number, tabId: number, filter: string, token: string): Rule {
  return {
    id,
    priority: 1,
    action: { type: 'modifyHeaders', requestHeaders: [{ header: 'authorization', operation: 'set', value: `Bearer ${token}` }] },
    condition: { urlFilter: filter, tabIds: [tabId], resourceTypes: RESOURCE_TYPES },
  } as Rule;
}

export function createTabTokens(dnr: Dnr) {
  const one = serial();

  /** Gives `tabId` the token for `tenantId`, replacing its previous one in one update; returns an undo. */
  function hand(tabId: number, tenantId: string, adapter: HostAdapter, token: string, tokenExpiresAt: Date) {
    return one(async () => {
      const [rules, records] = await Promise.all([dnr.getSessionRules(), tabCustomersItem.getValue()]);
      const previous = records[tabId];
      const previousRule = rules.find((r) => r.id === previous?.ruleId);
      const id = Math.max(0, ...rules.map((r) => r.id)) + 1; // tab ids are huge; rule ids are ours, small
      await dnr.updateSessionRules({ removeRuleIds: previousRule ? [previousRule.id] : [], addRules: [tokenRule(id, tabId, adapter.tokenUrlFilter(tenantId), token)] });
      await tabCustomersItem.setValue({ ...records, [tabId]: { tenantId, ruleId: id, tokenExpiresAt: tokenExpiresAt.toISOString() } });
      return () =>
        one(async () => {
          const now = await tabCustomersItem.getValue();
          if (now[tabId]?.ruleId !== id) return; // a later hand-off already replaced this one
          await dnr.updateSessionRules({ removeRuleIds: [id], addRules: previousRule ? [previousRule] : [] });
          const { [tabId]: _, ...rest } = now;
          await tabCustomersItem.setValue(previous ? { ...rest, [tabId]: previous } : rest);
        });
    });
  }

  /** Takes a tab's token away (tab closed, access ended). */
  function drop(tabId: number) {
    return one(async () => {
      const records = await tabCustomersItem.getValue();
      const record = records[tabId];
      if (!record) return;
      await dnr.updateSessionRules({ removeRuleIds: [record.ruleId] });
      const { [tabId]: _, ...rest } = records;
      await tabCustomersItem.setValue(rest);
    });
  }

  /** Takes every token away (sign-out). */
  function dropAll() {
    return one(async () => {
      const rules = await dnr.getSessionRules();
      await dnr.updateSessionRules({ removeRuleIds: rules.map((r) => r.id) });
      await tabCustomersItem.setValue({});
    });
  }

  const recordOf = async (tabId: number): Promise<TabCustomerRecord | null> => (await tabCustomersItem.getValue())[tabId] ?? null;

  return { hand, drop, dropAll, recordOf };
}

export type TabTokens = ReturnType<typeof createTabTokens>;
