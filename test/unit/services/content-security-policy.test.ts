import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../../electron/services/content-security-policy'

const directives = (relays: string[] = []): Map<string, string[]> =>
  new Map(
    contentSecurityPolicy(relays)
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name = '', ...values]) => [name, values]),
  )

describe('contentSecurityPolicy', () => {
  it('only runs the app’s own scripts: no inline script, no eval, no remote script', () => {
    const scripts = directives().get('script-src')
    expect(scripts).toEqual(["'self'"])
    expect(contentSecurityPolicy()).not.toContain('unsafe-eval')
    expect(directives().get('default-src')).toEqual(["'self'"])
  })

  it('closes plugins, base rewriting, form posts and framing', () => {
    const csp = directives()
    expect(csp.get('object-src')).toEqual(["'none'"])
    expect(csp.get('base-uri')).toEqual(["'none'"])
    expect(csp.get('form-action')).toEqual(["'none'"])
    expect(csp.get('frame-ancestors')).toEqual(["'none'"])
  })

  it('lets pages talk only to the app and to the relays this profile paired with', () => {
    expect(directives().get('connect-src')).toEqual(["'self'"])
    expect(
      directives(['ws://192.168.1.20:5171', 'wss://relay.example.org']).get('connect-src'),
    ).toEqual(["'self'", 'ws://192.168.1.20:5171', 'wss://relay.example.org'])
  })

  it('allows no remote images, fonts or workers', () => {
    const csp = directives()
    expect(csp.get('img-src')).toEqual(["'self'", 'data:'])
    expect(csp.get('font-src')).toEqual(["'self'"])
    expect(csp.get('worker-src')).toEqual(["'self'"])
  })
})
