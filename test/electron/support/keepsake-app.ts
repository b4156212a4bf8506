import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import { _electron, type ElectronApplication } from 'playwright-core'
import { findElectronBinary } from './electron-binary'

export const root = resolve(import.meta.dirname, '..', '..', '..')
const binary = findElectronBinary(root)

/** `keepsake://app/` pages by their file name. */
export const UI_URL = 'keepsake://app/index.html'
export const RUNTIME_URL = 'keepsake://app/runtime.html'

// Chromium refuses to run as root with its sandbox on (CI containers); never needed otherwise.
const rootArgs = (): string[] => (process.getuid?.() === 0 ? ['--no-sandbox'] : [])

/** One Keepsake instance with its own profile directory. */
export interface KeepsakeInstance {
  app: ElectronApplication
  profileDir: string
  env: Record<string, string>
  /** The UI windows' pages, waiting until there are `count` of them. */
  uiPages(count?: number): Promise<Page[]>
  /** The webContents ids of the pages at `url`, as the main process sees them. */
  contentsIds(url: string): Promise<number[]>
  /** Starts a second Electron process on the same profile and resolves with its exit code. */
  launchAgain(args?: string[]): Promise<number | null>
}

const launch = async (profileDir: string, path: string): Promise<KeepsakeInstance> => {
  const env: Record<string, string> = {}
  for (const [key, value] of Object.entries(process.env)) {
    if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE') env[key] = value
  }
  env.KEEPSAKE_USER_DATA_DIR = profileDir
  const app = await _electron.launch({
    executablePath: path,
    args: [root, ...rootArgs()],
    env,
    cwd: root,
  })
  const pagesAt = async (url: string, count: number): Promise<Page[]> => {
    await expect
      .poll(() => app.windows().filter((p) => p.url() === url).length)
      .toBeGreaterThanOrEqual(count)
    return app.windows().filter((p) => p.url() === url)
  }
  return {
    app,
    profileDir,
    env,
    uiPages: (count = 1) => pagesAt(UI_URL, count),
    contentsIds: (url) =>
      app.evaluate(
        ({ webContents }, at) =>
          webContents
            .getAllWebContents()
            .filter((w) => w.getURL() === at)
            .map((w) => w.id)
            .sort((a, b) => a - b),
        url,
      ),
    launchAgain: (args = []) =>
      new Promise((done, fail) => {
        const child = spawn(path, [root, ...rootArgs(), ...args], {
          env,
          cwd: root,
          stdio: 'ignore',
        })
        child.on('error', fail)
        child.on('exit', (code) => done(code))
      }),
  }
}

/**
 * Playwright's test with a `keepsake` fixture: a launched app on a fresh profile, closed and
 * removed afterwards. Skips (with the reason) where Electron's binary is not available.
 */
export const test = base.extend<{ keepsake: KeepsakeInstance }>({
  keepsake: async ({}, use, testInfo) => {
    testInfo.skip(
      !binary.available,
      `Electron binary not available: ${binary.available ? '' : binary.reason}`,
    )
    if (!binary.available) return
    if (!existsSync(join(root, 'out', 'main', 'index.js'))) {
      throw new Error('out/main/index.js is missing: run `npm run build` first')
    }
    const profileDir = await mkdtemp(join(tmpdir(), 'keepsake-electron-'))
    const instance = await launch(profileDir, binary.path)
    try {
      await use(instance)
    } finally {
      await instance.app.close().catch(() => undefined)
      await rm(profileDir, { recursive: true, force: true })
    }
  },
})

export { expect }
