import { describe, expect, it } from 'vitest'
import { expand } from '../../../renderer/runtime/understanding/text'
import { analyze } from '../../../renderer/runtime/understanding/analyze'

const NOW = new Date('2026-05-04T09:00:00Z')

describe('"hows" typed without its apostrophe is "how is"', () => {
  it.each(['hows my mum job', 'hows the knee today', 'hows my sister getting on at uni'])(
    '%s is a question',
    (text) => expect(analyze(text, NOW).readings.map((r) => r.type)).toEqual(['question']),
  )

  it('spells it out before "my", "the", "things"', () => {
    expect(expand('hows my mum job')).toBe('how is my mum job')
    expect(expand('hows things')).toBe('how is things')
  })

  it('leaves the noun alone', () => {
    expect(expand('the hows and whys of it')).toBe('the hows and whys of it')
  })
})
