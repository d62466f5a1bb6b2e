// The entitlements view and "why" in Chromium, for an analyst, support staff and another partner.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useStackWithChromium } from './stack';
import { SCREENSHOTS, signIn, switchWithKeyboard } from './switcher-steps';
import { DEMO } from '../../bff/db/seed';

const SEED_DENIAL = 'Access Denied! The partner is not subscribed to this product package (Remediation and Automation).';
const run = useStackWithChromium();

async function signInAs(email: string) {
  const popup = await run.browser.openPopup();
  const signOut = popup.getByRole('button', { name: 'Sign out' });
  // The popup first asks the background who is signed in: wait for either answer before choosing.
  await signOut.or(popup.getByLabel('E-mail')).first().waitFor();
  if (await signOut.isVisible()) await signOut.click();
  await signIn(popup, email);
  await popup.close();
}

async function entitlementsOf(query: string): Promise<Page> {
  const page = await run.browser.context.newPage();
  await page.goto(`chrome-extension://${run.browser.extensionId}/entitlements.html?${query}`);
  return page;
}

describe('entitlements view', () => {
  it('shows Globex without Remediation and Automation, with seed 000’s reason', async () => {
    await signInAs('analyst@contoso-msp.example');
    const page = await entitlementsOf('tenant=t_globex');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Entitlements of Globex Manufacturing');
    const row = page.getByRole('table', { name: 'Packages', exact: true }).getByRole('row', { name: /Remediation and Automation/ });
    await expect.poll(() => row.textContent()).toContain('Denied');
    expect(await row.textContent()).toContain(SEED_DENIAL);
    await page.screenshot({ path: join(SCREENSHOTS, 'entitlements.png'), fullPage: false });
    await page.close();
  });

  it('explains why the analyst cannot run jobs in Globex, as a readable chain of reasons', async () => {
    const page = await entitlementsOf('tenant=t_globex&permission=Jobs_Manage');
    const explanation = page.getByRole('region', { name: 'Explanation' });
    await expect.poll(() => explanation.textContent()).toMatch(/^Denied/);
    const reasons = explanation.getByRole('list', { name: 'Reasons' }).getByRole('listitem');
    expect(await reasons.allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^✗ fails: Access Denied! The partner is not subscribed/)]));
    await page.getByRole('button', { name: 'Copy for ticket', exact: true }).click();
    const ticket = page.getByRole('textbox', { name: 'Ticket summary' });
    await expect.poll(() => ticket.inputValue()).toContain('Globex Manufacturing');
    expect(await ticket.inputValue()).toContain('Jobs_Manage');
    await page.close();
  });

  it('explains a disabled Automation control of Globex’s console in place, and opens the view from there', async () => {
    const tab = await run.browser.context.newPage();
    await tab.goto(`${run.stack.consoleUrl}/t/${DEMO.tenants.globex}/automation`);
    await switchWithKeyboard(run.browser, tab, 'globex', 'Globex Manufacturing');
    await expect.poll(() => tab.getByTestId('access-denied').isVisible()).toBe(true);
    expect(await tab.getByRole('button', { name: 'Run job', exact: true }).isDisabled()).toBe(true);
    await tab.getByRole('button', { name: 'Why is Run job unavailable?' }).click();
    const why = tab.getByRole('dialog', { name: 'Why Run job is unavailable' });
    await expect.poll(() => why.textContent()).toContain('Denied: Jobs_Manage in Globex Manufacturing');
    expect(await why.getByRole('list', { name: 'Failing reasons' }).textContent()).toContain(SEED_DENIAL);
    await tab.screenshot({ path: join(SCREENSHOTS, 'why-unavailable.png'), clip: { x: 0, y: 0, width: 1280, height: 420 } });
    const [view] = await Promise.all([run.browser.context.waitForEvent('page'), why.getByRole('button', { name: 'Open entitlements' }).click()]);
    await expect.poll(() => view.getByRole('region', { name: 'Explanation' }).textContent()).toMatch(/^Denied: Jobs_Manage/);
    await view.close();
    await tab.close();
  });

  it('lets support staff explain a denial for another user', async () => {
    await signInAs('support@northwind.example');
    const page = await entitlementsOf('tenant=t_globex');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Entitlements of Globex Manufacturing');
    await page.getByRole('textbox', { name: 'User (id)' }).fill('u_contoso_analyst');
    await page.getByRole('combobox', { name: 'Permission' }).fill('Jobs_Manage');
    await page.getByRole('button', { name: 'Explain', exact: true }).click();
    const explanation = page.getByRole('region', { name: 'Explanation' });
    await expect.poll(() => explanation.textContent()).toContain('analyst@contoso-msp.example');
    expect(await explanation.textContent()).toMatch(/^Denied/);
    await page.close();
  });

  it('shows another partner’s tenant exactly like a missing one', async () => {
    await signInAs('analyst@fabrikam.example');
    const foreign = await entitlementsOf('tenant=t_acme');
    const missing = await entitlementsOf('tenant=t_nonexistent');
    await expect.poll(() => foreign.getByRole('alert').textContent()).toBe('no such tenant, or no access to it');
    await expect.poll(() => missing.getByRole('alert').textContent()).toBe('no such tenant, or no access to it');
    expect(await foreign.textContent('body')).not.toContain('Acme');
  });
});
