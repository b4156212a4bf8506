import { describe, expect, it } from 'vitest'
import { mimeTypeFor } from '../../../electron/services/mime-type'

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-1a2b.js', 'text/javascript; charset=utf-8'],
    ['assets/worker.MJS', 'text/javascript; charset=utf-8'],
    ['assets/index.css', 'text/css; charset=utf-8'],
    ['icon.svg', 'image/svg+xml'],
    ['fonts/a.woff2', 'font/woff2'],
    ['assets/x.wasm', 'application/wasm'],
  ])('%s is %s', (file, type) => {
    expect(mimeTypeFor(file)).toBe(type)
  })

  it('serves unknown files as opaque bytes', () => {
    expect(mimeTypeFor('notes.xyz')).toBe('application/octet-stream')
    expect(mimeTypeFor('LICENSE')).toBe('application/octet-stream')
  })
})
