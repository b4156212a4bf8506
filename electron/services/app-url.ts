/** The custom scheme the app is served from (standard and secure, registered before `ready`). */
export const APP_SCHEME = 'keepsake'

/** The one host under the scheme that serves the app; `keepsake://pair?...` is a deep link. */
export const APP_HOST = 'app'

/** The origin of every Keepsake page. */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`

/** The pages the renderer build holds. */
export type AppPage = 'index.html' | 'runtime.html'

/** Where the host API is mounted; requests under it go to `createHostApi`, not to files. */
export const API_PREFIX = '/api/'

/**
 * The URL of one of the app's pages.
 * @example appUrl('runtime.html') === 'keepsake://app/runtime.html'
 */
export function appUrl(page: AppPage): string {
  return `${APP_ORIGIN}/${page}`
}

/**
 * Parses `url` and returns it only when it is on the app's origin (no credentials, no port).
 * Everything else, including unparsable input, is `undefined`: callers refuse it.
 */
export function parseAppUrl(url: string): URL | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return undefined
  }
  const onOrigin =
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  return onOrigin ? parsed : undefined
}
