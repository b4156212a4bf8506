import { z } from 'zod'
import { API_PREFIX, parseAppUrl } from '../services/app-url'
import { mimeTypeFor } from '../services/mime-type'
import { resolveAppFile } from '../services/resolve-app-file'

/** The host API's request handler (`createHostApi(deps)`): `null` for paths it does not serve. */
export type HostApiHandler = (request: Request) => Promise<Response | null>

/** What the `keepsake:` handler needs; Electron is not one of them, so it runs under test. */
export interface AppProtocolDeps {
  /** The built renderer directory (`out/renderer`). */
  root: string
  hostApi: HostApiHandler
  readFile(path: string): Promise<Uint8Array>
  /** Where unexpected failures are reported (they become a 500). */
  logError(message: string, cause: unknown): void
  /** The CSP of this response (from the relay allow-list, which pairing can change). */
  contentSecurityPolicy(): string
}

const FileError = z.object({ code: z.string() })
const MISSING = new Set(['ENOENT', 'EISDIR', 'ENOTDIR'])

/**
 * The handler given to `protocol.handle('keepsake', ...)`. Requests under `keepsake://app/api/` go
 * to the host API; every other GET/HEAD is a static file from `root` with its MIME type, `nosniff`
 * and the app's CSP. Other origins, traversal attempts and missing files are 404, other methods 405.
 */
export function createAppProtocolHandler(
  deps: AppProtocolDeps,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const url = parseAppUrl(request.url)
    if (url === undefined) return plain(404, 'Not found')
    if (url.pathname.startsWith(API_PREFIX)) {
      try {
        return (await deps.hostApi(request)) ?? plain(404, 'Not found')
      } catch (cause) {
        deps.logError(`Host API failed on ${url.pathname}`, cause)
        return plain(500, 'Internal error')
      }
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plain(405, 'Method not allowed', { Allow: 'GET, HEAD' })
    }
    const file = resolveAppFile(deps.root, request.url)
    if (!file.ok) return plain(404, 'Not found')
    let bytes: Uint8Array
    try {
      bytes = await deps.readFile(file.value)
    } catch (cause) {
      const parsed = FileError.safeParse(cause)
      if (parsed.success && MISSING.has(parsed.data.code)) return plain(404, 'Not found')
      deps.logError(`Could not read ${file.value}`, cause)
      return plain(500, 'Internal error')
    }
    const headers = {
      'Content-Type': mimeTypeFor(file.value),
      'Content-Length': String(bytes.byteLength),
      'Content-Security-Policy': deps.contentSecurityPolicy(),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-cache',
    }
    // A copy with its own ArrayBuffer is what the fetch types accept as a body.
    const body = request.method === 'HEAD' ? null : new Uint8Array(bytes)
    return new Response(body, { status: 200, headers })
  }
}

const plain = (status: number, text: string, extra: Record<string, string> = {}): Response =>
  new Response(text, {
    status,
    headers: {
      'Content-Type': 'text/plain; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
      ...extra,
    },
  })
