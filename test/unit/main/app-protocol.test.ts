import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAppProtocolHandler } from '../../../electron/main/app-protocol'
import { openRelayAllowList } from '../../../electron/services/relay-allow-list'
import { contentSecurityPolicy } from '../../../electron/services/content-security-policy'

let root: string
let outside: string
const errors: string[] = []

beforeEach(async () => {
  outside = await mkdtemp(join(tmpdir(), 'keepsake-protocol-'))
  root = join(outside, 'renderer')
  await mkdir(join(root, 'assets'), { recursive: true })
  await writeFile(join(root, 'index.html'), '<!doctype html><title>Keepsake</title>')
  await writeFile(join(root, 'runtime.html'), '<!doctype html><title>runtime</title>')
  await writeFile(join(root, 'assets', 'index-1a2b.js'), 'console.log(1)')
  await writeFile(join(outside, 'secret.txt'), 'do not serve')
  errors.length = 0
})
afterEach(async () => {
  await rm(outside, { recursive: true, force: true })
})

const handler = (
  hostApi = async (request: Request) =>
    new URL(request.url).pathname === '/api/health'
      ? Response.json({ ok: true, value: 'fine' })
      : null,
) =>
  createAppProtocolHandler({
    root,
    hostApi,
    readFile: (path) => readFile(path),
    logError: (message) => errors.push(message),
    contentSecurityPolicy: () => contentSecurityPolicy(['ws://192.168.1.20:5171']),
  })

describe('the keepsake: protocol handler', () => {
  it('serves the UI and runtime pages with their type, the CSP and nosniff', async () => {
    const serve = handler()
    for (const page of ['index.html', 'runtime.html']) {
      const response = await serve(new Request(`keepsake://app/${page}`))
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(response.headers.get('content-security-policy')).toBe(
        contentSecurityPolicy(['ws://192.168.1.20:5171']),
      )
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(await response.text()).toContain('<title>')
    }
  })

  it('builds the CSP for each response, so a reloaded runtime page takes a newly allowed relay', async () => {
    const { list } = await openRelayAllowList(outside)
    const serve = createAppProtocolHandler({
      root,
      hostApi: async () => null,
      readFile: (path) => readFile(path),
      logError: (message) => errors.push(message),
      contentSecurityPolicy: () => contentSecurityPolicy(list.origins()),
    })
    const before = await serve(new Request('keepsake://app/runtime.html'))
    expect(before.headers.get('content-security-policy')).toContain("connect-src 'self';")
    expect((await list.allow('wss://relay.example.org/')).ok).toBe(true)
    const after = await serve(new Request('keepsake://app/runtime.html'))
    expect(after.headers.get('content-security-policy')).toContain(
      "connect-src 'self' wss://relay.example.org;",
    )
  })

  it('serves scripts as JavaScript and the root as index.html', async () => {
    const serve = handler()
    const script = await serve(new Request('keepsake://app/assets/index-1a2b.js'))
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await script.text()).toBe('console.log(1)')
    const rootPage = await serve(new Request('keepsake://app/'))
    expect(await rootPage.text()).toContain('Keepsake')
  })

  it('answers HEAD without a body', async () => {
    const response = await handler()(new Request('keepsake://app/index.html', { method: 'HEAD' }))
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('')
  })

  it('passes /api/ requests to the host API', async () => {
    const response = await handler()(new Request('keepsake://app/api/health'))
    expect(await response.json()).toEqual({ ok: true, value: 'fine' })
    const unknown = await handler()(new Request('keepsake://app/api/nothing'))
    expect(unknown.status).toBe(404)
  })

  it('turns a host API bug into a 500 and logs it', async () => {
    const serve = handler(async () => {
      throw new Error('bug')
    })
    const response = await serve(new Request('keepsake://app/api/health'))
    expect(response.status).toBe(500)
    expect(errors).toHaveLength(1)
  })

  it.each([
    'keepsake://app/missing.js',
    'keepsake://app/assets',
    'keepsake://app/..%2fsecret.txt',
    'keepsake://app/%2e%2e/secret.txt',
    'keepsake://other/index.html',
  ])('never serves anything outside the build: %s', async (url) => {
    const response = await handler()(new Request(url))
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain('do not serve')
  })

  it('refuses writes to static files', async () => {
    const response = await handler()(
      new Request('keepsake://app/index.html', { method: 'POST', body: 'x' }),
    )
    expect(response.status).toBe(405)
  })
})
