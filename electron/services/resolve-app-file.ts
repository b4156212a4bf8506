import { isAbsolute, relative, resolve, sep } from 'node:path'
import { err, ok, type Result } from '../../shared/errors'
import { parseAppUrl } from './app-url'

/**
 * The file under `root` (the built renderer) that `requestUrl` names; `/` is `index.html`. Refused
 * with `not-found`: other origins, encoded separators, `..` segments, backslashes, colons (drive letters,
 * Windows streams), NUL bytes, dot files, and anything that would resolve outside `root`.
 * @example resolveAppFile('/app/out/renderer', 'keepsake://app/assets/a.js') // ok('/app/out/renderer/assets/a.js')
 */
export function resolveAppFile(root: string, requestUrl: string): Result<string> {
  const url = parseAppUrl(requestUrl)
  // Encoded separators and NUL have no business in an asset path; refuse before decoding.
  if (url === undefined || /%2f|%5c|%00/i.test(url.pathname)) return refused(requestUrl)
  let path: string
  try {
    path = decodeURIComponent(url.pathname)
  } catch {
    return refused(requestUrl)
  }
  if (path === '/' || path === '') path = '/index.html'
  const segments = path.split('/').filter((s) => s !== '')
  const bad = segments.some((s) => s.startsWith('.') || /[\\:\0]/.test(s))
  if (bad || segments.length === 0) return refused(requestUrl)
  const base = resolve(root)
  const file = resolve(base, ...segments)
  const rel = relative(base, file)
  if (rel === '' || rel.startsWith(`..${sep}`) || rel === '..' || isAbsolute(rel)) {
    return refused(requestUrl)
  }
  return ok(file)
}

const refused = (url: string): Result<never> =>
  err('not-found', `No app file at ${url.slice(0, 200)}`)
