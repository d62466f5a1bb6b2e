// The tests StrykerJS runs against each mutant of bff/domain, bff/oauth and bff/middleware
// (stryker.config.mjs): the node tests that exercise them, without the slow end-to-end, scale-out,
// timing and benchmark suites, which add nothing these do not already kill.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // 200 exchanges and 100 worlds kill what 10,000 and 1,000 do, per mutant; the full counts run in npm test.
    env: { ATTACK_MATRIX_EXCHANGES: '200', ISOLATION_WORLDS: '100' },
    include: [
      'bff/domain/**/*.test.ts',
      'bff/oauth/**/*.test.ts',
      'bff/middleware/**/*.test.ts',
      'bff/routes/**/*.test.ts',
      'bff/auth/**/*.test.ts',
      'test/isolation*.test.ts',
      'test/attack-matrix*.test.ts',
      'test/forwarded-headers*.test.ts',
      'test/token-property.test.ts',
      'test/oauth-client.test.ts',
    ],
  },
});
