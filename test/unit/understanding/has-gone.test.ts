import { describe, expect, it } from 'vitest'
import { expand } from '../../../renderer/runtime/understanding/text'

describe('"X\'s gone" before where or what to is "X has gone"', () => {
  it('reads a move or a change of life as "has gone"', () => {
    expect(expand("tom's gone freelance now")).toBe('tom has gone freelance now')
    expect(expand("she's gone back to nights")).toBe('she has gone back to nights')
    expect(expand("my sister's gone to uni in york")).toBe('my sister has gone to uni in york')
    expect(expand("Dev's gone part-time since March")).toBe('Dev has gone part-time since March')
    expect(expand("the price's gone up again")).toBe('the price has gone up again')
  })

  it('leaves "gone" with nothing after it as it was', () => {
    expect(expand("the pain's gone now")).toBe('the pain is gone now')
    expect(expand("the rash's gone")).not.toMatch(/has gone/u)
    expect(expand("it's gone again")).toBe('it is gone again')
  })
})
