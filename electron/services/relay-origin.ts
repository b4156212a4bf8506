import { z } from 'zod'
import { err, ok, type Result } from '../../shared/errors'

/**
 * The origin of a relay as the CSP names it: `ws://host:port` or `wss://host:port` (no path, no
 * user, no query), lower-case as the URL parser leaves it. Anything that could break out of a CSP
 * directive (spaces, `;`, `'`, `*`) cannot be in it.
 */
export const RelayOrigin = z
  .string()
  .max(300)
  .regex(
    /^wss?:\/\/(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/,
    'expected a ws:// or wss:// origin (scheme, host and port only)',
  )
export type RelayOrigin = z.infer<typeof RelayOrigin>

/**
 * The origin of a relay URL a person paired with, or why it cannot be allowed.
 * @example relayOriginOf('ws://192.168.1.20:5171/') // ok('ws://192.168.1.20:5171')
 */
export function relayOriginOf(relayUrl: string): Result<RelayOrigin> {
  let url: URL
  try {
    url = new URL(relayUrl)
  } catch {
    return err('validation', `"${relayUrl.slice(0, 80)}" is not a URL`, 'relayUrl')
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
    return err('validation', 'a relay URL starts with ws:// or wss://', 'relayUrl')
  }
  if (url.username !== '' || url.password !== '') {
    return err('validation', 'a relay URL carries no user name or password', 'relayUrl')
  }
  const parsed = RelayOrigin.safeParse(`${url.protocol}//${url.host}`)
  if (!parsed.success) {
    return err(
      'validation',
      `"${url.host.slice(0, 80)}" is not a host a relay can have`,
      'relayUrl',
    )
  }
  return ok(parsed.data)
}
