import { defineConfig } from '@playwright/test'

/** E2e runs against the browser host in Debian's Chromium; each test starts its own host and profile. */
export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  globalSetup: './test/support/global-setup.ts',
})
