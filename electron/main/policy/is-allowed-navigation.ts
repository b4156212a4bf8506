import { API_PREFIX, parseAppUrl } from '../../services/app-url'

/**
 * Whether a window may navigate to `url` (`will-navigate`, `will-redirect`, frame navigations):
 * only to the app's own pages on `keepsake://app/`, never to the host API, another scheme or host.
 * @example isAllowedNavigation('keepsake://app/index.html') === true
 * @example isAllowedNavigation('https://example.com/') === false
 */
export function isAllowedNavigation(url: string): boolean {
  const parsed = parseAppUrl(url)
  return parsed !== undefined && !parsed.pathname.startsWith(API_PREFIX)
}
