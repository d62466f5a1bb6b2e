// The branding preview in real Firefox (firefox-esr over WebDriver BiDi, puppeteer-core): the editor
// (an extension page) holds its port, the console tab changes as the admin types, and closing the
// editor puts the published look back.
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

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  let value = await read();
  for (let i = 0; i < 100 && !ok(value); i++) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

it('previews a new website title on the console tab as the admin types, and restores it when the editor closes', async () => {
  const tab = await browser.newPage();
  await tab.goto(`${stack.consoleUrl}/t/${DEMO.tenants.acme}/dashboard`);
  await tab.locator(toolbar('button.toolbar-switch')).click(); // "Sign in to switch"
  const signIn = await extensionPage();
  await signIn.locator('input[name="email"]').fill('admin@contoso-msp.example');
  await signIn.locator('input[name="password"]').fill('switchboard-demo');
  await signIn.locator('button[type="submit"]').click();
  await signIn.locator('input[role="combobox"]').wait();
  const published = await tab.evaluate(() => document.title);
  expect(published).toMatch(/ · Contoso Monitor$/);

  // What the popup's Branding button sends, sent from the extension's own page (the popup's tab
  // query cannot be steered under WebDriver): the background opens the editor for the console tab.
  const opened = await signIn.evaluate(async (url) => {
    const ext = (globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ id: number; url?: string }[]> }; runtime: { sendMessage(m: object): Promise<unknown> } } }).browser;
    const consoleTab = (await ext.tabs.query({})).find((t) => t.url?.startsWith(`${url}/t/`))!.id; // ported match patterns do not work in Firefox
    return ext.runtime.sendMessage({ type: 'branding.open', tabId: consoleTab });
  }, stack.consoleUrl);
  expect(opened).toEqual({ ok: true });
  await signIn.close();
  let editor: Page | undefined;
  for (let i = 0; i < 50 && !editor; i++) {
    for (const page of await browser.pages()) if ((await page.evaluate(() => location.pathname).catch(() => '')) === '/branding.html') editor = page;
    if (!editor) await new Promise((r) => setTimeout(r, 200));
  }
  const title = await editor!.locator('::-p-aria(Website title[role="textbox"])').waitHandle();
  await title.type('Acme in Firefox');
  const previewed = await until(() => tab.evaluate(() => document.title), (t) => t.endsWith('Acme in Firefox'));
  expect(previewed).toBe(published.replace(/Contoso Monitor$/, 'Acme in Firefox'));
  await editor!.close();
  expect(await until(() => tab.evaluate(() => document.title), (t) => t === published)).toBe(published);
});
