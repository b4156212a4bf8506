import { defineConfig } from '@playwright/test'

/**
 * `npm run test:reliability`: the reliability specs at full size (RELIABILITY_FULL=1 scales them
 * up: 20 kill cycles, 10,000 fuzzed files, ...). `npm test` runs the same specs small.
 */
export default defineConfig({
  testDir: 'test/e2e',
  testMatch: /reliability-.*\.spec\.ts$/,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 1_800_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
  outputDir: 'test-results/reliability',
  globalSetup: './test/support/global-setup.ts',
})
