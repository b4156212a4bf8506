import { request as httpRequest } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { startHost, type HostProcess } from '../../support/host-process'

// A local program's view of the browser host: a plain Node HTTP client against `node out/main/host.js`.
const hosts: HostProcess[] = []
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((h) => h.stop()))
})

interface Answer {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** One raw request (node:http, so any method and any Host header can be sent). */
const send = (
  host: HostProcess,
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: string,
): Promise<Answer> =>
  new Promise((done, fail) => {
    const req = httpRequest(
      { host: '127.0.0.1', port: host.port, method, path, headers },
      (res) => {
        let text = ''
        res.on('data', (c: Buffer) => (text += c.toString()))
        res.on('end', () => done({ status: res.statusCode ?? 0, headers: res.headers, body: text }))
      },
    )
    req.on('error', fail)
    req.end(body)
  })

const tokenOf = (host: HostProcess): string => new URL(host.url).searchParams.get('token') ?? ''

describe('the browser host capability', () => {
  it('prints an address with a per-launch token, and a stranger without it gets nothing', async () => {
    const host = await startHost()
    hosts.push(host)
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/)

    // The attack from the review: no Origin, the custom header, a chosen baseUrl.
    const probe = await send(
      host,
      'POST',
      '/api/provider/test',
      { 'x-keepsake': '1', 'content-type': 'application/json' },
      JSON.stringify({
        provider: { kind: 'openai-compatible', baseUrl: 'http://127.0.0.1:9/v1', model: 'm' },
      }),
    )
    expect(probe.status).toBe(403)
    expect(probe.body).toContain('no capability')
    for (const [method, path] of [
      ['GET', '/api/health'],
      ['GET', '/api/secrets/openai'],
      ['PUT', '/api/secrets/openai'],
      ['POST', '/api/relay/start'],
    ] as const) {
      const answer = await send(
        host,
        method,
        path,
        { 'x-keepsake': '1' },
        method === 'GET' ? undefined : '{}',
      )
      expect(answer.status, `${method} ${path}`).toBe(403)
    }
    // Loading the app without the token gets no capability either.
    const index = await send(host, 'GET', '/')
    expect(index.status).toBe(401)
    expect(index.headers['set-cookie']).toBeUndefined()
    expect(index.body).toContain('?token=')
    expect((await send(host, 'GET', '/?token=' + 'x'.repeat(43))).status).toBe(403)
  })

  it('trades the token for an HttpOnly SameSite=Strict cookie that every API call then needs', async () => {
    const host = await startHost()
    hosts.push(host)
    const traded = await send(host, 'GET', `/?token=${tokenOf(host)}`)
    expect(traded.status).toBe(303)
    expect(traded.headers.location).toBe('/')
    const cookie = String(traded.headers['set-cookie'])
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Strict')
    const pair = cookie.split(';')[0] ?? ''
    expect((await send(host, 'GET', '/api/health', { cookie: pair })).status).toBe(200)
    expect((await send(host, 'GET', '/', { cookie: pair })).status).toBe(200)

    // The next launch has another token; the old cookie is worth nothing there.
    await host.stop()
    hosts.pop()
    const next = await startHost({ port: host.port, dataDir: host.dataDir })
    hosts.push(next)
    expect(tokenOf(next)).not.toBe(tokenOf(host))
    expect((await send(next, 'GET', '/api/health', { cookie: pair })).status).toBe(403)
  })

  it('answers TRACE and a forged Host with a plain refusal, never a stack trace', async () => {
    const host = await startHost()
    hosts.push(host)
    const trace = await send(host, 'TRACE', '/')
    expect(trace.status).toBe(405)
    expect(trace.body).not.toMatch(/\n\s+at /)
    const forged = await send(host, 'GET', '/index.html', { host: 'rebind.example' })
    expect(forged.status).toBe(421)
    expect(forged.body).not.toContain('<script')
  })
})
