import { ensureChromium } from './chromium'

/** Runs once before the e2e suite: every test gets the same Chromium, or the suite fails with the fix. */
export default function globalSetup(): void {
  const chromium = ensureChromium()
  if (!chromium.ok) throw new Error(chromium.message)
  process.env.CHROMIUM_PATH = chromium.path
}
