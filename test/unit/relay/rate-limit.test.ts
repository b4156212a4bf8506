import { describe, expect, it } from 'vitest'
import { createConnectionRateLimit } from '../../../electron/relay/rate-limit'

describe('connection rate limit', () => {
  it('allows the limit per address per minute, then refuses until the minute is over', () => {
    let now = 0
    const limit = createConnectionRateLimit(3, () => now)
    expect([1, 2, 3, 4].map(() => limit.allow('10.0.0.1'))).toEqual([true, true, true, false])
    expect(limit.allow('10.0.0.2')).toBe(true)
    now = 59_999
    expect(limit.allow('10.0.0.1')).toBe(false)
    now = 60_000
    expect(limit.allow('10.0.0.1')).toBe(true)
  })
})
