import { defineConfig } from 'vitest/config';

/**
 * `npm run test:browser`: the citizen portal and the designer in real Chromium against a real
 * runtime (not part of `npm test`); the designer's suites are runtime/test/browser/designer/.
 */
export default defineConfig({
  test: {
    include: ['runtime/test/browser/**/*.test.ts'],
    globalSetup: ['runtime/test/browser/build-portal.ts', 'runtime/test/browser/designer/build-designer.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    pool: 'forks',
    maxWorkers: 1,
    passWithNoTests: false,
  },
});
