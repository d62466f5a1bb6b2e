// Mutation testing of the BFF's rules, OAuth and middleware: `npm run mutate` (not part of `npm test`,
// it runs the tests once per mutant). Report: reports/mutation/mutation.html; survivors are
// accounted for in docs/mutation-testing.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  plugins: ['@stryker-mutator/vitest-runner'],
  vitest: { configFile: 'vitest.mutate.config.ts', related: false },
  mutate: ['bff/domain/**/*.ts', 'bff/oauth/**/*.ts', 'bff/middleware/**/*.ts', '!**/*.test.ts', '!**/*.fixtures.ts'],
  coverageAnalysis: 'perTest',
  // The machine is shared: two workers at most.
  concurrency: 2,
  timeoutMS: 60_000,
  timeoutFactor: 3,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  ignorePatterns: ['.output', '.wxt', 'reports', 'coverage', 'bff/.data', 'docs/screenshots', 'extension', '.ci'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
