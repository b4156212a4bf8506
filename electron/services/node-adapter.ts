import type { IncomingMessage, ServerResponse } from 'node:http'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'

/**
 * A node:http request as a web `Request`, headers untouched (the host API checks `Host` and
 * `Origin` itself) and the body streamed, not buffered. The URL is always built on loopback so a
 * hostile `Host` header cannot make it unparsable.
 */
export function toWebRequest(req: IncomingMessage): Request {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  const headers = new Headers()
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one)
  }
  const method = req.method ?? 'GET'
  const hasBody = method !== 'GET' && method !== 'HEAD'
  return new Request(url, {
    method,
    headers,
    ...(hasBody ? { body: Readable.toWeb(req) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
  })
}

/**
 * Writes a web `Response` to a node:http response, streaming its body chunk by chunk (so NDJSON
 * reaches the page as it is produced). If the client goes away first, the body is cancelled, which
 * aborts whatever produces it (e.g. a provider call). Resolves once the exchange is over.
 */
export async function sendWebResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {}
  response.headers.forEach((value, name) => {
    headers[name] = value
  })
  res.writeHead(response.status, response.statusText || undefined, headers)
  if (response.body === null) {
    res.end()
    return
  }
  res.flushHeaders()
  try {
    await pipeline(Readable.fromWeb(response.body as NodeReadableStream<Uint8Array>), res)
  } catch (error) {
    // A client that hangs up early is normal (pipeline has cancelled the body); anything else is a bug.
    if (!isPrematureClose(error)) throw error
  }
}

function isPrematureClose(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === 'ERR_STREAM_PREMATURE_CLOSE'
}
