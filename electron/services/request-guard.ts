import { HOST_API_HEADER, HOST_API_HEADER_VALUE } from '../../shared/contract/host-api'
import { err, ok, type Result } from '../../shared/errors'
import { holdsCapability, type Capability } from './capability'

/** Who may call the host API. */
export type RequestPolicy = {
  /** Origins allowed in an `Origin` header; a request without one is same-origin or not a browser. */
  allowedOrigins: readonly string[]
  /**
   * Accepted `Host` headers (DNS rebinding defence), or null where the transport has no Host to
   * forge (Electron's custom protocol).
   */
  allowedHosts: readonly string[] | null
  /**
   * The per-launch capability every call must carry as a cookie, or null where only the app can
   * reach the API at all (Electron's `keepsake://` protocol exists only inside its own session).
   */
  capability: Capability | null
}

/** What the guard looks at, so it stays a pure function of plain values. */
export type GuardedRequest = {
  method: string
  headers: { get(name: string): string | null }
}

/**
 * The policy of the browser host listening on 127.0.0.1:`port`: its own origins and Host names only,
 * and its launch's capability.
 * @example loopbackPolicy(4870, newCapability(4870)).allowedHosts // ['127.0.0.1:4870', 'localhost:4870']
 */
export function loopbackPolicy(port: number, capability: Capability): RequestPolicy {
  const hosts = [`127.0.0.1:${port}`, `localhost:${port}`]
  return { allowedOrigins: hosts.map((h) => `http://${h}`), allowedHosts: hosts, capability }
}

/** Accepts a request only if its Host is one of ours (DNS rebinding defence); null allows any. */
export function guardHost(
  request: GuardedRequest,
  allowedHosts: readonly string[] | null,
): Result<void> {
  if (allowedHosts === null) return ok(undefined)
  const host = request.headers.get('host')
  if (host === null || !allowedHosts.includes(host.toLowerCase())) {
    return err('validation', `Refused: Host ${JSON.stringify(host ?? '')} is not this host.`)
  }
  return ok(undefined)
}

/**
 * Accepts a request only if its Host is ours, its Origin (when present) is ours, it carries the
 * launch's capability cookie (where there is one), and, unless it is a GET or HEAD, it carries
 * `X-Keepsake: 1` — a header no cross-site form can send and no cross-site script can send without a
 * preflight we never approve.
 */
export function guardRequest(request: GuardedRequest, policy: RequestPolicy): Result<void> {
  const host = guardHost(request, policy.allowedHosts)
  if (!host.ok) return host
  const origin = request.headers.get('origin')
  if (origin !== null && !policy.allowedOrigins.includes(origin)) {
    return err('validation', `Refused: requests from ${origin} are not allowed.`)
  }
  if (
    policy.capability !== null &&
    !holdsCapability(request.headers.get('cookie'), policy.capability)
  ) {
    return err(
      'validation',
      'Refused: this page has no capability for the host. Open Keepsake with the address it printed when it started (http://127.0.0.1:PORT/?token=…).',
    )
  }
  const method = request.method.toUpperCase()
  if (method !== 'GET' && method !== 'HEAD') {
    if (request.headers.get(HOST_API_HEADER) !== HOST_API_HEADER_VALUE) {
      return err('validation', `Refused: the ${HOST_API_HEADER} header is missing.`)
    }
  }
  return ok(undefined)
}
