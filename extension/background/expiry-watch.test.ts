import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { CustomerEntry } from '../../shared/tenant-context';
import { customer, tenantContext } from '../test-support/customers';
import { expiryWarningsItem, tabCustomersItem } from '../utils/storage';
import { createExpiryWatch } from './expiry-watch';

const NOW = Date.parse('2026-12-03T12:00:00Z');
const MIN = 60_000;
const at = (ms: number) => new Date(NOW + ms).toISOString();
const TAB = 7;

let entries: Record<string, CustomerEntry>;
let ended: number[];
let opened: string[];

function watch() {
  return createExpiryWatch({
    browser: fakeBrowser,
    now: () => NOW,
    entryOf: async (id) => entries[id] ?? null,
    onAccessEnded: async (tabId) => void ended.push(tabId),
    openAccessView: async (id) => void opened.push(id),
  });
}
const alarms = async () => (await fakeBrowser.alarms.getAll()).map((a) => [a.name, a.scheduledTime]);
const notifications = () => fakeBrowser.notifications.getAll() as Promise<Record<string, { title: string; message: string }>>;

beforeEach(() => {
  fakeBrowser.reset();
  entries = {};
  ended = [];
  opened = [];
});

describe('the badge of a tab', () => {
  it('shows the minutes left on the tab’s customer and plans the end of its access', async () => {
    entries.t_globex = customer('t_globex', 'Globex Manufacturing', { expires_at: at(45 * MIN) });
    await tabCustomersItem.setValue({ [TAB]: { tenantId: 't_globex', ruleId: 1, tokenExpiresAt: at(15 * MIN) } });
    await watch().refreshTab(TAB);
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('45m');
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB + 1 })).toBe('');
    expect(await alarms()).toContainEqual([`end-tab:${TAB}`, NOW + 45 * MIN]);
  });

  it('shows nothing for permanent access, and clears a tab that no longer acts for a customer', async () => {
    entries.t_acme = customer('t_acme', 'Acme Retail');
    await tabCustomersItem.setValue({ [TAB]: { tenantId: 't_acme', ruleId: 1, tokenExpiresAt: at(15 * MIN) } });
    const w = watch();
    await w.refreshTab(TAB);
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('');
    expect((await alarms()).filter(([n]) => String(n).startsWith('end-tab'))).toEqual([]);
    await w.clearTab(TAB, true);
    expect(await fakeBrowser.action.getBadgeText({ tabId: TAB })).toBe('end');
  });

  it('hands the end of a tab’s access to the background when its alarm fires', async () => {
    watch();
    await fakeBrowser.alarms.onAlarm.trigger({ name: `end-tab:${TAB}`, scheduledTime: NOW });
    expect(ended).toEqual([TAB]);
  });
});

describe('warnings before access ends', () => {
  it('plans one alarm per warning ahead, and fires none yet', async () => {
    await watch().scheduleWarnings(tenantContext([customer('t_globex', 'Globex Manufacturing', { expires_at: at(2 * 60 * MIN) })]));
    expect((await alarms()).filter(([n]) => String(n).startsWith('warn:'))).toEqual([
      ['warn:t_globex:10', NOW + 110 * MIN],
      ['warn:t_globex:60', NOW + 60 * MIN],
    ]);
    expect(await notifications()).toEqual({});
  });

  it('follows the analyst’s own warning times', async () => {
    await expiryWarningsItem.setValue([30]);
    await watch().scheduleWarnings(tenantContext([customer('t_globex', 'Globex Manufacturing', { expires_at: at(2 * 60 * MIN) })]));
    expect((await alarms()).filter(([n]) => String(n).startsWith('warn:'))).toEqual([['warn:t_globex:30', NOW + 90 * MIN]]);
  });

  it('warns at once, and only once, when a warning’s moment has passed but the access has not ended', async () => {
    const context = tenantContext([customer('t_hooli', 'Hooli Short Term', { expires_at: at(5 * MIN) })]);
    const w = watch();
    await w.scheduleWarnings(context);
    const shown = await notifications();
    expect(Object.keys(shown)).toEqual(['warn:t_hooli']);
    expect(shown['warn:t_hooli']!.title).toBe('Access to Hooli Short Term ends in 5m');
    await fakeBrowser.notifications.clear('warn:t_hooli');
    await w.scheduleWarnings(context);
    expect(await notifications()).toEqual({});
  });

  it('never warns for permanent, ended, blocked or far-off access', async () => {
    await watch().scheduleWarnings(
      tenantContext([
        customer('t_acme', 'Acme Retail'),
        customer('t_initech', 'Initech Finance', { expires_at: at(-MIN) }),
        customer('t_umbrella', 'Umbrella Health', { expires_at: at(5 * MIN), switchable: false, blocked: { code: 'relationship_pending', message: 'pending' } }),
        customer('t_far', 'Far Away', { expires_at: at(8 * 24 * 60 * MIN) }),
      ]),
    );
    expect(await notifications()).toEqual({});
    expect((await alarms()).filter(([n]) => String(n).startsWith('warn:'))).toEqual([]);
  });

  it('warns when a planned alarm fires, and opens the access view when the warning is clicked', async () => {
    entries.t_globex = customer('t_globex', 'Globex Manufacturing', { expires_at: at(10 * MIN) });
    watch();
    await fakeBrowser.alarms.onAlarm.trigger({ name: 'warn:t_globex:10', scheduledTime: NOW });
    await vi.waitFor(async () => expect(Object.keys(await notifications())).toEqual(['warn:t_globex']));
    await fakeBrowser.notifications.onClicked.trigger('warn:t_globex');
    expect(opened).toEqual(['t_globex']);
  });
});
