// An in-memory declarativeNetRequest session-rule store: just the two calls tab-tokens.ts makes,
// with Chromium's checks that matter here (a duplicate rule id is refused, the update is atomic).
import type { Browser } from 'wxt/browser';

type Rule = Browser.declarativeNetRequest.Rule;
type Update = Browser.declarativeNetRequest.UpdateRuleOptions;

export function fakeDnr() {
  let rules: Rule[] = [];
  const updates: Update[] = [];
  return {
    updates,
    /** The rules, as a copy (a test cannot change them behind the fake's back). */
    get rules(): Rule[] {
      return structuredClone(rules);
    },
    async getSessionRules(): Promise<Rule[]> {
      return structuredClone(rules);
    },
    async updateSessionRules(options: Update): Promise<void> {
      updates.push(structuredClone(options));
      const removing = new Set(options.removeRuleIds ?? []);
      const next = rules.filter((r) => !removing.has(r.id));
      for (const rule of options.addRules ?? []) {
        if (next.some((r) => r.id === rule.id)) throw new Error(`Rule with id ${rule.id} does not have a unique ID.`);
        next.push(structuredClone(rule));
      }
      rules = next;
    },
  };
}
export type FakeDnr = ReturnType<typeof fakeDnr>;
