// Issue 17 in Chromium, two people each with the built extension: Contoso's administrator grants
// the analyst 24-hour access to a customer generated through the BFF (change summary first), the analyst sees it
// in the switcher with its expiry and asks for more time, the administrator approves, then removes
// the grant: the analyst's console token is inactive, the tab loses it and the next switch is refused.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { DEMO } from '../../bff/db/seed';
import { introspect } from '../helpers/oauth-requests';
import { launchWithExtension, type ExtensionBrowser } from './chromium';
import { useStackWithChromium } from './stack';
import { ANALYST, PASSWORD } from './switcher-steps';

const ADMIN = 'admin@contoso-msp.example';
const SCREENSHOT = join(import.meta.dirname, '..', '..', 'docs', 'screenshots', 'access-admin.png');
const suffix = Math.random().toString(36).slice(2, 8);
const CUSTOMER = { id: '', name: `Generated Customer ${suffix.toUpperCase()}` };
const CUSTOMER_ADMIN = { email: `admin@${suffix}.example`, password: 'a generated customer admin' };

const run = useStackWithChromium(); // the analyst's browser
let adminBrowser: ExtensionBrowser;
let refusal = '';

/** Signs in through the popup; password hashing on a loaded machine may take more than a second. */
async function signIn(popup: Page, email: string) {
  await popup.getByLabel('E-mail').fill(email);
  await popup.getByLabel('Password').fill(PASSWORD);
  await popup.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => popup.getByRole('combobox', { name: 'Search customers' }).isVisible(), { timeout: 15_000 }).toBe(true);
}

/** The BFF as the test setup calls it (JSON, with a session token when given). */
async function bff<T>(token: string | null, method: string, path: string, body: unknown): Promise<T> {
  const headers = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const res = await fetch(`${run.stack.bffUrl}${path}`, { method, headers, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

beforeAll(async () => {
  adminBrowser = await launchWithExtension(inject('e2e').chromeDir);
  // Through the BFF, as the administrators would: Contoso creates the client (seed 000's account
  // fields) and invites its Platform Administrator (seed 002), asks to manage it, and the
  // customer's administrator approves (seed 003).
  const admin = await run.stack.world.signIn(ADMIN);
  const account = { name: CUSTOMER.name, alternate_email: `it@${suffix}.example`, notification_email: `alerts@${suffix}.example`, timezone: 'Europe/London', country: 'GB', city: 'Leeds', address: '1 Park Row', postal_code: '1000', state: 'West Yorkshire', application_server: 'app.contoso-msp.example' };
  const { tenant } = await bff<{ tenant: { id: string } }>(admin, 'POST', '/v1/admin/tenants', { kind: 'client', parent_id: DEMO.tenants.contoso, account, email_domain: `${suffix}.example`, packages: ['hybrid_discovery_monitoring'], addons: [] });
  CUSTOMER.id = tenant.id;
  const invitation = await bff<{ token: string }>(admin, 'POST', `/v1/admin/tenants/${tenant.id}/invitations`, { email: CUSTOMER_ADMIN.email, role: 'platform_administrator' });
  await bff(null, 'POST', '/v1/invitations/accept', { token: invitation.token, name: 'Customer Administrator', password: CUSTOMER_ADMIN.password });
  const { relationship } = await bff<{ relationship: { id: string; version: number } }>(admin, 'POST', '/v1/relationships', { customer_id: tenant.id });
  await bff(await run.stack.world.signIn(CUSTOMER_ADMIN.email, CUSTOMER_ADMIN.password), 'POST', `/v1/relationships/${relationship.id}/approve`, { version: relationship.version });
});
afterAll(async () => {
  console.info(`the refused switch said: ${refusal}`);
  await adminBrowser?.close();
});

/** The tab's customer token, as the extension's session rule sets it on the console's requests. */
const tokenOf = (tenantId: string) =>
  run.browser.worker.evaluate(async (id) => {
    type Rule = { condition: { urlFilter?: string }; action: { requestHeaders?: { value?: string }[] } };
    const rules = (await (globalThis as unknown as { chrome: { declarativeNetRequest: { getSessionRules(): Promise<Rule[]> } } }).chrome.declarativeNetRequest.getSessionRules()) as Rule[];
    const rule = rules.find((r) => r.condition.urlFilter?.includes(`/t/${id}/`));
    return rule?.action.requestHeaders?.[0]?.value?.replace(/^Bearer /, '') ?? null;
  }, tenantId);

describe('access administration, end to end', () => {
  let access: Page;
  let consoleTab: Page;

  it('the administrator grants the analyst 24-hour access, after the change summary', async () => {
    const popup = await adminBrowser.openPopup();
    await signIn(popup, ADMIN);
    const opened = adminBrowser.context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Manage access' }).click();
    access = await opened;
    await access.setViewportSize({ width: 1280, height: 900 });
    await expect.poll(() => access.getByRole('heading', { level: 1 }).textContent()).toBe('Manage customer access');

    await access.getByLabel('Search customers').fill(suffix);
    const customers = access.getByRole('table', { name: 'Customers' });
    await expect.poll(() => customers.getByRole('row').count()).toBe(2); // header + the generated customer
    await customers.getByRole('button', { name: CUSTOMER.name, exact: true }).click();
    const detail = access.getByRole('region', { name: `Access to ${CUSTOMER.name}` });
    await detail.getByRole('button', { name: 'Assign user access' }).click();
    const form = detail.getByRole('form', { name: 'Assign access' });
    await form.getByRole('checkbox', { name: /Ari Analyst/ }).check();
    expect(await form.getByRole('checkbox', { name: CUSTOMER.name }).isChecked()).toBe(true);
    await form.getByRole('radio', { name: '24 hours' }).check();
    await form.getByLabel(`Role in ${CUSTOMER.name}`).selectOption('operator');
    await form.getByRole('group', { name: `Role and products in ${CUSTOMER.name}` }).getByRole('checkbox', { name: 'Hybrid Discovery and Monitoring' }).check();
    await form.getByRole('button', { name: 'Review changes' }).click();

    const summary = detail.getByRole('region', { name: 'Change summary' });
    const change = summary.getByRole('article', { name: `Ari Analyst in ${CUSTOMER.name}` });
    await expect.poll(() => change.textContent()).toMatch(/OriginalNo access yet/);
    expect(await change.textContent()).toMatch(/UpdatedPlatform AdministratorNoRoleOperatorProductsHybrid Discovery and MonitoringAccessUntil /);
    expect(await change.textContent()).toMatch(/AddedAccess to the customerProduct: Hybrid Discovery and MonitoringRole: OperatorRemovedNothingChangedNothing/);
    await access.screenshot({ path: SCREENSHOT, fullPage: true });
    await summary.getByRole('button', { name: 'Submit' }).click();

    await expect.poll(() => access.getByRole('status').first().textContent()).toBe('Access assigned: 1 grant.');
    const granted = detail.getByRole('table', { name: `Users with access to ${CUSTOMER.name}` }).getByRole('row', { name: /Ari Analyst/ });
    await expect.poll(() => granted.textContent()).toMatch(/Time-limited/);
  });

  it('the analyst’s switcher shows the customer with its expiry, and switching hands the console a token', async () => {
    const popup = await run.browser.openPopup();
    await signIn(popup, ANALYST);
    await popup.close();
    consoleTab = await run.browser.context.newPage();
    await consoleTab.goto(`${run.stack.consoleUrl}/t/${DEMO.tenants.acme}/dashboard`);
    const switcher = await run.browser.openPopup(consoleTab);
    await switcher.getByRole('combobox', { name: 'Search customers' }).pressSequentially(suffix);
    const option = switcher.getByRole('option', { name: CUSTOMER.name });
    await expect.poll(() => option.textContent()).toMatch(/23h 5\dm left/);
    await switcher.getByRole('combobox', { name: 'Search customers' }).press('Enter');
    await expect.poll(() => consoleTab.url()).toContain(`/t/${CUSTOMER.id}/`);
    await expect.poll(() => consoleTab.getByTestId('acting-tenant').textContent()).toBe(CUSTOMER.name);
  });

  it('the analyst asks for more time from the switcher row; the administrator approves it; the switcher shows the new expiry', async () => {
    const popup = await run.browser.openPopup(consoleTab);
    await popup.getByRole('combobox', { name: 'Search customers' }).pressSequentially(suffix);
    await popup.getByRole('listbox', { name: 'Customers' }).getByRole('button', { name: `Request more time for ${CUSTOMER.name}` }).click();
    const ask = popup.getByRole('form', { name: `Request more time for ${CUSTOMER.name}` });
    await ask.getByLabel('Reason').fill('Incident 4411 is still open');
    await popup.screenshot({ path: SCREENSHOT.replace('.png', '-more-time.png') });
    await ask.getByRole('button', { name: 'Send request' }).click();
    await expect.poll(() => popup.getByRole('status').first().textContent()).toMatch(/^Request sent/);
    await popup.close();

    await access.getByRole('tab', { name: 'Requests for more time' }).click();
    const requests = access.getByRole('table', { name: 'Pending requests' });
    await expect.poll(() => requests.getByRole('row', { name: /Ari Analyst/ }).textContent()).toMatch(/Incident 4411 is still open/);
    await requests.getByRole('checkbox', { name: `Select the request of Ari Analyst for ${CUSTOMER.name}` }).check();
    await access.getByLabel('New end of access').selectOption('48');
    await access.getByRole('button', { name: 'Approve selected' }).click();
    await expect.poll(() => access.getByRole('status').first().textContent()).toBe('Approved 1 request.');

    const again = await run.browser.openPopup(consoleTab);
    await again.getByRole('combobox', { name: 'Search customers' }).pressSequentially(suffix);
    await expect.poll(() => again.getByRole('option', { name: CUSTOMER.name }).textContent()).toMatch(/1d 23h left|2d 0h left/);
    await again.close();
  });

  it('the administrator removes the grant: the console token is inactive, the tab loses it, the next switch is refused', async () => {
    const token = await tokenOf(CUSTOMER.id);
    expect(token).toMatch(/^ey/);
    expect((await introspect(run.stack.world, token!)).body.active).toBe(true);

    // The analyst's switcher is open, listing the customer as it was (access still live).
    const before = await run.browser.openPopup(consoleTab);
    await before.getByRole('combobox', { name: 'Search customers' }).pressSequentially(suffix);
    const option = before.getByRole('option', { name: CUSTOMER.name });
    await expect.poll(() => option.getAttribute('aria-disabled')).toBe('false');

    await access.getByRole('tab', { name: 'Customers' }).click();
    await access.getByLabel('Search customers').fill(suffix);
    await access.getByRole('table', { name: 'Customers' }).getByRole('button', { name: CUSTOMER.name, exact: true }).click();
    const detail = access.getByRole('region', { name: `Access to ${CUSTOMER.name}` });
    await detail.getByRole('button', { name: `Remove access of Ari Analyst to ${CUSTOMER.name}` }).click();
    const removal = detail.getByRole('region', { name: `Remove access: Ari Analyst in ${CUSTOMER.name}` });
    await expect.poll(() => removal.getByRole('article').textContent()).toMatch(/UpdatedNo access/);
    await removal.getByRole('button', { name: 'Yes, remove access' }).click();
    await expect.poll(() => access.getByRole('status').first().textContent()).toBe(`Access removed: Ari Analyst in ${CUSTOMER.name}.`);
    expect((await introspect(run.stack.world, token!)).body.active).toBe(false);

    // The next switch is refused, with the BFF's reason on the row.
    await before.getByRole('combobox', { name: 'Search customers' }).press('Enter');
    await expect.poll(() => option.locator('.customer-refusal').textContent()).toMatch(/\w/);
    refusal = (await option.locator('.customer-refusal').textContent())!;
    await before.close();

    // A fresh look at the analyst's customers: it is gone, and the console tab no longer gets a token.
    const after = await run.browser.openPopup(consoleTab);
    await after.getByRole('combobox', { name: 'Search customers' }).pressSequentially(suffix);
    await expect.poll(() => after.getByRole('option').count()).toBe(0);
    await expect.poll(() => tokenOf(CUSTOMER.id)).toBeNull();
    expect((await consoleTab.reload())?.status()).toBe(401);
  });
});
