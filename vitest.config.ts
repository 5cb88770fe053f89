import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['*/test/**/*.test.ts'],
    // Real-Chromium suites run with `npm run test:browser` (vitest.browser.config.ts).
    exclude: [...configDefaults.exclude, '*/test/browser/**'],
    // Suites start real servers (database, HTTP, OIDC provider); give them room on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    passWithNoTests: false,
  },
});
