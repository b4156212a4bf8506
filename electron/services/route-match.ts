import { hostApiRoutes, type HostRouteName } from '../../shared/contract/host-api'

/** The route a request asks for, or why there is none (404 unknown path, 405 wrong method). */
export type RouteMatch =
  | { ok: true; name: HostRouteName; param: string }
  | { ok: false; status: number; error: { code: 'not-found' | 'validation'; message: string } }

/** Finds the route for a method and path; a known path with the wrong method is a 405. */
export function matchRoute(method: string, pathname: string): RouteMatch {
  let pathKnown = false
  for (const name of Object.keys(hostApiRoutes) as HostRouteName[]) {
    const route = hostApiRoutes[name]
    const param = matchPath(route.path, pathname)
    if (param === null) continue
    pathKnown = true
    if (route.method === method.toUpperCase()) return { ok: true, name, param }
  }
  return pathKnown
    ? {
        ok: false,
        status: 405,
        error: { code: 'validation', message: `${method} is not allowed on ${pathname}.` },
      }
    : {
        ok: false,
        status: 404,
        error: { code: 'not-found', message: `No host API route ${pathname}.` },
      }
}

/** The `:name` segment when `pathname` fits `pattern`, '' for a fit without one, else null. */
function matchPath(pattern: string, pathname: string): string | null {
  const [prefix, suffix] = pattern.split(':name')
  if (suffix === undefined) return pattern === pathname ? '' : null
  if (prefix === undefined || !pathname.startsWith(prefix) || !pathname.endsWith(suffix))
    return null
  const segment = pathname.slice(prefix.length, pathname.length - suffix.length)
  return segment === '' || segment.includes('/') ? null : segment
}
