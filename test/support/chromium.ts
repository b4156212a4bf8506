import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

/** Flags that let Chromium run as root on a machine with no network beyond loopback. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
]

function which(name: string): string | null {
  const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' })
  const out = r.stdout.trim()
  return r.status === 0 && out !== '' ? out : null
}

function playwrightCache(): string | null {
  const root = process.env.PLAYWRIGHT_BROWSERS_PATH ?? join(homedir(), '.cache', 'ms-playwright')
  if (!existsSync(root)) return null
  for (const dir of readdirSync(root).filter((d) => d.startsWith('chromium')).sort().reverse()) {
    for (const rel of ['chrome-linux/chrome', 'chrome-linux64/chrome', 'chrome-mac/Chromium.app/Contents/MacOS/Chromium']) {
      const candidate = join(root, dir, rel)
      if (existsSync(candidate)) return candidate
    }
  }
  return null
}

/** Finds a Chromium: CHROMIUM_PATH, then the system's chromium, then Playwright's cache. */
export function findChromium(): string | null {
  const env = process.env.CHROMIUM_PATH
  if (env && existsSync(env)) return env
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    const found = which(name)
    if (found) return found
  }
  return playwrightCache()
}

/**
 * Finds a Chromium or installs one: Playwright's installer where its download is reachable, otherwise
 * apt-get when running as root. Returns a message saying how to fix it when neither works.
 */
export function ensureChromium(): { ok: true; path: string } | { ok: false; message: string } {
  const found = findChromium()
  if (found) return { ok: true, path: found }
  console.log('No Chromium found; trying Playwright’s installer…')
  spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit', timeout: 300_000 })
  const viaPlaywright = findChromium()
  if (viaPlaywright) return { ok: true, path: viaPlaywright }
  if (process.getuid?.() === 0) {
    console.log('Playwright’s download is unreachable; installing Debian’s chromium with apt-get…')
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', timeout: 300_000 })
      execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', timeout: 600_000 })
    } catch {
      // Reported below with the fix.
    }
    const viaApt = findChromium()
    if (viaApt) return { ok: true, path: viaApt }
  }
  return {
    ok: false,
    message:
      'No Chromium to run the end-to-end tests. Install one (Debian/Ubuntu: `sudo apt-get install -y chromium`) or set CHROMIUM_PATH to a Chromium or Chrome binary, then run `npm test` again.',
  }
}
