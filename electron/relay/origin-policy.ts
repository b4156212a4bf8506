/** The Electron app's own origin (its custom scheme). */
export const APP_ORIGIN = 'keepsake://app'

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * Whether a WebSocket upgrade with this `Origin` header may reach the relay. Native devices send no
 * Origin; the desktop app sends `keepsake://app`; the browser host serves the app from a loopback
 * address (`http://127.0.0.1:PORT`, on this laptop or on the other one), so a page on a loopback http
 * origin is a program the person runs on their own machine, which could connect without a browser
 * anyway. Any other web page (a site the person happens to visit) is refused. `extra` adds exact
 * origins (`--allow-origin`).
 * @example isAllowedOrigin('https://evil.example', []) // false
 */
export function isAllowedOrigin(origin: string | undefined, extra: readonly string[]): boolean {
  if (origin === undefined) return true
  if (origin === APP_ORIGIN || extra.includes(origin)) return true
  let url: URL
  try {
    url = new URL(origin)
  } catch {
    return false
  }
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname) && url.origin === origin
}
