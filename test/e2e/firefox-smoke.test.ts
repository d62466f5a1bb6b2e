// One real Firefox (Debian's firefox-esr, driven by puppeteer-core over WebDriver BiDi): install
// the Firefox build, sign in, switch, and the console acts for the new customer.
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { DEMO } from '../../bff/db/seed';
import { startStack, type Stack } from './stack';

const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const toolbar = (selector: string) => `switchboard-toolbar >>> ${selector}`;

let stack: Stack;
let browser: Browser;

beforeAll(async () => {
  stack = await startStack(inject('e2e'));
  browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
  await browser.installExtension(inject('e2e').firefoxDir);
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

async function extensionPage(): Promise<Page> {
  for (let attempt = 0; attempt < 50; attempt++) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://')) return page;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('the extension did not open its sign-in page');
}

it('signs in, switches to Acme with a typo, and the console acts for Acme', async () => {
  const page = await browser.newPage();
  const first = await page.goto(`${stack.consoleUrl}/t/${DEMO.tenants.acme}/dashboard`);
  expect(first?.status()).toBe(401);
  await page.locator(toolbar('button.toolbar-switch')).click(); // "Sign in to switch"

  const signIn = await extensionPage();
  await signIn.locator('input[name="email"]').fill('analyst@contoso-msp.example');
  await signIn.locator('input[name="password"]').fill('switchboard-demo');
  await signIn.locator('button[type="submit"]').click();
  await signIn.locator('input[role="combobox"]').wait();
  await signIn.close();

  await page.bringToFront();
  await page.reload();
  await page.locator(toolbar('button.toolbar-switch')).filter((b) => b.textContent === 'Switch customer').click();
  const search = page.locator(toolbar('input[role="combobox"]'));
  // The in-page switcher loads on demand: type once its list is there, as a person would.
  await page.waitForFunction(() => document.querySelector('switchboard-toolbar')?.shadowRoot?.querySelector('[role="option"]'), { timeout: 20_000 });
  await search.fill('acem');
  const first_option = await page.locator(toolbar('[role="option"]')).waitHandle();
  expect(await first_option.evaluate((el) => el.getAttribute('aria-label'))).toBe('Acme Retail');
  await page.keyboard.press('Enter');
  await page.waitForNavigation({ waitUntil: 'load' }).catch(() => undefined);
  const acting = await page.locator('[data-testid="acting-tenant"]').waitHandle();
  expect(await acting.evaluate((el) => el.textContent)).toBe('Acme Retail');
  expect(await page.evaluate(() => location.pathname)).toBe(`/t/${DEMO.tenants.acme}/dashboard`);
  expect(await page.evaluate(() => document.cookie)).toBe('');
});
