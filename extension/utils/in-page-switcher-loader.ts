// Loads the in-page switcher's script on demand. It is a web-accessible file of the extension
// (wxt.config.ts), imported into the content script's isolated world, where it registers itself.
import { browser } from 'wxt/browser';
import type { MountInPageSwitcher } from '../components/in-page-switcher';

const KEY = Symbol.for('switchboard.inPageSwitcher');
type Registry = { [KEY]?: MountInPageSwitcher };
export const IN_PAGE_SWITCHER_SCRIPT = '/in-page-switcher.js';

/** Called by the switcher's script when it runs. */
export function registerInPageSwitcher(mount: MountInPageSwitcher) {
  (globalThis as Registry)[KEY] = mount;
}

let loading: Promise<MountInPageSwitcher> | null = null;

export function loadInPageSwitcher(): Promise<MountInPageSwitcher> {
  loading ??= import(/* @vite-ignore */ browser.runtime.getURL(IN_PAGE_SWITCHER_SCRIPT as '/')).then(() => {
    const mount = (globalThis as Registry)[KEY];
    if (!mount) throw new Error('the switcher script did not register');
    return mount;
  });
  loading.catch(() => (loading = null)); // a later click tries again
  return loading;
}
