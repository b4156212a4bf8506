import { spawn, type ChildProcess } from 'node:child_process'
import { freePort } from './relay-process'

/** A throwaway redis-server on 127.0.0.1 (no persistence), for multi-instance relay tests. */
export interface RedisServer {
  host: string
  port: number
  stop(): Promise<void>
}

const INSTALL_HINT =
  'redis-server is not installed; install it with `apt-get install -y redis-server`'

const running = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL')
})

/** Starts redis-server on a free port; fails (never skips) when redis-server is missing. */
export async function startRedis(): Promise<RedisServer> {
  const port = await freePort()
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  running.add(child)
  child.once('exit', () => running.delete(child))
  let output = ''
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      fail(new Error(`redis-server did not become ready within 10 s: ${output}`))
    }, 10_000)
    child.once('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer)
      fail(new Error(e.code === 'ENOENT' ? INSTALL_HINT : `redis-server failed: ${e.message}`))
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      fail(new Error(`redis-server exited (${code}) before it was ready: ${output}`))
    })
    const onData = (chunk: Buffer): void => {
      output += chunk.toString()
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer)
        done()
      }
    }
    child.stdout?.on('data', onData)
    child.stderr?.on('data', onData)
  })
  return {
    host: '127.0.0.1',
    port,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      const gone = new Promise<void>((done) => child.once('exit', () => done()))
      child.kill('SIGKILL')
      await gone
    },
  }
}
