import { createServer, type Server } from 'node:http'
import { readFile } from 'node:fs/promises'
import { err, ok, type Result } from '../../shared/errors'
import { createHostApi } from '../services/host-api'
import { sendWebResponse, toWebRequest } from '../services/node-adapter'
import {
  capabilityCookie,
  holdsCapability,
  newCapability,
  tokenMatches,
} from '../services/capability'
import { guardHost, loopbackPolicy } from '../services/request-guard'
import { createFileSecretStore } from '../services/secret-store.file'
import type { RelayControl } from '../services/relay-control'
import type { RelayAllowList } from '../services/relay-allow-list'
import { resolveAppFile } from '../services/resolve-app-file'
import { mimeTypeFor } from '../services/mime-type'
import { contentSecurityPolicy } from '../services/content-security-policy'

export interface BrowserHostOptions {
  port: number
  /** The built renderer (`out/renderer`). */
  rendererDir: string
  /** Where the host keeps its own files (API keys, 0600). */
  dataDir: string
  relay: RelayControl | null
  /** The relays the app's CSP allows (kept in `dataDir`, filled by pairing and joining). */
  relays: RelayAllowList
}

export interface RunningHost {
  /** The address to open, with this launch's token (`http://127.0.0.1:PORT/?token=…`). */
  url: string
  close(): Promise<void>
}

/** Methods the host answers; anything else (TRACE, CONNECT, …) gets a plain 405. */
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS'])

const page = (status: number, text: string): Response =>
  new Response(`<!doctype html><meta charset="utf-8"><title>Keepsake</title><p>${text}</p>\n`, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "default-src 'none'",
      'cache-control': 'no-store',
    },
  })

/**
 * The browser host: serves the same renderer build as Electron on 127.0.0.1 and answers the same host
 * API (provider proxy, secrets, LAN relay) that Electron's main process answers. Each launch has its
 * own capability: the printed address carries its token, opening it sets an HttpOnly cookie, and the
 * app page and every API call need that cookie.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<Result<RunningHost>> {
  const capability = newCapability(options.port)
  const policy = loopbackPolicy(options.port, capability)
  const api = createHostApi(
    {
      secrets: createFileSecretStore(options.dataDir),
      relay: options.relay,
      relays: options.relays,
    },
    policy,
  )
  /** Trades the token for the cookie, and keeps the app page from a browser without it. */
  const admit = (request: Request): Response | null => {
    const url = new URL(request.url)
    if (url.pathname !== '/' && url.pathname !== '/index.html') return null
    if (url.searchParams.has('token')) {
      if (!tokenMatches(url.searchParams.get('token'), capability)) {
        return page(
          403,
          'This address is from another launch of Keepsake. Open the address it printed when it last started.',
        )
      }
      return new Response(null, {
        status: 303,
        headers: {
          location: '/',
          'set-cookie': capabilityCookie(capability),
          'cache-control': 'no-store',
        },
      })
    }
    if (holdsCapability(request.headers.get('cookie'), capability)) return null
    return page(
      401,
      'Open Keepsake with the address it printed when it started (http://127.0.0.1:PORT/?token=…).',
    )
  }
  const server = createServer((req, res) => {
    void (async () => {
      if (!METHODS.has(req.method ?? '')) {
        res.writeHead(405, { 'content-type': 'text/plain', allow: [...METHODS].join(', ') })
        res.end('Method not allowed')
        return
      }
      const request = toWebRequest(req)
      const host = guardHost(request, policy.allowedHosts)
      if (!host.ok) {
        res.writeHead(421, { 'content-type': 'text/plain' }).end(host.error.message)
        return
      }
      const answered = (await api(request)) ?? admit(request)
      if (answered) return sendWebResponse(res, answered)
      const path = new URL(request.url).pathname
      const file = resolveAppFile(options.rendererDir, `keepsake://app${path}`)
      if (!file.ok || req.method !== 'GET') {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
        return
      }
      try {
        const body = await readFile(file.value)
        res.writeHead(200, {
          'content-type': mimeTypeFor(file.value),
          'content-security-policy': contentSecurityPolicy(options.relays.origins()),
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-cache',
        })
        res.end(body)
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
      }
    })().catch((e: unknown) => {
      console.error(
        `host: ${req.method} ${req.url ?? ''} failed: ${e instanceof Error ? e.message : String(e)}`,
      )
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' })
      res.end('Internal error')
    })
  })
  const listening = await listen(server, options.port)
  if (!listening.ok) return listening
  return ok({
    url: `http://127.0.0.1:${options.port}/?token=${capability.token}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        // An open chat stream or a kept-alive connection would otherwise hold shutdown.
        server.closeAllConnections()
      }),
  })
}

function listen(server: Server, port: number): Promise<Result<void>> {
  return new Promise((resolve) => {
    server.once('error', (e: NodeJS.ErrnoException) =>
      resolve(
        err(
          'busy',
          e.code === 'EADDRINUSE'
            ? `Port ${port} is already in use. Set KEEPSAKE_PORT to another port.`
            : `Could not listen on 127.0.0.1:${port}: ${e.message}`,
        ),
      ),
    )
    server.listen(port, '127.0.0.1', () => resolve(ok(undefined)))
  })
}
