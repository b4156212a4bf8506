import { err, ok, type Result } from '../../shared/errors'
import type { MenuCommand } from '../../shared/preload-api'
import { APP_SCHEME } from '../services/app-url'

const PREFIX = `${APP_SCHEME}://`
// Pairing codes are opaque to main; the pairing screen validates them. This bounds what gets there.
const CODE = /^[\x21-\x7e]{1,4096}$/

/**
 * The command a `keepsake://` deep link asks for. Only `keepsake://pair?code=...` exists; anything
 * else (another host, a missing or odd code) is a `validation` error naming what is wrong.
 * @example parseDeepLink('keepsake://pair?code=abc') // ok({ command: 'pair', code: 'abc' })
 */
export function parseDeepLink(link: string): Result<MenuCommand> {
  let url: URL
  try {
    url = new URL(link)
  } catch {
    return err('validation', 'The link is not a valid URL.')
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname.toLowerCase() !== 'pair') {
    return err('validation', `Keepsake does not know the link ${link.slice(0, 100)}.`)
  }
  const code = url.searchParams.get('code')
  if (code === null || !CODE.test(code)) {
    return err('validation', 'The pairing link has no usable code.', 'code')
  }
  return ok({ command: 'pair', code })
}

/**
 * The first `keepsake://` argument on a command line (how Windows and Linux pass a deep link to a
 * launch or to `second-instance`), or `undefined` when there is none.
 */
export function findDeepLink(argv: readonly string[]): string | undefined {
  return argv.find((arg) => arg.toLowerCase().startsWith(PREFIX))
}
