// Steps of the branding end-to-end test: real image bytes made here, files handed to the editor as
// a person would (dropped on the zone, or chosen in the file field), and what a console tab shows.
import { join } from 'node:path';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';

export const DOCS_SCREENSHOTS = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');

/** A real PNG: a two-colour badge, so the logo is visible in the screenshots. */
export function badgePng(width: number, height: number): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      const inner = x > width * 0.15 && x < width * 0.85 && y > height * 0.15 && y < height * 0.85;
      png.data.set(inner ? [255, 215, 0, 255] : [11, 61, 145, 255], i);
    }
  }
  return PNG.sync.write(png);
}

export const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><script>alert(document.cookie)</script><rect width="64" height="64"/></svg>');
export const DISGUISED = Buffer.from('Not an image at all, only text that calls itself logo.png.\n'.repeat(3));

/** Drops `bytes` as a file named `name` on the editor's drop zone `zone` (a real drop event with a DataTransfer). */
export async function dropFile(editor: Page, zone: string, name: string, bytes: Buffer, type = 'image/png') {
  const dataTransfer = await editor.evaluateHandle(
    ({ b64, name, type }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], name, { type }));
      return transfer;
    },
    { b64: bytes.toString('base64'), name, type },
  );
  const target = editor.getByRole('group', { name: zone });
  await target.dispatchEvent('dragover', { dataTransfer });
  await target.dispatchEvent('drop', { dataTransfer });
}

/** What a console tab shows of its branding, read through the console's documented hooks. */
export function brandingOf(tab: Page) {
  return tab.evaluate(() => {
    const logo = document.querySelector<HTMLImageElement>('#console-header img[data-brand="logo"], header img[data-brand="logo"], img[data-brand="logo"]');
    return {
      title: document.title,
      textColour: getComputedStyle(document.documentElement).getPropertyValue('--brand-text').trim(),
      logo: logo && !logo.hidden ? logo.getAttribute('src') : null,
      favicon: document.querySelector('link[data-brand="favicon"]')?.getAttribute('href') ?? null,
      reloaded: !(window as unknown as { __sameDocument?: boolean }).__sameDocument,
    };
  });
}

/** Marks the tab's document, so a later read can tell that the page was not reloaded. */
export const markDocument = (tab: Page) => tab.evaluate(() => ((window as unknown as { __sameDocument?: boolean }).__sameDocument = true));
