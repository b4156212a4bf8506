import { describe, expect, test } from 'vitest'
import { guardRequest, loopbackPolicy } from '../../../electron/services/request-guard'

const capability = { cookieName: 'keepsake-capability-4870', token: 'k'.repeat(43) }
const policy = loopbackPolicy(4870, capability)
const COOKIE = `theme=dark; keepsake-capability-4870=${'k'.repeat(43)}`

/** A request as the app page sends it: with the capability cookie unless `headers` says otherwise. */
const request = (method: string, headers: Record<string, string>) => ({
  method,
  headers: new Headers({ cookie: COOKIE, ...headers }),
})

describe('guardRequest on the browser host', () => {
  test('accepts the page calling its own host, with or without an Origin header', () => {
    const own = { host: '127.0.0.1:4870', origin: 'http://127.0.0.1:4870', 'x-keepsake': '1' }
    expect(guardRequest(request('POST', own), policy).ok).toBe(true)
    expect(guardRequest(request('GET', { host: 'localhost:4870' }), policy).ok).toBe(true)
    expect(
      guardRequest(
        request('PUT', {
          host: 'localhost:4870',
          origin: 'http://localhost:4870',
          'x-keepsake': '1',
        }),
        policy,
      ).ok,
    ).toBe(true)
  })

  test('refuses another origin, even with the custom header', () => {
    const result = guardRequest(
      request('POST', {
        host: '127.0.0.1:4870',
        origin: 'https://evil.example',
        'x-keepsake': '1',
      }),
      policy,
    )
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } })
    if (!result.ok) expect(result.error.message).toContain('https://evil.example')
  })

  test('refuses the opaque origin "null" (sandboxed frames, file pages)', () => {
    const result = guardRequest(request('GET', { host: '127.0.0.1:4870', origin: 'null' }), policy)
    expect(result.ok).toBe(false)
  })

  test('refuses a non-GET request without X-Keepsake: 1', () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      expect(guardRequest(request(method, { host: '127.0.0.1:4870' }), policy).ok).toBe(false)
      expect(
        guardRequest(request(method, { host: '127.0.0.1:4870', 'x-keepsake': 'yes' }), policy).ok,
      ).toBe(false)
    }
  })

  test('refuses a Host that is not this loopback port (DNS rebinding)', () => {
    for (const host of ['evil.example:4870', 'rebind.example', '127.0.0.1:4871', '0.0.0.0:4870']) {
      const result = guardRequest(request('GET', { host }), policy)
      expect(result, host).toMatchObject({ ok: false, error: { code: 'validation' } })
    }
    expect(guardRequest(request('GET', {}), policy).ok).toBe(false)
  })
})

describe('the capability of the browser host', () => {
  const own = { host: '127.0.0.1:4870', origin: 'http://127.0.0.1:4870', 'x-keepsake': '1' }

  test('refuses a caller without the cookie, even from its own origin with the custom header', () => {
    const result = guardRequest(request('POST', { ...own, cookie: '' }), policy)
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } })
    if (!result.ok) expect(result.error.message).toContain('?token=')
    expect(guardRequest(request('GET', { host: '127.0.0.1:4870', cookie: '' }), policy).ok).toBe(
      false,
    )
  })

  test('refuses a wrong token, a token under another port, and a token of another length', () => {
    for (const cookie of [
      `keepsake-capability-4870=${'x'.repeat(43)}`,
      `keepsake-capability-4871=${'k'.repeat(43)}`,
      `keepsake-capability-4870=${'k'.repeat(42)}`,
      `keepsake-capability-4870=${'k'.repeat(44)}`,
    ]) {
      expect(guardRequest(request('POST', { ...own, cookie }), policy).ok, cookie).toBe(false)
    }
  })
})

describe('guardRequest in Electron', () => {
  const electron = { allowedOrigins: ['keepsake://app'], allowedHosts: null, capability: null }

  test('accepts keepsake://app without checking Host', () => {
    const headers = { origin: 'keepsake://app', 'x-keepsake': '1' }
    expect(guardRequest(request('POST', headers), electron).ok).toBe(true)
  })

  test('still refuses other origins and a missing custom header', () => {
    expect(guardRequest(request('GET', { origin: 'https://evil.example' }), electron).ok).toBe(
      false,
    )
    expect(guardRequest(request('POST', { origin: 'keepsake://app' }), electron).ok).toBe(false)
  })
})
