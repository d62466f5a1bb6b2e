// Steps the end-to-end tests share: signing in through the popup and switching with the keyboard.
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './chromium';

export const ANALYST = 'analyst@contoso-msp.example';
export const PASSWORD = 'switchboard-demo';
export const SCREENSHOTS = process.env.SCREENSHOT_DIR ?? join(import.meta.dirname, '..', '..', '.output', 'screenshots');

export async function signIn(popup: Page, email = ANALYST, password = PASSWORD) {
  await popup.getByLabel('E-mail').fill(email);
  await popup.getByLabel('Password').fill(password);
  await popup.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => popup.getByRole('combobox', { name: 'Search customers' }).isVisible()).toBe(true);
}

/** Opens the popup for `tab`, searches `query` and presses Enter on the first hit. */
export async function switchWithKeyboard(browser: ExtensionBrowser, tab: Page, query: string, expectFirst: string) {
  const popup = await browser.openPopup(tab);
  const search = popup.getByRole('combobox', { name: 'Search customers' });
  await expect.poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true); // focused on open
  await search.pressSequentially(query);
  const first = popup.getByRole('option').first();
  await expect.poll(() => first.getAttribute('aria-label')).toBe(expectFirst);
  await expect.poll(() => first.getAttribute('aria-selected')).toBe('true');
  await search.press('Enter');
  return popup;
}
