import { describe, expect, it } from 'vitest'
import {
  chooseDeviceName,
  defaultDeviceName,
} from '../../../renderer/runtime/sync-service/device-name'

describe('device names', () => {
  it('names the platform from the user agent', () => {
    expect(defaultDeviceName('Mozilla/5.0 (X11; Linux x86_64) Chrome/140')).toBe(
      'Keepsake on Linux',
    )
    expect(defaultDeviceName('Mozilla/5.0 (Windows NT 10.0; Win64; x64)')).toBe(
      'Keepsake on Windows',
    )
    expect(defaultDeviceName('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0)')).toBe(
      'Keepsake on Mac',
    )
    expect(defaultDeviceName('curl/8')).toBe('Keepsake device')
  })

  it('prefers the name the person gave, trimmed', () => {
    expect(chooseDeviceName('  laptop A ', 'fallback')).toBe('laptop A')
    expect(chooseDeviceName('   ', 'fallback')).toBe('fallback')
    expect(chooseDeviceName(undefined, 'fallback')).toBe('fallback')
  })
})
