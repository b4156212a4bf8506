import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  MAX_ALLOWED_RELAYS,
  RELAY_ALLOW_LIST_FILE,
  openRelayAllowList,
} from '../../../electron/services/relay-allow-list'
import { relayOriginOf } from '../../../electron/services/relay-origin'
import { contentSecurityPolicy } from '../../../electron/services/content-security-policy'
import { apiRequest, testApi } from './host-api-harness'

let dir = ''
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keepsake-relays-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('relayOriginOf', () => {
  it('keeps scheme, host and port of a ws(s) relay URL', () => {
    expect(relayOriginOf('ws://192.168.1.20:5171/')).toEqual({
      ok: true,
      value: 'ws://192.168.1.20:5171',
    })
    expect(relayOriginOf('wss://Relay.Example.org/path?q=1')).toEqual({
      ok: true,
      value: 'wss://relay.example.org',
    })
    expect(relayOriginOf('ws://[::1]:5171')).toEqual({ ok: true, value: 'ws://[::1]:5171' })
  })

  it('refuses what is not a relay, with where and why', () => {
    for (const bad of ['http://evil.example', 'javascript:alert(1)', 'not a url', 'ws://u:p@h:1']) {
      const r = relayOriginOf(bad)
      expect(r.ok).toBe(false)
      if (!r.ok) expect(r.error.path).toBe('relayUrl')
    }
  })

  it('cannot smuggle another CSP directive or source through a host', () => {
    for (const bad of ["ws://a.example;script-src 'unsafe-inline'", 'ws://*', 'ws://a b']) {
      const r = relayOriginOf(bad)
      if (r.ok) expect(r.value).toMatch(/^wss?:\/\/[a-z0-9.%-]+(:\d+)?$/)
      if (r.ok) expect(contentSecurityPolicy([r.value]).split(';')).toHaveLength(11)
    }
  })
})

describe('the relay allow-list', () => {
  it('starts empty, adds an origin once, and keeps it across a restart in an owner-only file', async () => {
    const first = await openRelayAllowList(dir)
    expect(first.problem).toBeNull()
    expect(first.list.origins()).toEqual([])
    expect(await first.list.allow('ws://127.0.0.1:5171/')).toEqual({
      ok: true,
      value: { added: true },
    })
    expect(await first.list.allow('ws://127.0.0.1:5171')).toEqual({
      ok: true,
      value: { added: false },
    })
    const file = join(dir, RELAY_ALLOW_LIST_FILE)
    expect((await stat(file)).mode & 0o777).toBe(0o600)
    const again = await openRelayAllowList(dir)
    expect(again.list.origins()).toEqual(['ws://127.0.0.1:5171'])
  })

  it('reports a damaged file with its path, allows nothing and never overwrites it', async () => {
    const file = join(dir, RELAY_ALLOW_LIST_FILE)
    const damaged = JSON.stringify({ v: 1, origins: ['ws://ok.example', 'ws://x; script-src *'] })
    await writeFile(file, damaged)
    const { list, problem } = await openRelayAllowList(dir)
    expect(problem?.message).toContain(file)
    expect(problem?.path).toBe('origins[1]')
    expect(list.origins()).toEqual([])
    const refused = await list.allow('ws://127.0.0.1:5171')
    expect(refused.ok).toBe(false)
    expect(await readFile(file, 'utf8')).toBe(damaged)
  })

  it(`holds at most ${MAX_ALLOWED_RELAYS} relays and says so`, async () => {
    const { list } = await openRelayAllowList(dir)
    for (let i = 0; i < MAX_ALLOWED_RELAYS; i++) {
      expect((await list.allow(`ws://10.0.0.${i}:5171`)).ok).toBe(true)
    }
    const over = await list.allow('ws://10.0.1.1:5171')
    expect(over.ok).toBe(false)
    if (!over.ok) expect(over.error.message).toContain(`${MAX_ALLOWED_RELAYS} relays`)
  })

  it('forgets a relay the profile unpaired from, for good, and the CSP no longer names it', async () => {
    const first = await openRelayAllowList(dir)
    await first.list.allow('ws://127.0.0.1:5171')
    await first.list.allow('wss://relay.example.org')
    expect(await first.list.forget('ws://127.0.0.1:5171/some/path')).toEqual({
      ok: true,
      value: { removed: true },
    })
    expect(await first.list.forget('ws://127.0.0.1:5171')).toEqual({
      ok: true,
      value: { removed: false },
    })
    expect((await first.list.forget('https://relay.example.org')).ok).toBe(false)
    const again = await openRelayAllowList(dir)
    expect(again.list.origins()).toEqual(['wss://relay.example.org'])
    const csp = contentSecurityPolicy(again.list.origins())
    expect(csp).not.toContain('127.0.0.1:5171')
    expect(csp).toContain('wss://relay.example.org')
    expect((await stat(join(dir, RELAY_ALLOW_LIST_FILE))).mode & 0o777).toBe(0o600)
  })

  it('forgets nothing from a damaged file, and leaves it as it was', async () => {
    const file = join(dir, RELAY_ALLOW_LIST_FILE)
    const damaged = '{"v":1,"origins":"ws://127.0.0.1:5171"}'
    await writeFile(file, damaged)
    const { list } = await openRelayAllowList(dir)
    expect((await list.forget('ws://127.0.0.1:5171')).ok).toBe(false)
    expect(await readFile(file, 'utf8')).toBe(damaged)
  })

  it('is emptied through the host API', async () => {
    const { list } = await openRelayAllowList(dir)
    await list.allow('wss://r.example')
    const api = testApi({ relays: list })
    const forgotten = await api(
      apiRequest('POST', '/api/relays/forget', { relayUrl: 'wss://r.example' }),
    )
    expect(await forgotten?.json()).toEqual({ ok: true, value: { removed: true } })
    expect(list.origins()).toEqual([])
  })

  it('is filled through the host API, which refuses a non-relay URL', async () => {
    const { list } = await openRelayAllowList(dir)
    const api = testApi({ relays: list })
    const added = await api(
      apiRequest('POST', '/api/relays/allow', { relayUrl: 'wss://r.example' }),
    )
    expect(await added?.json()).toEqual({ ok: true, value: { added: true } })
    const bad = await api(
      apiRequest('POST', '/api/relays/allow', { relayUrl: 'https://r.example' }),
    )
    expect(bad?.status).toBe(400)
    expect(list.origins()).toEqual(['wss://r.example'])
  })
})
