// WXT configuration. The extension (switcher, badges, entitlements, branding preview) lands in
// `extension/` with its own stage; this file fixes where WXT looks for it, so nothing is created
// at the top level (shared/RECIPES.md: srcDir, publicDir and modulesDir under extension/).
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  modulesDir: 'extension/modules',
  outDir: '.output',
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: 'MSP Switchboard',
    description: 'Customer switcher, white-label preview and entitlement explainer for MSP analysts.',
  },
});
