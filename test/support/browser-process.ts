import { spawn, execFileSync, type ChildProcess } from 'node:child_process'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import { CHROMIUM_FLAGS, findChromium } from './chromium'

export interface BrowserProcess {
  browser: Browser
  context: BrowserContext
  page: Page
  /** The DevTools endpoint (`ws://127.0.0.1:PORT/devtools/browser/…`), for tools that attach to other targets. */
  devtoolsUrl: string
  /** Every process of this Chromium (browser, renderers, GPU, utilities), by pid. */
  pids(): number[]
  /** SIGKILL of every Chromium process by pid: no unload handlers, no flush. */
  killAll(): Promise<number[]>
  close(): Promise<void>
}

/**
 * Launches Chromium ourselves (in its own process group) on a persistent profile directory and drives
 * it over CDP, so a test knows every pid and can SIGKILL them like a crash or power loss would.
 * `flags` are added to Chromium's command line (the bench gives the app's `--js-flags`).
 */
export async function launchBrowser(
  profileDir: string,
  flags: readonly string[] = [],
): Promise<BrowserProcess> {
  const executable = process.env.CHROMIUM_PATH ?? findChromium()
  if (!executable) throw new Error('No Chromium: set CHROMIUM_PATH or install chromium')
  const child = spawn(
    executable,
    [
      '--headless=new',
      '--remote-debugging-port=0',
      `--user-data-dir=${profileDir}`,
      ...CHROMIUM_FLAGS,
      ...flags,
      'about:blank',
    ],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
  )
  const wsUrl = await new Promise<string>((resolve, reject) => {
    let err = ''
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${err}`)), 30_000)
    child.stderr?.on('data', (c: Buffer) => {
      err += c.toString()
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err)
      if (m?.[1]) {
        clearTimeout(timer)
        resolve(m[1])
      }
    })
    child.once('exit', (code) => reject(new Error(`Chromium exited with ${code}: ${err}`)))
  })
  const browser = await chromium.connectOverCDP(wsUrl)
  const context = browser.contexts()[0] ?? (await browser.newContext())
  const page = context.pages()[0] ?? (await context.newPage())
  const pgid = child.pid ?? -1
  const pids = (): number[] => processesOf(pgid, profileDir)
  return {
    browser,
    context,
    page,
    devtoolsUrl: wsUrl,
    pids,
    async killAll() {
      const killed = pids()
      for (const pid of killed) {
        try {
          process.kill(pid, 'SIGKILL')
        } catch {
          // Already gone.
        }
      }
      await waitExit(child)
      return killed
    },
    async close() {
      await browser.close().catch(() => undefined)
      try {
        process.kill(-pgid, 'SIGTERM')
      } catch {
        // Already gone.
      }
      await waitExit(child)
    },
  }
}

/** Chromium's processes: its process group, plus any that carry the profile directory on their command line. */
function processesOf(pgid: number, profileDir: string): number[] {
  const found = new Set<number>([...pgrep(['-g', String(pgid)]), ...pgrep(['-f', profileDir])])
  return [...found]
}

function pgrep(args: string[]): number[] {
  try {
    return execFileSync('pgrep', args, { encoding: 'utf8' })
      .split('\n')
      .map((s) => Number(s.trim()))
      .filter((n) => Number.isInteger(n) && n > 0 && n !== process.pid)
  } catch {
    return []
  }
}

function waitExit(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => child.once('exit', () => resolve()))
}
