import { defineConfig } from '@playwright/test'

/**
 * The Electron suite (`npx playwright test -c playwright.electron.config.ts`, after `npm run build`).
 * Each test launches the built app with its own profile; where Electron's binary is not available
 * every test is reported as skipped with the reason.
 */
export default defineConfig({
  testDir: 'test/electron',
  globalSetup: './test/electron/support/report-binary.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: 'test-results/electron',
})
