import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createHostRelayControl } from '../../../electron/host/relay-control'

const dirs: string[] = []
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })))
})

describe('the browser host’s relay control', () => {
  it('runs one relay on loopback, storing under the host’s data directory', async () => {
    const hostDir = await mkdtemp(join(tmpdir(), 'keepsake-host-'))
    dirs.push(hostDir)
    const control = createHostRelayControl(hostDir, { KEEPSAKE_RELAY_PORT: '0' })
    const started = await control.start({ lan: false })
    if (!started.ok) throw new Error(started.error.message)
    expect(started.value.url).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/)
    expect(started.value.url).not.toMatch(/:0$/)
    expect(control.status()).toEqual({ running: true, url: started.value.url })
    // The same request again is the same relay.
    expect(await control.start({ lan: false })).toEqual(started)
    expect(await readdir(join(hostDir, 'relay'))).toContain('spaces')
    expect((await control.stop()).ok).toBe(true)
    expect(control.status()).toEqual({ running: false, url: null })
  })

  it('falls back to the default port, with a warning, when KEEPSAKE_RELAY_PORT is not a port', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    createHostRelayControl(tmpdir(), { KEEPSAKE_RELAY_PORT: 'many' })
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('the relay uses port 5171'))
    warn.mockRestore()
  })
})
