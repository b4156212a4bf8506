import { describe, expect, it } from 'vitest'
import { isAllowedNavigation } from '../../../../electron/main/policy/is-allowed-navigation'

describe('isAllowedNavigation', () => {
  it.each([
    'keepsake://app/index.html',
    'keepsake://app/runtime.html',
    'keepsake://app/',
    'keepsake://app/index.html#/conversations/42',
  ])('lets a window move between the app pages: %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(true)
  })

  it.each([
    'https://example.com/',
    'http://127.0.0.1:4870/index.html',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'keepsake://pair?code=abc',
    'keepsake://evil/index.html',
    'keepsake://user:pw@app/index.html',
    'keepsake://app:8080/index.html',
    'keepsake://app/api/secrets/openai',
    'not a url',
    '',
  ])('refuses anything else: %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false)
  })
})
