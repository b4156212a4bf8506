import { describe, expect, it } from 'vitest'
import { isSafeExternalUrl } from '../../../../electron/main/policy/is-safe-external-url'

describe('isSafeExternalUrl', () => {
  it.each([
    'https://ollama.com/library',
    'http://192.168.1.20:11434/',
    'https://example.com/a?b=c#d',
  ])('opens http(s) links in the browser: %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true)
  })

  it.each([
    'file:///etc/passwd',
    'smb://server/share',
    'javascript:alert(1)',
    'keepsake://app/index.html',
    'ms-settings:privacy',
    'https://user:secret@example.com/',
    'https://',
    '//example.com',
    'example.com',
    `https://example.com/${'a'.repeat(2048)}`,
  ])('refuses everything else: %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false)
  })
})
