import { HOST_API_HEADER, HOST_API_HEADER_VALUE } from '../../shared/contract/host-api'
import { err, ok, type Result } from '../../shared/errors'

/** Who may call the host API. */
export type RequestPolicy = {
  /** Origins allowed in an `Origin` header; a request without one is same-origin or not a browser. */
  allowedOrigins: readonly string[]
  /**
   * Accepted `Host` headers (DNS rebinding defence), or null where the transport has no Host to
   * forge (Electron's custom protocol).
   */
  allowedHosts: readonly string[] | null
}

/** What the guard looks at, so it stays a pure function of plain values. */
export type GuardedRequest = {
  method: string
  headers: { get(name: string): string | null }
}

/**
 * The policy of the browser host listening on 127.0.0.1:`port`: its own origins and Host names only.
 * @example loopbackPolicy(4870).allowedHosts // ['127.0.0.1:4870', 'localhost:4870']
 */
export function loopbackPolicy(port: number): RequestPolicy {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`]
  return { allowedOrigins: hosts.map((h) => `http://${h}`), allowedHosts: hosts }
}

/**
 * Accepts a request only if its Host is ours, its Origin (when present) is ours, and, unless it is a
 * GET or HEAD, it carries `X-Keepsake: 1` — a header no cross-site form can send and no cross-site
 * script can send without a preflight we never approve.
 */
export function guardRequest(request: GuardedRequest, policy: RequestPolicy): Result<void> {
  if (policy.allowedHosts !== null) {
    const host = request.headers.get('host')
    if (host === null || !policy.allowedHosts.includes(host.toLowerCase())) {
      return err('validation', `Refused: Host ${JSON.stringify(host ?? '')} is not this host.`)
    }
  }
  const origin = request.headers.get('origin')
  if (origin !== null && !policy.allowedOrigins.includes(origin)) {
    return err('validation', `Refused: requests from ${origin} are not allowed.`)
  }
  const method = request.method.toUpperCase()
  if (method !== 'GET' && method !== 'HEAD') {
    if (request.headers.get(HOST_API_HEADER) !== HOST_API_HEADER_VALUE) {
      return err('validation', `Refused: the ${HOST_API_HEADER} header is missing.`)
    }
  }
  return ok(undefined)
}
