// The branding editor in Chromium, against the real BFF and console: live preview on Acme's console
// page without a reload, refusals with their reason, the contrast ratio, publish seen by a client
// user in a fresh browser, rollback, and an analyst who may not publish and is told why.
import { join } from 'node:path';
import { wcagContrast } from 'culori';
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension } from './chromium';
import { useStackWithChromium } from './stack';
import { PASSWORD, signIn } from './switcher-steps';
import { DISGUISED, DOCS_SCREENSHOTS, SVG, badgePng, brandingOf, dropFile, markDocument } from './branding-steps';
import { DEMO } from '../../bff/db/seed';

const ADMIN = 'admin@contoso-msp.example';
const run = useStackWithChromium();
/** The preview crosses three contexts (editor, background, page) on a busy machine: give it time. */
const poll = <T,>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 10_000 });
const acmePage = () => `${run.stack.consoleUrl}/t/${DEMO.tenants.acme}/dashboard`;

async function signInAs(email: string) {
  const popup = await run.browser.openPopup();
  const signOut = popup.getByRole('button', { name: 'Sign out' });
  // The popup first asks the background who is signed in: wait for either answer before choosing.
  await signOut.or(popup.getByLabel('E-mail')).first().waitFor();
  if (await signOut.isVisible()) await signOut.click();
  await signIn(popup, email);
  await popup.close();
}

/** Opens Acme's console page in a new tab, once the extension's content script runs there. */
async function openAcme(): Promise<Page> {
  const tab = await run.browser.context.newPage();
  await tab.goto(acmePage());
  await poll(() => tab.getByRole('region', { name: 'MSP Switchboard' }).isVisible()).toBe(true);
  return tab;
}

/** Opens the editor for `tab` from the toolbar popup's Branding button, as a person would. */
async function openEditorFor(tab: Page): Promise<Page> {
  const popup = await run.browser.openPopup(tab);
  const [editor] = await Promise.all([run.browser.context.waitForEvent('page'), popup.getByRole('button', { name: 'Branding', exact: true }).click()]);
  await popup.close();
  await poll(() => editor.getByRole('heading', { level: 1 }).textContent()).toBe('Branding of Acme Retail');
  return editor;
}

describe('branding editor', () => {
  let tab: Page;
  let editor: Page;
  let published: Awaited<ReturnType<typeof brandingOf>>;

  it('previews the admin’s edits live on Acme’s console page, without a reload', async () => {
    await signInAs(ADMIN);
    tab = await openAcme();
    published = await brandingOf(tab);
    expect(published.title).toMatch(/ · Contoso Monitor$/); // Acme inherits Contoso's website title
    await tab.screenshot({ path: join(DOCS_SCREENSHOTS, 'branding-before.png') });
    await markDocument(tab);
    editor = await openEditorFor(tab);

    await editor.bringToFront();
    await editor.getByRole('textbox', { name: 'Website title' }).fill('Acme Store Ops');
    await poll(async () => (await brandingOf(tab)).title).toBe(published.title.replace(/Contoso Monitor$/, 'Acme Store Ops'));
    await editor.getByRole('textbox', { name: 'Text colour', exact: true }).fill('#ffd700');
    await poll(async () => (await brandingOf(tab)).textColour).toBe('#ffd700');
    await dropFile(editor, 'Logo drop zone', 'acme-logo.png', badgePng(384, 512));
    await poll(async () => (await brandingOf(tab)).logo ?? '').toMatch(/^data:image\/png;base64,/);
    expect(await editor.getByRole('img', { name: 'Current logo' }).isVisible()).toBe(true);
    const now = await brandingOf(tab);
    expect(now.reloaded).toBe(false); // the same document all along
    await poll(() => tab.getByRole('status').filter({ hasText: 'Draft branding preview' }).textContent()).toBe(
      'Draft branding preview (not published), as White labeled Client Portal (Read Only).',
    );
    await editor.screenshot({ path: join(DOCS_SCREENSHOTS, 'branding-editor.png'), fullPage: true });
    await tab.bringToFront();
    await tab.screenshot({ path: join(DOCS_SCREENSHOTS, 'branding-after.png') });
  });

  it('toggles before and after, previews as a web-client role and an Alert Contact, and shows the login page', async () => {
    const draftTitle = published.title.replace(/Contoso Monitor$/, 'Acme Store Ops');
    const before = editor.getByRole('checkbox', { name: 'Show the published look (before)' });
    await before.check();
    await poll(async () => (await brandingOf(tab)).title).toBe(published.title);
    await before.uncheck();
    await poll(async () => (await brandingOf(tab)).title).toBe(draftTitle);
    // Seed 004: the default web client shows only company name and logo, so the title is the console's own.
    const role = editor.getByRole('combobox', { name: 'Preview as' });
    await role.selectOption({ label: 'Operator' });
    await poll(async () => (await brandingOf(tab)).title).toMatch(/ · Contoso Monitor$/);
    expect((await brandingOf(tab)).logo).toMatch(/^data:image\/png;base64,/);
    expect(await editor.getByLabel('What this role sees').textContent()).toContain('only the company name and logo');
    await role.selectOption({ label: 'Alert Contact (No Access to Web Client)' });
    await poll(() => tab.getByRole('status').filter({ hasText: 'Alert Contacts cannot open this page at all' }).count()).toBe(1);
    await role.selectOption({ label: 'White labeled Client Portal (Read Only)' });
    await editor.getByRole('radio', { name: 'Login page' }).check();
    const login = tab.getByRole('region', { name: 'Login page preview' });
    await poll(() => login.getByRole('img', { name: /logo/i }).first().getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    await editor.getByRole('radio', { name: 'Console page' }).check();
    await poll(() => login.count()).toBe(0);
    expect((await brandingOf(tab)).title).toBe(draftTitle);
    expect(await editor.getByRole('figure', { name: 'Browser tab as users will see it' }).textContent()).toBe('Dashboard · Acme Store Opshttps://status.acme.example/');
  });

  it('refuses an over-size, a disguised and an SVG file with the reason, keeping the dropped logo', async () => {
    await editor.bringToFront();
    const file = editor.getByLabel('Logo file');
    const findings = editor.getByRole('list', { name: 'Logo: findings' });
    await file.setInputFiles({ name: 'huge-logo.png', mimeType: 'image/png', buffer: badgePng(900, 600) });
    await poll(() => findings.textContent()).toContain('Logo: 900 x 600 px is too large; the logo may be at most 512 px wide and 512 px high');
    await file.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: DISGUISED });
    await poll(() => findings.textContent()).toContain('PNG or JPEG only, checked by content (not by file name); this file is not an image');
    expect(await editor.getByText('logo.png was refused:').isVisible()).toBe(true);
    await file.setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: SVG });
    await poll(() => findings.textContent()).toContain('SVG is refused because an SVG can carry script');
    expect((await brandingOf(tab)).logo).toMatch(/^data:image\/png;base64,/); // still the good one
  });

  it('shows the ratio of a low-contrast pair', async () => {
    const text = editor.getByRole('textbox', { name: 'Text colour', exact: true });
    await text.fill('#3b5b9b'); // on Contoso's inherited #0b3d91
    const expected = (Math.round(wcagContrast('#3b5b9b', '#0b3d91') * 100) / 100).toFixed(2);
    await poll(() => editor.getByLabel('Contrast').textContent()).toContain(`Contrast ${expected}:1, below the 4.5:1 WCAG 2.2 asks for text`);
    await text.fill('#ffd700');
    await poll(() => editor.getByLabel('Contrast').textContent()).toMatch(/meets WCAG 2\.2/);
  });

  it('publishes after showing the changes, and a client user in a fresh browser sees the new branding', async () => {
    await editor.getByRole('button', { name: 'Review and publish…' }).click();
    const review = editor.getByRole('dialog', { name: 'Publish the branding of Acme Retail' });
    const changes = review.getByRole('table', { name: 'Changes' });
    await poll(() => changes.getByRole('row', { name: /Website title/ }).textContent()).toBe('Website titleContoso MonitorAcme Store Ops');
    expect(await changes.getByRole('row', { name: /Text colour/ }).textContent()).toBe('Text colour#ffffff#ffd700');
    expect(await changes.getByRole('row', { name: /Logo/ }).textContent()).toMatch(/^Logonot set .*PNG 384 x 512 px$/);
    await review.getByRole('button', { name: 'Confirm publish' }).click();
    await poll(() => editor.getByRole('status', { name: 'Publish result' }).textContent()).toBe('Published version 2: users see it on their next page load.');

    const viewer = await launchWithExtension(inject('e2e').chromeDir);
    try {
      const popup = await viewer.openPopup();
      await signIn(popup, DEMO.users.acmeViewer.email, PASSWORD);
      const page = await viewer.context.newPage();
      await page.goto(acmePage());
      const seen = await brandingOf(page);
      expect(seen.title).toMatch(/ · Acme Store Ops$/);
      expect(seen.textColour).toBe('#ffd700');
      expect(seen.logo).toMatch(new RegExp(`^/branding/${DEMO.tenants.acme}/images/`));
    } finally {
      await viewer.close();
    }
  });

  it('rolls back to the earlier version after showing what changes back', async () => {
    await editor.getByRole('button', { name: 'Roll back to version 1' }).click();
    const review = editor.getByRole('dialog', { name: 'Roll back the branding of Acme Retail to version 1' });
    await poll(() => review.getByRole('row', { name: /Website title/ }).textContent()).toBe('Website titleAcme Store OpsContoso Monitor');
    await review.getByRole('button', { name: 'Confirm rollback to version 1' }).click();
    await poll(() => editor.getByRole('status', { name: 'Publish result' }).textContent()).toBe('Rolled back: version 3 restores version 1.');
    await editor.close(); // closing the editor puts the published look back on the tab
    await poll(async () => (await brandingOf(tab)).title).toBe(published.title);
    await tab.reload();
    const after = await brandingOf(tab);
    expect([after.title, after.textColour, after.logo]).toEqual([published.title, published.textColour, published.logo]);
    await tab.close();
  });

  it('lets an analyst without rights preview but not publish, and says which permission is missing', async () => {
    await signInAs('analyst@contoso-msp.example');
    tab = await openAcme();
    const before = await brandingOf(tab);
    editor = await openEditorFor(tab);
    const rights = editor.getByRole('note', { name: 'Your rights' });
    await poll(() => rights.textContent()).toMatch(/^You can preview but not publish: .*Platform Administrator/);
    await editor.getByRole('textbox', { name: 'Website title' }).fill('Not allowed');
    await poll(async () => (await brandingOf(tab)).title).toBe(before.title.replace(/ · [^·]+$/, ' · Not allowed'));
    await editor.getByRole('button', { name: 'Review and publish…' }).click();
    const refusal = editor.getByRole('alert').filter({ hasText: 'refused the draft' });
    await poll(() => refusal.textContent()).toMatch(/Platform Administrator on Acme Retail or MSP_Manage on Contoso/);
    expect(await editor.getByRole('dialog').count()).toBe(0);
    await editor.close();
    await poll(async () => (await brandingOf(tab)).title).toBe(before.title);
    await tab.close();
  });
});
