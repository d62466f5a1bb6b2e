// @vitest-environment node
// The BFF runs in-process (libSQL, jose): Node's own fetch classes, not the DOM's.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { referenceConsoleAdapter } from '../host-adapters/reference-console';
import { ANALYST_EMAIL, CONSOLE_URL, DEMO_PASSWORD, startBffWorld, type BffWorld } from '../test-support/bff-world';
import { fakeDnr, type FakeDnr } from '../test-support/fake-dnr';
import { asTabs, fakeTabs, type FakeTabs } from '../test-support/fake-tabs';
import { claimsOf } from '../test-support/jwt';
import { tabCustomersItem } from '../utils/storage';
import { createCustomerSwitch } from './customer-switch';
import { createSession, type Session } from './session';
import { createTabTokens } from './tab-tokens';

const adapter = referenceConsoleAdapter(CONSOLE_URL);
const CONSOLE_TAB = 41;
const OTHER_SITE_TAB = 42;

let w: BffWorld;
beforeAll(async () => {
  w = await startBffWorld();
});
afterAll(() => w.world.close());

let dnr: FakeDnr;
let tabs: FakeTabs;
let session: Session;
let onHanded: ReturnType<typeof vi.fn<(tabId: number, tokenExpiresAt: Date) => void>>;
let switcher: ReturnType<typeof createCustomerSwitch>;
beforeEach(async () => {
  fakeBrowser.reset();
  w.down = false;
  dnr = fakeDnr();
  tabs = fakeTabs({ [CONSOLE_TAB]: `${CONSOLE_URL}/t/t_acme/alerts`, [OTHER_SITE_TAB]: 'https://example.com/' });
  session = createSession({ bff: w.bff, now: w.now });
  await session.signIn(ANALYST_EMAIL, DEMO_PASSWORD);
  onHanded = vi.fn();
  switcher = createCustomerSwitch({ bff: w.bff, session, tabs: asTabs(tabs), tabTokens: createTabTokens(dnr), adapters: [adapter], now: w.now, onHanded });
  w.calls.length = 0;
});

/** Everything a switch may change: rules, records, tab URLs, tabs opened. */
const snapshot = async () => ({ rules: dnr.rules, records: await tabCustomersItem.getValue(), urls: [tabs.urlOf(CONSOLE_TAB), tabs.urlOf(OTHER_SITE_TAB)], created: tabs.created.length });

describe('switchCustomer against the BFF', () => {
  it('switches a console tab to Globex on the same page: exchange, rule, then navigation', async () => {
    const answer = await switcher.switchCustomer('t_globex', CONSOLE_TAB);
    expect(answer).toEqual({ ok: true, tenantId: 't_globex', url: `${CONSOLE_URL}/t/t_globex/alerts` });
    expect(w.calls.map((c) => [c.path, c.status])).toEqual([['/oauth/token', 200]]);
    expect(dnr.rules).toHaveLength(1);
    const [rule] = dnr.rules;
    expect(rule!.condition).toMatchObject({ tabIds: [CONSOLE_TAB], urlFilter: `|${CONSOLE_URL}/t/t_globex/` });
    const bearer = rule!.action.requestHeaders![0]!.value!.replace(/^Bearer /, '');
    expect(claimsOf(bearer)).toMatchObject({ tenant_id: 't_globex', aud: CONSOLE_URL });
    expect(await tabCustomersItem.getValue()).toEqual({ [CONSOLE_TAB]: { tenantId: 't_globex', ruleId: rule!.id, tokenExpiresAt: new Date(w.now() + 900_000).toISOString() } });
    expect(tabs.updated).toEqual([[CONSOLE_TAB, { url: `${CONSOLE_URL}/t/t_globex/alerts` }]]);
    expect(tabs.created).toEqual([]);
    expect(onHanded).toHaveBeenCalledWith(CONSOLE_TAB, new Date(w.now() + 900_000));
  });

  it('opens a new tab on the customer’s dashboard when the tab is not the console’s', async () => {
    const answer = await switcher.switchCustomer('t_acme', OTHER_SITE_TAB);
    expect(answer).toMatchObject({ ok: true, url: `${CONSOLE_URL}/t/t_acme/dashboard` });
    expect(tabs.created).toHaveLength(1);
    const [newTab] = tabs.updated.map(([id]) => id);
    expect(newTab).not.toBe(OTHER_SITE_TAB);
    expect(tabs.urlOf(newTab!)).toBe(`${CONSOLE_URL}/t/t_acme/dashboard`);
    expect(tabs.urlOf(OTHER_SITE_TAB)).toBe('https://example.com/');
    expect(dnr.rules.map((r) => r.condition.tabIds)).toEqual([[newTab]]);
  });

  it('opens a new tab when asked without one, or for a tab that is gone', async () => {
    expect(await switcher.switchCustomer('t_acme', undefined)).toMatchObject({ ok: true });
    expect(await switcher.switchCustomer('t_acme', 9999)).toMatchObject({ ok: true });
    expect(tabs.created).toHaveLength(2);
    expect(Object.keys(await tabCustomersItem.getValue())).not.toContain('9999');
  });

  it.each([
    ['Initech (grant expired)', 't_initech', /g_initech_analyst expired/],
    ['Umbrella (relationship pending)', 't_umbrella', /pending customer approval/],
    ['Wayne (another partner’s)', 't_wayne', /not a customer you may enter/],
  ])('refuses %s with the BFF’s reason and changes nothing', async (_, tenantId, reason) => {
    await switcher.switchCustomer('t_acme', CONSOLE_TAB);
    const before = await snapshot();
    const answer = await switcher.switchCustomer(tenantId, CONSOLE_TAB);
    expect(answer).toMatchObject({ ok: false, error: 'invalid_target', message: expect.stringMatching(reason) });
    expect(await snapshot()).toEqual(before);
    expect(onHanded).toHaveBeenCalledTimes(1);
  });

  it('says the BFF cannot be reached when it is down, and changes nothing', async () => {
    await switcher.switchCustomer('t_acme', CONSOLE_TAB);
    const before = await snapshot();
    w.down = true;
    expect(await switcher.switchCustomer('t_globex', CONSOLE_TAB)).toMatchObject({ ok: false, error: 'bff_unreachable' });
    expect(await snapshot()).toEqual(before);
  });

  it('rolls the token back when the tab cannot be moved', async () => {
    await switcher.switchCustomer('t_acme', CONSOLE_TAB);
    const before = await snapshot();
    tabs.failUpdate = new Error('No tab with id: 41.');
    const answer = await switcher.switchCustomer('t_globex', CONSOLE_TAB);
    expect(answer).toMatchObject({ ok: false, error: 'tab_gone', message: expect.stringMatching(/No tab with id: 41/) });
    expect(await snapshot()).toEqual(before);
    expect(dnr.updates.length).toBe(3); // acme; globex; globex undone
    expect(onHanded).toHaveBeenCalledTimes(1);
  });

  it('refuses when signed out, without asking the BFF or touching a tab', async () => {
    await session.signOut();
    w.calls.length = 0;
    expect(await switcher.switchCustomer('t_globex', CONSOLE_TAB)).toMatchObject({ ok: false, error: 'signed_out' });
    expect(w.calls).toEqual([]);
    expect(tabs.updated).toEqual([]);
    expect(dnr.rules).toEqual([]);
  });
});

describe('renew', () => {
  it('hands the tab a fresh token for the customer it acts for', async () => {
    await switcher.switchCustomer('t_globex', CONSOLE_TAB);
    const [first] = dnr.rules;
    w.world.clock.advance(10 * 60_000);
    const renewed = await switcher.renew(CONSOLE_TAB);
    expect(renewed).toEqual({ ok: true, expiresAt: new Date(w.now() + 900_000) });
    expect(dnr.rules).toHaveLength(1);
    expect(dnr.rules[0]!.condition.urlFilter).toBe(first!.condition.urlFilter);
    expect(dnr.rules[0]!.action.requestHeaders![0]!.value).not.toBe(first!.action.requestHeaders![0]!.value);
    expect((await tabCustomersItem.getValue())[CONSOLE_TAB]?.tokenExpiresAt).toBe(new Date(w.now() + 900_000).toISOString());
  });

  it('refuses a tab that acts for no customer, and a signed-out analyst', async () => {
    expect(await switcher.renew(CONSOLE_TAB)).toMatchObject({ ok: false, error: 'no_customer' });
    await switcher.switchCustomer('t_globex', CONSOLE_TAB);
    await session.signOut();
    expect(await switcher.renew(CONSOLE_TAB)).toMatchObject({ ok: false, error: 'signed_out' });
  });

  it('does not renew for a tab that has left the monitoring app', async () => {
    await switcher.switchCustomer('t_globex', CONSOLE_TAB);
    await tabs.update(CONSOLE_TAB, { url: 'https://example.com/elsewhere' });
    expect(await switcher.renew(CONSOLE_TAB)).toMatchObject({ ok: false, error: 'left_app' });
  });
});
