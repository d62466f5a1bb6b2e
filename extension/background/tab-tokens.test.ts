import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { referenceConsoleAdapter } from '../host-adapters/reference-console';
import { fakeDnr, type FakeDnr } from '../test-support/fake-dnr';
import { tabCustomersItem } from '../utils/storage';
import { createTabTokens, type TabTokens } from './tab-tokens';

const adapter = referenceConsoleAdapter('http://127.0.0.1:8788');
// Real tab ids are large integers; rule ids must not be derived from them.
const TAB = 1_734_567_890;
const OTHER_TAB = 1_734_567_891;
const IN_15_MIN = new Date('2026-11-24T12:15:00.000Z');
const IN_30_MIN = new Date('2026-11-24T12:30:00.000Z');

let dnr: FakeDnr;
let tokens: TabTokens;
beforeEach(() => {
  fakeBrowser.reset();
  dnr = fakeDnr();
  tokens = createTabTokens(dnr);
});

const ruleOf = (tabId: number) => dnr.rules.filter((r) => r.condition.tabIds?.includes(tabId));

describe('createTabTokens', () => {
  it('hands a token to one tab: one rule, that tab only, the Bearer header, the adapter’s filter', async () => {
    await tokens.hand(TAB, 't_acme', adapter, 'token-acme', IN_15_MIN);
    expect(dnr.rules).toHaveLength(1);
    const [rule] = dnr.rules;
    expect(rule!.id).toBeLessThan(1000);
    expect(rule!.condition).toMatchObject({ tabIds: [TAB], urlFilter: adapter.tokenUrlFilter('t_acme') });
    expect(rule!.condition.resourceTypes).toEqual(expect.arrayContaining(['main_frame', 'xmlhttprequest']));
    expect(rule!.action).toEqual({ type: 'modifyHeaders', requestHeaders: [{ header: 'authorization', operation: 'set', value: 'Bearer token-acme' }] });
    expect(await tabCustomersItem.getValue()).toEqual({ [TAB]: { tenantId: 't_acme', ruleId: rule!.id, tokenExpiresAt: IN_15_MIN.toISOString() } });
    expect(await tokens.recordOf(TAB)).toEqual({ tenantId: 't_acme', ruleId: rule!.id, tokenExpiresAt: IN_15_MIN.toISOString() });
  });

  it('replaces a tab’s rule in one update when it is handed another token (one rule per tab)', async () => {
    await tokens.hand(TAB, 't_acme', adapter, 'token-acme', IN_15_MIN);
    const first = dnr.rules[0]!.id;
    await tokens.hand(TAB, 't_globex', adapter, 'token-globex', IN_30_MIN);
    expect(dnr.rules).toHaveLength(1);
    expect(dnr.rules[0]!.condition.urlFilter).toBe(adapter.tokenUrlFilter('t_globex'));
    expect(dnr.rules[0]!.action.requestHeaders?.[0]?.value).toBe('Bearer token-globex');
    expect(dnr.updates.at(-1)!.removeRuleIds).toEqual([first]);
    expect((await tokens.recordOf(TAB))?.tenantId).toBe('t_globex');
  });

  it('gives two tabs two rules with different ids, each scoped to its tab', async () => {
    await Promise.all([tokens.hand(TAB, 't_acme', adapter, 'token-acme', IN_15_MIN), tokens.hand(OTHER_TAB, 't_globex', adapter, 'token-globex', IN_15_MIN)]);
    expect(dnr.rules).toHaveLength(2);
    expect(new Set(dnr.rules.map((r) => r.id)).size).toBe(2);
    expect(ruleOf(TAB).map((r) => r.condition.urlFilter)).toEqual([adapter.tokenUrlFilter('t_acme')]);
    expect(ruleOf(OTHER_TAB).map((r) => r.condition.urlFilter)).toEqual([adapter.tokenUrlFilter('t_globex')]);
    const records = await tabCustomersItem.getValue();
    expect(Object.keys(records).sort()).toEqual([String(TAB), String(OTHER_TAB)]);
  });

  it('undo restores the previous rule and record', async () => {
    await tokens.hand(TAB, 't_acme', adapter, 'token-acme', IN_15_MIN);
    const before = { rules: dnr.rules, records: await tabCustomersItem.getValue() };
    const undo = await tokens.hand(TAB, 't_globex', adapter, 'token-globex', IN_30_MIN);
    await undo();
    expect(dnr.rules).toEqual(before.rules);
    expect(await tabCustomersItem.getValue()).toEqual(before.records);
  });

  it('undo of a tab’s first token leaves it with none, and other tabs untouched', async () => {
    await tokens.hand(OTHER_TAB, 't_acme', adapter, 'token-acme', IN_15_MIN);
    const undo = await tokens.hand(TAB, 't_globex', adapter, 'token-globex', IN_15_MIN);
    await undo();
    expect(ruleOf(TAB)).toEqual([]);
    expect(await tokens.recordOf(TAB)).toBeNull();
    expect(ruleOf(OTHER_TAB)).toHaveLength(1);
    expect((await tokens.recordOf(OTHER_TAB))?.tenantId).toBe('t_acme');
  });

  // BUG (tab-tokens.ts, the undo in hand()): undo restores the previous rule even when a later
  // hand() for the same tab has replaced its rule since, leaving the tab two rules and a record that
  // names the resurrected one (the later rule is then never dropped). Reachable when two switches of
  // one tab race and the first one's tabs.update fails ("Tabs cannot be edited right now").
  it('an undo superseded by a later hand to the same tab leaves that tab one rule, the recorded one', async () => {
    await tokens.hand(TAB, 't_acme', adapter, 'token-acme', IN_15_MIN);
    const undoGlobex = await tokens.hand(TAB, 't_globex', adapter, 'token-globex', IN_15_MIN);
    await tokens.hand(TAB, 't_wayne', adapter, 'token-wayne', IN_30_MIN);
    await undoGlobex();
    expect(ruleOf(TAB)).toHaveLength(1);
    expect((await tokens.recordOf(TAB))?.ruleId).toBe(ruleOf(TAB)[0]!.id);
  });

  it('drop takes one tab’s token away; dropping a tab without one changes nothing', async () => {
    await tokens.hand(TAB, 't_acme', adapter, 'token-acme', IN_15_MIN);
    await tokens.hand(OTHER_TAB, 't_globex', adapter, 'token-globex', IN_15_MIN);
    await tokens.drop(TAB);
    expect(ruleOf(TAB)).toEqual([]);
    expect(ruleOf(OTHER_TAB)).toHaveLength(1);
    expect(Object.keys(await tabCustomersItem.getValue())).toEqual([String(OTHER_TAB)]);
    const updates = dnr.updates.length;
    await tokens.drop(42);
    expect(dnr.updates).toHaveLength(updates);
  });

  it('dropAll takes every token away', async () => {
    await tokens.hand(TAB, 't_acme', adapter, 'token-acme', IN_15_MIN);
    await tokens.hand(OTHER_TAB, 't_globex', adapter, 'token-globex', IN_15_MIN);
    await tokens.dropAll();
    expect(dnr.rules).toEqual([]);
    expect(await tabCustomersItem.getValue()).toEqual({});
  });

  it('keeps records in session storage, so they end with the browser session like the rules', async () => {
    await tokens.hand(TAB, 't_acme', adapter, 'token-acme', IN_15_MIN);
    expect(await fakeBrowser.storage.session.get('tabCustomers')).toMatchObject({ tabCustomers: { [TAB]: { tenantId: 't_acme' } } });
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('keeps the token out of storage: only the rule carries it', async () => {
    await tokens.hand(TAB, 't_acme', adapter, 'secret-token-acme', IN_15_MIN);
    const everything = JSON.stringify([await fakeBrowser.storage.session.get(null), await fakeBrowser.storage.local.get(null), await fakeBrowser.storage.sync.get(null)]);
    expect(everything).not.toContain('secret-token-acme');
  });
});
