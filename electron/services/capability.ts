import { randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * The browser host's per-launch capability: a random token it prints in its address
 * (`http://127.0.0.1:PORT/?token=…`) and trades, once, for an HttpOnly SameSite=Strict cookie. Every
 * host API call must carry the cookie, so a program or page that did not get the printed address
 * cannot spend the stored API keys, start a relay or change a key.
 */
export interface Capability {
  /** Cookie names are not separated by port, so the name carries it. */
  cookieName: string
  token: string
}

/** A fresh capability for the host on `port` (32 random bytes, base64url). */
export function newCapability(port: number): Capability {
  return { cookieName: `keepsake-capability-${port}`, token: randomBytes(32).toString('base64url') }
}

/** Whether `candidate` is the token, compared in constant time. */
export function tokenMatches(candidate: string | null, capability: Capability): boolean {
  if (candidate === null) return false
  const a = Buffer.from(candidate)
  const b = Buffer.from(capability.token)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** Whether a `Cookie` header carries the capability. */
export function holdsCapability(cookieHeader: string | null, capability: Capability): boolean {
  if (cookieHeader === null) return false
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=')
    if (eq < 0 || part.slice(0, eq).trim() !== capability.cookieName) continue
    if (tokenMatches(part.slice(eq + 1).trim(), capability)) return true
  }
  return false
}

/** The `Set-Cookie` value that hands the capability to the page (no script can read it). */
export function capabilityCookie(capability: Capability): string {
  return `${capability.cookieName}=${capability.token}; HttpOnly; SameSite=Strict; Path=/`
}
