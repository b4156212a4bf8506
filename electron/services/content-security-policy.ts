/**
 * The Content-Security-Policy header of every page served from `keepsake://app/`.
 *
 * Everything is `'self'` or `'none'` except:
 * - `style-src 'unsafe-inline'`: libraries set `<style>`/`style=""` at runtime; styles cannot run
 *   script, and with `img-src`/`font-src` limited to the app a stylesheet cannot send data out.
 * - `img-src data:`: QR codes for pairing are rendered as data URLs.
 * - `connect-src ws: wss:`: the runtime syncs through a relay the person chooses (any host on their
 *   LAN or a server), and a relay URL is only known at runtime. Model providers are called by the
 *   main process through the host API (`'self'`), so no http(s) origin is allowed.
 */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self' ws: wss:",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}
