import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

/** The built relay entry; `npx electron-vite build --config electron.config.ts` produces it. */
export const RELAY_ENTRY = resolve(import.meta.dirname, '../../out/main/relay.js')

/** Test-only preload that reports the relay's memory after a forced GC (see `heapProbe`). */
const HEAP_PROBE = resolve(import.meta.dirname, 'heap-probe.mjs')

/** A relay running as its own process, as `npm run relay` starts it. */
export interface RelayProcess {
  url: string
  port: number
  dataDir: string
  /** SIGTERM, and wait for the process to exit. */
  stop(): Promise<void>
  /** SIGKILL (no chance to flush anything), and wait for the process to exit. */
  kill(): Promise<void>
  /** Everything the relay wrote to stderr so far. */
  stderr(): string
  /**
   * Bytes the relay still holds after a forced GC (V8 heap plus Buffers); only with `heapProbe: true`.
   */
  heapAfterGc(): Promise<number>
}

const children = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL')
})

const requireBuild = (): void => {
  if (!existsSync(RELAY_ENTRY)) {
    throw new Error(
      `${RELAY_ENTRY} is missing: run \`npx electron-vite build --config electron.config.ts\` first`,
    )
  }
}

const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((done) => child.once('exit', () => done()))

/** A TCP port that was free a moment ago on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const address = server.address()
  await new Promise<void>((done) => server.close(() => done()))
  if (typeof address !== 'object' || address === null) throw new Error('no port')
  return address.port
}

/**
 * Spawns `node out/main/relay.js` on 127.0.0.1 and resolves once it prints its listening line.
 * `port` defaults to a free one; pass the previous port to restart "the same" relay.
 */
export async function startRelayProcess(options: {
  dataDir: string
  port?: number
  args?: string[]
  /** Run with `--expose-gc` and a probe answering `heapAfterGc()` (tests of the relay's memory). */
  heapProbe?: boolean
}): Promise<RelayProcess> {
  requireBuild()
  const port = options.port ?? (await freePort())
  const nodeArgs = options.heapProbe ? ['--expose-gc', '--import', pathToFileURL(HEAP_PROBE).href] : []
  const child = spawn(
    process.execPath,
    [
      ...nodeArgs,
      RELAY_ENTRY,
      '--port',
      String(port),
      '--data-dir',
      options.dataDir,
      ...(options.args ?? []),
    ],
    { stdio: ['ignore', 'pipe', 'pipe', ...(options.heapProbe ? (['ipc'] as const) : [])] },
  )
  children.add(child)
  child.once('exit', () => children.delete(child))
  let stdout = ''
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      fail(new Error(`relay did not start within 15 s; stderr: ${stderr}`))
    }, 15_000)
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      const match = /Keepsake relay listening on (wss?:\/\/\S+)\n/.exec(stdout)
      if (match?.[1]) {
        clearTimeout(timer)
        done(match[1])
      }
    })
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      fail(new Error(`relay exited (${code ?? signal}) before listening; stderr: ${stderr}`))
    })
  })
  const signalAndWait = async (signal: NodeJS.Signals): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal)
    await exited(child)
  }
  return {
    url,
    port,
    dataDir: options.dataDir,
    stop: () => signalAndWait('SIGTERM'),
    kill: () => signalAndWait('SIGKILL'),
    stderr: () => stderr,
    heapAfterGc: () =>
      new Promise<number>((done, fail) => {
        if (!options.heapProbe) {
          fail(new Error('start the relay with heapProbe: true to measure its heap'))
          return
        }
        child.once('message', (m: { heap: number }) => done(m.heap))
        child.send('heap')
      }),
  }
}

/** Runs the relay CLI to completion (for usage errors and --help). */
export async function runRelayCli(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  requireBuild()
  const child = spawn(process.execPath, [RELAY_ENTRY, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.add(child)
  let stdout = ''
  let stderr = ''
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const code = await new Promise<number | null>((done) => child.once('exit', (c) => done(c)))
  children.delete(child)
  return { code, stdout, stderr }
}

/** SIGKILLs every relay this process started that is still running. */
export async function killAllRelays(): Promise<void> {
  await Promise.all(
    [...children].map((child) => {
      child.kill('SIGKILL')
      return exited(child)
    }),
  )
}
