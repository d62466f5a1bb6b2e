// The customer switcher as an analyst uses it: the real built extension in Debian's Chromium,
// against the real BFF and console on 127.0.0.1.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO } from '../../bff/db/seed';
import { introspect } from '../helpers/oauth-requests';
import { launchWithExtension, type ExtensionBrowser } from './chromium';
import { startStack, type Stack } from './stack';
import { ANALYST, SCREENSHOTS, signIn, switchWithKeyboard as switchTo } from './switcher-steps';

const actingTenant = (page: Page) => page.getByTestId('acting-tenant').textContent({ timeout: 10_000 });
const switchWithKeyboard = (tab: Page, query: string, expectFirst: string) => switchTo(browser, tab, query, expectFirst);

/** What the tests read in the extension's service worker. */
interface ChromeApi {
  declarativeNetRequest: { getSessionRules(): Promise<{ action: { requestHeaders?: { value?: string }[] } }[]> };
  storage: { session: { get(key: string): Promise<{ session?: { token: string } }> } };
}

let stack: Stack;
let browser: ExtensionBrowser;

beforeAll(async () => {
  const setup = inject('e2e');
  stack = await startStack(setup);
  browser = await launchWithExtension(setup.chromeDir);
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

describe('the switcher in Chromium', () => {
  let tab: Page;

  it('signs in through the extension popup, with labelled fields', async () => {
    const popup = await browser.openPopup();
    await signIn(popup);
    await expect.poll(() => popup.getByRole('option', { name: 'Acme Retail' }).count()).toBe(1);
    await popup.close();
  });

  it('shows the in-page toolbar before any customer is active, its styles isolated from the page', async () => {
    tab = await browser.context.newPage();
    const response = await tab.goto(`${stack.consoleUrl}/t/${DEMO.tenants.acme}/alerts`);
    expect(response?.status()).toBe(401);
    await expect.poll(() => tab.getByTestId('sign-in-required').isVisible()).toBe(true);
    const toolbar = tab.getByRole('region', { name: 'MSP Switchboard' });
    await expect.poll(() => toolbar.getByTestId('toolbar-customer').textContent()).toBe('No customer active in this tab');
    const switchButton = toolbar.getByRole('button', { name: 'Switch customer' });
    await expect.poll(() => switchButton.isVisible()).toBe(true);
    // The console's global CSS paints every button red in a serif font; the toolbar's are untouched.
    const pageButtonColour = await tab.evaluate(() => {
      const probe = document.body.appendChild(document.createElement('button'));
      const colour = getComputedStyle(probe).backgroundColor;
      probe.remove();
      return colour;
    });
    expect(pageButtonColour).toBe('rgb(255, 0, 0)');
    expect(await switchButton.evaluate((el) => getComputedStyle(el).backgroundColor)).not.toBe('rgb(255, 0, 0)');
    expect(await switchButton.evaluate((el) => getComputedStyle(el).fontFamily)).not.toMatch(/^serif$/);
    // ... and the toolbar's styles do not reach the page: a page button with the toolbar's class stays red.
    const lookalike = await tab.evaluate(() => {
      const probe = document.body.appendChild(document.createElement('button'));
      probe.className = 'toolbar-switch';
      const colour = getComputedStyle(probe).backgroundColor;
      probe.remove();
      return colour;
    });
    expect(lookalike).toBe('rgb(255, 0, 0)');
  });

  it('finds "acem" and switches with the keyboard: the console acts for Acme on the same page', async () => {
    await switchWithKeyboard(tab, 'acem', 'Acme Retail');
    await expect.poll(() => tab.url()).toBe(`${stack.consoleUrl}/t/${DEMO.tenants.acme}/alerts`);
    await expect.poll(() => actingTenant(tab)).toBe('Acme Retail');
    expect(await tab.getByTestId('acting-user').textContent()).toBe(ANALYST);
    await expect.poll(() => tab.getByRole('region', { name: 'MSP Switchboard' }).getByTestId('toolbar-customer').textContent()).toContain('Acting for Acme Retail');
  });

  it('finds "glbx" and lands on the same page for Globex', async () => {
    await switchWithKeyboard(tab, 'glbx', 'Globex Manufacturing');
    await expect.poll(() => tab.url()).toBe(`${stack.consoleUrl}/t/${DEMO.tenants.globex}/alerts`);
    await expect.poll(() => actingTenant(tab)).toBe('Globex Manufacturing');
  });

  for (const [name, reason] of [
    ['Initech Finance', /expired/],
    ['Umbrella Health', /pending/],
  ] as const) {
    it(`refuses ${name} with the BFF's reason next to it, and the tab stays where it was`, async () => {
      const popup = await switchWithKeyboard(tab, name.split(' ')[0]!.toLowerCase(), name);
      const row = popup.getByRole('option', { name });
      await expect.poll(() => row.locator('.customer-refusal').textContent()).toMatch(reason);
      expect(await row.locator('.customer-refusal').isVisible()).toBe(true);
      expect(tab.url()).toBe(`${stack.consoleUrl}/t/${DEMO.tenants.globex}/alerts`);
      await tab.reload();
      expect(await actingTenant(tab)).toBe('Globex Manufacturing');
      await popup.close();
    });
  }
});

describe('tabs, tokens and the in-page switcher', () => {
  let globexTab: Page;
  let acmeTab: Page;

  it('switches a fresh tab from the dashboard of a customer it may not see yet', async () => {
    globexTab = await browser.context.newPage();
    await globexTab.goto(`${stack.consoleUrl}/t/${DEMO.tenants.globex}/dashboard`);
    await switchWithKeyboard(globexTab, 'globex', 'Globex Manufacturing');
    await expect.poll(() => actingTenant(globexTab)).toBe('Globex Manufacturing');
  });

  it('keeps two tabs in two customers, each kept after reload', async () => {
    acmeTab = await browser.context.newPage();
    await acmeTab.goto(`${stack.consoleUrl}/login`);
    await switchWithKeyboard(acmeTab, 'acme', 'Acme Retail');
    await expect.poll(() => acmeTab.url()).toBe(`${stack.consoleUrl}/t/${DEMO.tenants.acme}/dashboard`);
    await expect.poll(() => actingTenant(acmeTab)).toBe('Acme Retail');
    await Promise.all([globexTab.reload(), acmeTab.reload()]);
    expect(await actingTenant(globexTab)).toBe('Globex Manufacturing');
    expect(await actingTenant(acmeTab)).toBe('Acme Retail');
    // The page's own fetch calls carry its tab's token too.
    await expect.poll(() => acmeTab.getByTestId('api-tenant').textContent()).toBe('Acme Retail');
    // Another tab on Acme's pages gets no token: the hand-off is per tab.
    const stranger = await browser.context.newPage();
    expect((await stranger.goto(`${stack.consoleUrl}/t/${DEMO.tenants.acme}/dashboard`))?.status()).toBe(401);
    await stranger.close();
  });

  it('never lets the page read either token: not in cookies, storage, the URL or the DOM', async () => {
    const rules = await browser.worker.evaluate(() => (globalThis as unknown as { chrome: ChromeApi }).chrome.declarativeNetRequest.getSessionRules());
    const customerTokens = rules.map((r) => r.action.requestHeaders?.[0]?.value?.replace(/^Bearer /, '') ?? '');
    const stored = await browser.worker.evaluate(() => (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.session.get('session'));
    const sessionToken = stored.session?.token ?? '';
    expect(customerTokens.filter(Boolean).length).toBeGreaterThanOrEqual(2);
    expect(sessionToken.length).toBeGreaterThan(20);
    for (const page of [acmeTab, globexTab]) {
      const visible = await page.evaluate(() => {
        const shadows = [...document.querySelectorAll('*')].map((el) => el.shadowRoot?.innerHTML ?? '').join('');
        return JSON.stringify({
          cookie: document.cookie,
          local: { ...localStorage },
          session: { ...sessionStorage },
          url: location.href,
          html: document.documentElement.outerHTML + shadows,
          name: window.name,
          chromeStorage: typeof (globalThis as { chrome?: { storage?: unknown } }).chrome?.storage,
        });
      });
      for (const token of [...customerTokens, sessionToken]) expect(visible.includes(token.slice(-40))).toBe(false);
      expect(JSON.parse(visible)).toMatchObject({ cookie: '', local: {}, session: {}, chromeStorage: 'undefined' });
    }
  });

  it('opens the same switcher in place from the in-page toolbar', async () => {
    const toolbar = globexTab.getByRole('region', { name: 'MSP Switchboard' });
    await toolbar.getByRole('button', { name: 'Switch customer' }).click();
    const search = toolbar.getByRole('combobox', { name: 'Search customers' });
    await expect.poll(() => search.isVisible()).toBe(true);
    await globexTab.screenshot({ path: join(SCREENSHOTS, 'in-page-switcher.png') });
    await search.pressSequentially('acme');
    await expect.poll(() => toolbar.getByRole('option').first().getAttribute('aria-label')).toBe('Acme Retail');
    await search.press('Enter');
    await expect.poll(() => globexTab.url()).toBe(`${stack.consoleUrl}/t/${DEMO.tenants.acme}/dashboard`);
    await expect.poll(() => actingTenant(globexTab)).toBe('Acme Retail');
  });

  it('marks a customer with a colour and label that the in-page toolbar shows as a ribbon', async () => {
    const popup = await browser.openPopup(acmeTab);
    await popup.getByRole('combobox', { name: 'Search customers' }).pressSequentially('acme');
    const marks = popup.getByRole('group', { name: 'Marks for Acme Retail' });
    await marks.getByLabel('Colour').evaluate((el: HTMLInputElement) => {
      el.value = '#1a7f37';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await marks.getByLabel('Label').fill('PROD');
    await marks.getByLabel('Label').press('Tab');
    await marks.getByRole('button', { name: 'Pin Acme Retail' }).click();
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup.png') });
    await acmeTab.reload();
    await expect.poll(() => acmeTab.getByTestId('customer-label').textContent()).toBe('PROD');
    expect(await acmeTab.getByTestId('customer-ribbon').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(26, 127, 55)');
    await acmeTab.screenshot({ path: join(SCREENSHOTS, 'in-page-toolbar.png'), clip: { x: 0, y: 0, width: 1280, height: 220 } });
    await popup.close();
  });
});

describe('signing out', () => {
  it('revokes the session at the BFF, ends its customer tokens and takes every tab out of its customer', async () => {
    const rules = await browser.worker.evaluate(() => (globalThis as unknown as { chrome: ChromeApi }).chrome.declarativeNetRequest.getSessionRules());
    const customerToken = rules[0]!.action.requestHeaders![0]!.value!.replace(/^Bearer /, '');
    expect(((await introspect(stack.world, customerToken)).body as { active: boolean }).active).toBe(true);

    const tab = browser.context.pages().find((p) => p.url().includes(`/t/${DEMO.tenants.acme}/`))!;
    const popup = await browser.openPopup(tab);
    await popup.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => popup.getByLabel('E-mail').isVisible()).toBe(true);

    expect(await browser.worker.evaluate(() => (globalThis as unknown as { chrome: ChromeApi }).chrome.declarativeNetRequest.getSessionRules())).toEqual([]);
    expect(((await introspect(stack.world, customerToken)).body as { active: boolean }).active).toBe(false);
    expect((await tab.reload())?.status()).toBe(401);
    await expect.poll(() => tab.getByRole('region', { name: 'MSP Switchboard' }).getByRole('button', { name: 'Sign in to switch' }).isVisible()).toBe(true);
    await popup.close();
  });
});
