// WXT configuration: the extension lives in `extension/` (shared/RECIPES.md: srcDir, publicDir
// and modulesDir under extension/, or WXT puts them at the top level). The BFF and console URLs
// are fixed at build time (WXT_BFF_URL, WXT_CONSOLE_URL); host permissions are derived from them
// without a port, since Firefox ignores ported match patterns (shared/RECIPES.md).
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

const bffUrl = process.env.WXT_BFF_URL ?? 'http://127.0.0.1:8787';
const consoleUrl = process.env.WXT_CONSOLE_URL ?? 'http://127.0.0.1:8788';
const portless = (url: string) => `${new URL(url).protocol}//${new URL(url).hostname}/*`;
const hostPermissions = [...new Set([portless(bffUrl), portless(consoleUrl)])];
// The in-page switcher's script, imported by the console content script on first use (extension/README.md, "Performance").
const inPageSwitcher = 'in-page-switcher.js';

export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  modulesDir: 'extension/modules',
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  imports: false,
  // WXT_SOURCEMAP=1 for source maps, to see what a bundle is made of.
  vite: () => ({ plugins: [preact()], build: process.env.WXT_SOURCEMAP ? { sourcemap: true } : {} }),
  manifest: ({ browser }) => ({
    name: 'MSP Switchboard',
    description: 'Customer switcher, white-label preview and entitlement explainer for MSP analysts.',
    permissions: ['storage', 'alarms', 'notifications', 'contextMenus', 'declarativeNetRequestWithHostAccess', ...(browser === 'firefox' ? hostPermissions : [])],
    ...(browser === 'firefox' ? {} : { host_permissions: hostPermissions }),
    web_accessible_resources: browser === 'firefox' ? [inPageSwitcher] : [{ resources: [inPageSwitcher], matches: [portless(consoleUrl)] }],
    commands: {
      _execute_action: { suggested_key: { default: 'Alt+Shift+S' }, description: 'Open the customer switcher' },
      'open-in-page-switcher': { suggested_key: { default: 'Alt+Shift+K' }, description: 'Open the customer switcher on the console page' },
    },
    ...(browser === 'firefox' ? { browser_specific_settings: { gecko: { id: 'switchboard@msp-switchboard.example', strict_min_version: '115.0' } } } : {}),
  }),
});
