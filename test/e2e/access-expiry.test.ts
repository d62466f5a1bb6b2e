// Issue 15 in Chromium: the expiry badge follows the tab's customer, a warning fires before access
// ends, the console tab is told the moment it ends; the entitlements view and "why" for denials.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO } from '../../bff/db/seed';
import { addShortGrantCustomer, SHORT_CUSTOMER } from '../helpers/short-grant';
import { useStackWithChromium } from './stack';
import { SCREENSHOTS, signIn, switchWithKeyboard } from './switcher-steps';

/** What the tests read in the extension's service worker. */
interface ChromeApi {
  action: { getBadgeText(details: { tabId: number }): Promise<string>; getBadgeBackgroundColor(details: { tabId: number }): Promise<number[]> };
  notifications: { getAll(): Promise<Record<string, boolean>> };
  declarativeNetRequest: { getSessionRules(): Promise<unknown[]> };
  tabs: { query(q: { url: string }): Promise<{ id: number }[]> };
}

const run = useStackWithChromium();

/** The badge of the tab showing `url` (the service worker sees tab ids; the test does not). */
const badgeOf = (url: string) =>
  run.browser.worker.evaluate(async (u) => {
    const chrome = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    const [tab] = await chrome.tabs.query({ url: u });
    if (!tab) return null;
    return { text: await chrome.action.getBadgeText({ tabId: tab.id }), colour: await chrome.action.getBadgeBackgroundColor({ tabId: tab.id }) };
  }, url);

describe('access-expiry badges and warnings', () => {
  let tab: Page;

  it('shows the hours left on Globex in the toolbar badge of that tab only', async () => {
    const popup = await run.browser.openPopup();
    await signIn(popup);
    await popup.close();
    tab = await run.browser.context.newPage();
    await tab.goto(`${run.stack.consoleUrl}/t/${DEMO.tenants.globex}/dashboard`);
    await switchWithKeyboard(run.browser, tab, 'globex', 'Globex Manufacturing');
    await expect.poll(() => tab.url()).toBe(`${run.stack.consoleUrl}/t/${DEMO.tenants.globex}/dashboard`);
    await expect.poll(async () => (await badgeOf(tab.url()))?.text).toBe('1h'); // Globex ends 2 h after seeding
    const other = await run.browser.context.newPage();
    await other.goto(`${run.stack.consoleUrl}/login`);
    expect((await badgeOf(other.url()))?.text).toBe('');
    await other.close();
  });

  it('turns urgent for access ending in under a minute, warns, and tells the console tab the moment it ends', async () => {
    const endsAt = new Date(run.stack.clock().getTime() + 40_000);
    await addShortGrantCustomer(run.stack.world.database, run.stack.clock(), endsAt);
    await switchWithKeyboard(run.browser, tab, 'hooli', SHORT_CUSTOMER.name);
    const url = `${run.stack.consoleUrl}/t/${SHORT_CUSTOMER.id}/dashboard`;
    await expect.poll(() => tab.url()).toBe(url);
    await expect.poll(() => tab.getByTestId('acting-tenant').textContent()).toBe(SHORT_CUSTOMER.name);
    await expect.poll(async () => (await badgeOf(url))?.text).toBe('1m');
    expect((await badgeOf(url))?.colour).toEqual([207, 34, 46, 255]); // under 10 minutes: red
    const notifications = () => run.browser.worker.evaluate(() => (globalThis as unknown as { chrome: ChromeApi }).chrome.notifications.getAll());
    await expect.poll(notifications).toHaveProperty(`warn:${SHORT_CUSTOMER.id}`);

    const toolbar = tab.getByRole('region', { name: 'MSP Switchboard' });
    await expect.poll(() => toolbar.getByRole('alert').textContent(), { timeout: 60_000 }).toMatch(/ended/);
    await tab.screenshot({ path: join(SCREENSHOTS, 'access-ended.png'), clip: { x: 0, y: 0, width: 1280, height: 200 } });
    expect(await run.browser.worker.evaluate(() => (globalThis as unknown as { chrome: ChromeApi }).chrome.declarativeNetRequest.getSessionRules())).toEqual([]); // the tab moved from Globex to Hooli: no rule is left
    expect((await badgeOf(url))?.text).toBe('end');
    expect((await tab.reload())?.status()).toBe(401);
  });
});
