import { createServer, type Server } from 'node:http'
import { readFile } from 'node:fs/promises'
import { err, ok, type Result } from '../../shared/errors'
import { createHostApi } from '../services/host-api'
import { sendWebResponse, toWebRequest } from '../services/node-adapter'
import { loopbackPolicy } from '../services/request-guard'
import { createFileSecretStore } from '../services/secret-store.file'
import type { RelayControl } from '../services/relay-control'
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
}

export interface RunningHost {
  url: string
  close(): Promise<void>
}

/**
 * The browser host: serves the same renderer build as Electron on 127.0.0.1 and answers the same host
 * API (provider proxy, secrets, LAN relay) that Electron's main process answers.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<Result<RunningHost>> {
  const api = createHostApi(
    { secrets: createFileSecretStore(options.dataDir), relay: options.relay },
    loopbackPolicy(options.port),
  )
  const server = createServer((req, res) => {
    void (async () => {
      const request = toWebRequest(req)
      const answered = await api(request)
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
          'content-security-policy': contentSecurityPolicy(),
          'x-content-type-options': 'nosniff',
          'cache-control': 'no-cache',
        })
        res.end(body)
      } catch {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found')
      }
    })().catch((e: unknown) => {
      console.error('host: request failed', e)
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' })
      res.end('Internal error')
    })
  })
  const listening = await listen(server, options.port)
  if (!listening.ok) return listening
  return ok({
    url: `http://127.0.0.1:${options.port}/`,
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
