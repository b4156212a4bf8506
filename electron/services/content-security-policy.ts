import type { RelayOrigin } from './relay-origin'

/**
 * The Content-Security-Policy header of every page served from `keepsake://app/` (and the browser
 * host), built from the relays this profile paired with.
 *
 * Everything is `'self'` or `'none'` except:
 * - `style-src 'unsafe-inline'`: libraries set `<style>`/`style=""` at runtime; styles cannot run
 *   script, and with `img-src`/`font-src` limited to the app a stylesheet cannot send data out.
 * - `img-src data:`: QR codes for pairing are rendered as data URLs.
 * - `connect-src`: the app itself, and only the relay origins in the allow-list (filled when the
 *   person pairs or joins; see relay-allow-list.ts). A page or worker cannot open a socket anywhere
 *   else. Model providers are called by the Node side through the host API (`'self'`).
 * @example contentSecurityPolicy(['ws://192.168.1.20:5171'])
 */
export function contentSecurityPolicy(relays: readonly RelayOrigin[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    ["connect-src 'self'", ...relays].join(' '),
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ')
}
