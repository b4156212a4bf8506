import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { freePort } from './ports'

export interface HostProcess {
  /** The address the host printed, with this launch's token: opening it gives the page its capability. */
  url: string
  /** `http://127.0.0.1:PORT/`, without the token. */
  origin: string
  port: number
  pid: number
  dataDir: string
  /** SIGKILL: no chance to flush or clean up. */
  kill(): Promise<void>
  stop(): Promise<void>
}

const HOST_ENTRY = resolve(import.meta.dirname, '../../out/main/host.js')

/** Starts the built browser host (`out/main/host.js`) on its own port; resolves once it prints its URL. */
export async function startHost(
  options: { port?: number; dataDir?: string; env?: Record<string, string> } = {},
): Promise<HostProcess> {
  const port = options.port ?? (await freePort())
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'keepsake-host-'))
  const child = spawn(process.execPath, [HOST_ENTRY], {
    env: {
      ...process.env,
      KEEPSAKE_PORT: String(port),
      KEEPSAKE_DATA_DIR: dataDir,
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`host did not start: ${out}`)), 20_000)
    const onData = (chunk: Buffer): void => {
      out += chunk.toString()
      const m = /Keepsake is running at (http:\/\/\S+)/.exec(out)
      if (m?.[1]) {
        clearTimeout(timer)
        resolveUrl(m[1])
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', (c: Buffer) => (out += c.toString()))
    child.once('exit', (code) => reject(new Error(`host exited with ${code}: ${out}`)))
  })
  return {
    url,
    origin: `http://127.0.0.1:${port}/`,
    port,
    pid: child.pid ?? -1,
    dataDir,
    kill: () => killAndWait(child, 'SIGKILL'),
    stop: () => killAndWait(child, 'SIGTERM'),
  }
}

function killAndWait(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve()
  return new Promise((done) => {
    child.once('exit', () => done())
    child.kill(signal)
  })
}
