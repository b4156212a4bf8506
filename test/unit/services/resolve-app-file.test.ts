import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveAppFile } from '../../../electron/services/resolve-app-file'

const root = resolve('/srv/keepsake/out/renderer')

describe('resolveAppFile', () => {
  it('maps app URLs to files under the renderer build', () => {
    expect(resolveAppFile(root, 'keepsake://app/index.html')).toEqual({
      ok: true,
      value: join(root, 'index.html'),
    })
    expect(resolveAppFile(root, 'keepsake://app/assets/index-a1b2.js?v=1#x')).toEqual({
      ok: true,
      value: join(root, 'assets', 'index-a1b2.js'),
    })
    expect(resolveAppFile(root, 'keepsake://app/fonts/Inter%20Var.woff2')).toEqual({
      ok: true,
      value: join(root, 'fonts', 'Inter Var.woff2'),
    })
  })

  it('serves index.html for the root', () => {
    expect(resolveAppFile(root, 'keepsake://app/')).toEqual({
      ok: true,
      value: join(root, 'index.html'),
    })
    expect(resolveAppFile(root, 'keepsake://app')).toEqual({
      ok: true,
      value: join(root, 'index.html'),
    })
  })

  it('keeps dot segments inside the build (the URL parser resolves them first)', () => {
    expect(resolveAppFile(root, 'keepsake://app/../secrets.json')).toEqual({
      ok: true,
      value: join(root, 'secrets.json'),
    })
    expect(resolveAppFile(root, 'keepsake://app/assets/%2e%2e/%2e%2e/%2e%2e/etc/passwd')).toEqual({
      ok: true,
      value: join(root, 'etc', 'passwd'),
    })
  })

  it.each([
    'keepsake://app/assets/%2e%2e%2f%2e%2e%2fpackage.json',
    'keepsake://app/assets/..%2f..%2fpackage.json',
    'keepsake://app/assets/..%5c..%5cpackage.json',
    'keepsake://app/%2fetc%2fpasswd',
    'keepsake://app/C:%5cWindows%5cwin.ini',
    'keepsake://app/index.html%00.png',
    'keepsake://app/.env',
    'keepsake://app/assets/.git/config',
    'keepsake://app/%E0%A4%A',
    'keepsake://evil/index.html',
    'https://app/index.html',
    'file:///etc/passwd',
  ])('refuses %s', (url) => {
    const result = resolveAppFile(root, url)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('not-found')
  })
})
