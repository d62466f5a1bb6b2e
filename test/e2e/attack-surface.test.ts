// Issue 20, the extension's attack surface as an attacker meets it, in Debian's Chromium with the
// real built extension (test/e2e/extension-surface.test.ts reads the manifests and bundles):
// - forged messages from a content-script context (the extension's own content script on the
//   console, driven through the DevTools protocol in its isolated world; and on a page of another
//   port) and from the page itself are dropped, while a legitimate one is answered;
// - after switching, neither token (session or customer) is anywhere the page's JavaScript can
//   reach: its globals, DOM, URL, history, cookies, storages, caches, IndexedDB, performance entries;
// - with the BFF stopped, the popup says "Switchboard is unreachable" instead of the last-seen list.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { DEMO } from '../../bff/db/seed';
import { auditEvents } from '../../bff/db/schema';
import { launchWithExtension, type ExtensionBrowser } from './chromium';
import { startStack, type Stack } from './stack';
import { signIn, switchWithKeyboard } from './switcher-steps';

interface ChromeApi {
  declarativeNetRequest: { getSessionRules(): Promise<{ action: { requestHeaders?: { value?: string }[] } }[]> };
  storage: { session: { get(key: string): Promise<{ session?: { token: string } }> } };
}

let stack: Stack;
let browser: ExtensionBrowser;
let foreign: Server;
let foreignUrl: string;

beforeAll(async () => {
  const setup = inject('e2e');
  stack = await startStack(setup);
  browser = await launchWithExtension(setup.chromeDir);
  // A page on loopback that is not the console: the content script's match pattern (portless,
  // shared/RECIPES.md) lets it in, the host adapter must not.
  foreign = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>elsewhere</title><p>not the console</p>'));
  await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
  foreignUrl = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
  await new Promise((resolve) => foreign?.close(resolve));
});

/** Sends `message` with chrome.runtime.sendMessage from the extension's content script in `page` (its isolated world). */
async function fromContentScript(page: Page, message: unknown): Promise<{ answer?: unknown; error?: string; noContentScript?: true }> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; origin: string; name: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', (e: { context: (typeof contexts)[number] }) => contexts.push(e.context));
  await cdp.send('Runtime.enable');
  const isolated = contexts.find((c) => c.auxData?.type === 'isolated' && (c.origin.includes(browser.extensionId) || c.name === 'MSP Switchboard'));
  if (!isolated) {
    await cdp.detach();
    return { noContentScript: true };
  }
  const expression = `(async () => {
    try {
      const answer = await Promise.race([chrome.runtime.sendMessage(JSON.parse(${JSON.stringify(JSON.stringify(message))})), new Promise((r) => setTimeout(() => r('__no_answer__'), 3000))]);
      return { answer: answer === undefined ? null : answer };
    } catch (e) { return { error: String(e && e.message) }; }
  })()`;
  const { result } = (await cdp.send('Runtime.evaluate', { expression, contextId: isolated.id, awaitPromise: true, returnByValue: true })) as { result: { value: { answer?: unknown; error?: string } } };
  await cdp.detach();
  return result.value;
}

/** Dropped: no answer of any kind came back (a timeout, a closed port, or nothing). */
const expectDropped = (r: { answer?: unknown; error?: string; noContentScript?: true }, what: string) => {
  expect(r.noContentScript, what).toBeUndefined();
  const answered = r.answer !== undefined && r.answer !== null && r.answer !== '__no_answer__';
  expect(answered, `${what}: ${JSON.stringify(r)}`).toBe(false);
};

describe('the extension under attack in Chromium', () => {
  let consoleTab: Page;
  let otherTab: Page;

  it('signs in and switches a console tab to Acme (the state an attacker would want to abuse)', async () => {
    const popup = await browser.openPopup();
    await signIn(popup);
    await popup.close();
    consoleTab = await browser.context.newPage();
    await consoleTab.goto(`${stack.consoleUrl}/login`);
    (await switchWithKeyboard(browser, consoleTab, 'acme', 'Acme Retail')).isClosed();
    await expect.poll(() => consoleTab.url()).toBe(`${stack.consoleUrl}/t/${DEMO.tenants.acme}/dashboard`);
    otherTab = await browser.context.newPage();
    await otherTab.goto(`${stack.consoleUrl}/login`);
  });

  it('answers its own content script on the console (the control: forged messages below reach the background too)', async () => {
    const r = await fromContentScript(consoleTab, { type: 'session.status' });
    expect(r.answer).toMatchObject({ ok: true, user: { email: 'analyst@contoso-msp.example' } });
  });

  it('drops forged messages from a content-script context: forbidden requests, other tabs, other users, bad payloads', async () => {
    const otherTabId = await browser.worker.evaluate(async (url) => {
      const tabs = await (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number; url: string }[]> } } }).chrome.tabs.query({});
      return tabs.find((t) => t.url === url)!.id;
    }, otherTab.url());
    const switchesBefore = (await stack.world.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'token.exchange'))).length;
    const forged: [string, unknown][] = [
      ['sign out from a web page', { type: 'session.signOut' }],
      ['sign in from a web page', { type: 'session.signIn', email: 'analyst@contoso-msp.example', password: 'switchboard-demo' }],
      ['switch another tab', { type: 'customer.switch', tenantId: DEMO.tenants.globex, tabId: otherTabId }],
      ['ask about another tab', { type: 'tab.customer', tabId: otherTabId }],
      ['explain for another user', { type: 'access.explain', tenantId: DEMO.tenants.acme, userId: DEMO.users.contosoAdmin.id }],
      ['explain another customer', { type: 'access.explain', tenantId: DEMO.tenants.globex }],
      ['entitlements of another customer', { type: 'tenant.entitlements', tenantId: DEMO.tenants.globex }],
      ['an extra key', { type: 'customer.switch', tenantId: DEMO.tenants.globex, grant: 'g_acme_analyst' }],
      ['a wrong type', { type: 'customer.switch', tenantId: 42 }],
      ['a prototype key', JSON.parse('{"type":"session.status","__proto__":{"ok":true}}')],
      ['an unknown type', { type: 'admin.grant', tenantId: DEMO.tenants.globex }],
      ['not an object', 'session.status'],
    ];
    for (const [what, message] of forged) expectDropped(await fromContentScript(consoleTab, message), what);
    // Nothing happened: still signed in, no exchange was made, the other tab untouched.
    expect((await fromContentScript(consoleTab, { type: 'session.status' })).answer).toMatchObject({ ok: true, user: { id: DEMO.users.contosoAnalyst.id } });
    expect((await stack.world.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'token.exchange'))).length).toBe(switchesBefore);
    expect(otherTab.url()).toBe(`${stack.consoleUrl}/login`);
  });

  it('drops every message from its content script on a page that is not the console, even a harmless one', async () => {
    const page = await browser.context.newPage();
    await page.goto(foreignUrl);
    for (const message of [{ type: 'session.status' }, { type: 'context.refresh' }, { type: 'customer.switch', tenantId: DEMO.tenants.acme }]) {
      expectDropped(await fromContentScript(page, message), `${message.type} from ${foreignUrl}`);
    }
    await page.close();
  });

  it('gives the page itself no way in: no runtime to message, and posted window messages change nothing', async () => {
    const reached = await consoleTab.evaluate(async (id) => {
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => Promise<unknown> } } }).chrome?.runtime;
      let answer: unknown = 'no runtime';
      if (runtime?.sendMessage) {
        try {
          answer = await runtime.sendMessage(id, { type: 'session.status' });
        } catch (e) {
          answer = `refused: ${(e as Error).message}`;
        }
      }
      window.postMessage({ type: 'customer.switch', tenantId: 't_globex' }, '*');
      window.postMessage({ type: 'session.signOut' }, '*');
      return answer;
    }, browser.extensionId);
    expect(String(reached)).toMatch(/^(no runtime|refused: )/);
    await consoleTab.waitForTimeout(500);
    expect(consoleTab.url()).toBe(`${stack.consoleUrl}/t/${DEMO.tenants.acme}/dashboard`);
    expect((await fromContentScript(consoleTab, { type: 'session.status' })).answer).toMatchObject({ ok: true, user: { id: DEMO.users.contosoAnalyst.id } });
  });

  it('leaves neither token anywhere the page can reach: globals, DOM, URL, history, cookies, storages, caches, IndexedDB, timings', async () => {
    const rules = await browser.worker.evaluate(() => (globalThis as unknown as { chrome: ChromeApi }).chrome.declarativeNetRequest.getSessionRules());
    const customerToken = rules.map((r) => r.action.requestHeaders?.[0]?.value?.replace(/^Bearer /, '') ?? '').find(Boolean)!;
    const sessionToken = (await browser.worker.evaluate(() => (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.session.get('session'))).session!.token;
    expect(customerToken.split('.')).toHaveLength(3);
    expect(sessionToken.split('.')).toHaveLength(3);
    // The page really used the customer token (the console answered as Acme), so there was something to leak.
    await expect.poll(() => consoleTab.getByTestId('acting-tenant').textContent()).toBe('Acme Retail');

    const everything = await consoleTab.evaluate(async () => {
      const seen = new Set<unknown>();
      const strings: string[] = [];
      const walk = (value: unknown, depth: number) => {
        if (typeof value === 'string') return void strings.push(value);
        if (!value || typeof value !== 'object' || depth > 3 || seen.has(value) || value instanceof Node) return;
        seen.add(value);
        let keys: string[] = [];
        try {
          keys = Object.getOwnPropertyNames(value);
        } catch {
          return;
        }
        for (const k of keys.slice(0, 500)) {
          try {
            walk((value as Record<string, unknown>)[k], depth + 1);
          } catch {
            /* a getter that throws */
          }
        }
      };
      const builtins = new Set(Object.getOwnPropertyNames(Object.getPrototypeOf(window)).concat(Object.getOwnPropertyNames(EventTarget.prototype)));
      for (const k of Object.getOwnPropertyNames(window)) {
        if (builtins.has(k)) continue;
        try {
          walk((window as unknown as Record<string, unknown>)[k], 0);
        } catch {
          /* cross-origin or throwing getter */
        }
      }
      const shadows = [...document.querySelectorAll('*')].map((el) => el.shadowRoot?.innerHTML ?? '').join('');
      const databases = (await indexedDB.databases?.())?.map((d) => d.name ?? '') ?? [];
      const cacheKeys = 'caches' in window ? await caches.keys() : [];
      return JSON.stringify({
        globals: strings,
        html: document.documentElement.outerHTML + shadows,
        url: location.href,
        referrer: document.referrer,
        history: [history.length, JSON.stringify(history.state)],
        name: window.name,
        cookie: document.cookie,
        local: { ...localStorage },
        session: { ...sessionStorage },
        databases,
        cacheKeys,
        timings: performance.getEntries().map((e) => e.name),
      });
    });
    for (const [which, token] of [['customer', customerToken], ['session', sessionToken]] as const) {
      for (const part of [token, token.split('.')[1]!, token.split('.')[2]!]) expect(everything.includes(part), `${which} token found in the page`).toBe(false);
    }
    expect(JSON.parse(everything)).toMatchObject({ cookie: '', local: {}, session: {}, databases: [], cacheKeys: [] });
  });

  it('with the BFF stopped, the popup says "Switchboard is unreachable" instead of the customers it saw last', async () => {
    const before = await browser.openPopup(consoleTab);
    await expect.poll(() => before.getByRole('option', { name: 'Acme Retail' }).count()).toBe(1);
    await before.close();
    await stack.world.close();
    stack.world.close = async () => undefined; // already closed; afterAll closes the rest
    const popup = await browser.openPopup(consoleTab);
    await expect.poll(() => popup.getByRole('alert').textContent()).toMatch(/^Switchboard is unreachable/);
    expect(await popup.getByRole('option').count()).toBe(0);
    expect(await popup.getByRole('region', { name: 'Expiring in the next 7 days' }).count()).toBe(0);
  });
});
