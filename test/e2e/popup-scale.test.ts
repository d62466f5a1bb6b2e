// 10,000 customers: the popup renders the cached context at once, virtualised. Times are printed
// for the closing note, never asserted.
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addLargePartnerAnalyst, LARGE_ANALYST } from '../helpers/large-partner';
import { launchWithExtension, type ExtensionBrowser } from './chromium';
import { startStack, type Stack } from './stack';

const CUSTOMERS = 10_000;
let stack: Stack;
let browser: ExtensionBrowser;

beforeAll(async () => {
  stack = await startStack(inject('e2e'));
  await addLargePartnerAnalyst(stack.world.database, CUSTOMERS, stack.clock());
  browser = await launchWithExtension(inject('e2e').chromeDir);
});

afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const markAt = (popup: Page, name: 'switcher-rendered' | 'switcher-complete') =>
  popup.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? null, name);
const renderedAt = (popup: Page) => markAt(popup, 'switcher-rendered');

it(`renders ${CUSTOMERS.toLocaleString('en')} customers from the cache at once, with only the visible rows in the DOM`, async () => {
  const signInPage = await browser.openPopup();
  await signInPage.getByLabel('E-mail').fill(LARGE_ANALYST.email);
  await signInPage.getByLabel('Password').fill(LARGE_ANALYST.password);
  await signInPage.getByRole('button', { name: 'Sign in' }).click();
  await expect.poll(() => signInPage.getByText(`${CUSTOMERS} customers`).count(), { timeout: 30_000 }).toBe(1);
  await signInPage.close();

  const timings: number[] = [];
  const complete: number[] = [];
  for (let run = 0; run < 5; run++) {
    const popup = await browser.openPopup();
    await expect.poll(() => renderedAt(popup), { timeout: 30_000 }).not.toBeNull();
    timings.push((await renderedAt(popup))!);
    await expect.poll(() => markAt(popup, 'switcher-complete'), { timeout: 30_000 }).not.toBeNull();
    complete.push((await markAt(popup, 'switcher-complete'))!);
    const rendered = await popup.getByRole('option').count();
    expect(rendered).toBeGreaterThan(3);
    expect(rendered).toBeLessThan(60); // virtualised: 10,000 customers, a screenful of rows
    if (run === 0) {
      const search = popup.getByRole('combobox', { name: 'Search customers' });
      await search.pressSequentially('large customer 9999');
      await expect.poll(() => popup.getByRole('option').first().getAttribute('aria-label')).toBe('Large Customer 9999');
      await search.press('End');
    }
    await popup.close();
  }
  const summary = (ms: number[]) => {
    const sorted = [...ms].sort((a, b) => a - b);
    return `median ${sorted[2]!.toFixed(0)}, min ${sorted[0]!.toFixed(0)}, max ${sorted[4]!.toFixed(0)}`;
  };
  console.log(`popup first render with ${CUSTOMERS} customers (cached context), performance.now() ms over ${timings.length} opens: ${summary(timings)}`);
  console.log(`popup whole list rendered and searchable, performance.now() ms over ${complete.length} opens: ${summary(complete)}`);
});
