import { mkdtemp, rm } from 'node:fs/promises'
import { spawn } from 'node:child_process'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { RELAY_ENTRY, freePort, killAllRelays, runRelayCli } from '../../support/relay-process'

const dirs: string[] = []
afterEach(async () => {
  await killAllRelays()
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })))
})

describe('npm run relay (built out/main/relay.js)', () => {
  it('exits 2 with the reason and the usage on a usage error', async () => {
    const result = await runRelayCli(['--port', 'many'])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toContain('--port: expected a whole number')
    expect(result.stderr).toContain('Usage: npm run relay')
  })

  it('prints the usage for --help', async () => {
    const result = await runRelayCli(['--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('--max-connections-per-minute')
  })

  it('prints exactly one line when listening and exits 0 on SIGTERM', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'keepsake-cli-'))
    dirs.push(dataDir)
    const port = await freePort()
    const child = spawn(process.execPath, [
      RELAY_ENTRY,
      '--port',
      String(port),
      '--data-dir',
      dataDir,
    ])
    let stdout = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    const exit = new Promise<number | null>((done) => child.once('exit', (code) => done(code)))
    const end = Date.now() + 15_000
    while (!stdout.includes('\n') && Date.now() < end) await new Promise((r) => setTimeout(r, 20))
    child.kill('SIGTERM')
    expect(await exit).toBe(0)
    expect(stdout).toBe(`Keepsake relay listening on ws://127.0.0.1:${port}\n`)
  })

  it('exits 1 with a clear message when the port is taken', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'keepsake-cli-'))
    dirs.push(dataDir)
    const { createServer } = await import('node:net')
    const blocker = createServer()
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done))
    const address = blocker.address()
    const port = typeof address === 'object' && address ? address.port : 0
    const result = await runRelayCli(['--port', String(port), '--data-dir', dataDir])
    await new Promise<void>((done) => blocker.close(() => done()))
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`port ${port} on 127.0.0.1 is already in use`)
  })
})
