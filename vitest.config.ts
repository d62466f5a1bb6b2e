import { defineConfig } from 'vitest/config';
import preact from '@preact/preset-vite';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'node', include: ['bff/**/*.test.ts', 'shared/**/*.test.ts', 'console/**/*.test.ts', 'test/**/*.test.ts'], exclude: ['test/e2e/**'] },
      },
      {
        // Extension logic and components: WXT's fake browser, a DOM from happy-dom.
        extends: true,
        plugins: [WxtVitest(), preact()],
        test: { name: 'extension', include: ['extension/**/*.test.{ts,tsx}'], environment: 'happy-dom' },
      },
      {
        // The built extension in real Chromium and Firefox, against real servers.
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], globalSetup: ['test/e2e/build-extension.ts'], testTimeout: 90_000, fileParallelism: false },
      },
    ],
  },
});
