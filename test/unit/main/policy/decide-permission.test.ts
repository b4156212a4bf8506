import { describe, expect, it } from 'vitest'
import { decidePermission } from '../../../../electron/main/policy/decide-permission'

describe('decidePermission', () => {
  it.each([
    ['media', 'keepsake://app'],
    ['geolocation', 'keepsake://app'],
    ['notifications', 'keepsake://app'],
    ['clipboard-read', 'keepsake://app'],
    ['hid', 'https://example.com'],
    ['openExternal', 'keepsake://app'],
    ['anything-new', ''],
  ])('denies %s for %s', (permission, origin) => {
    expect(decidePermission(permission, origin)).toBe(false)
  })
})
