import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'
import type { Capture } from '../../../renderer/runtime/understanding/types'

/** Monday 11 May 2026, 09:00 local. */
const NOW = new Date(2026, 4, 11, 9, 0)
const captures = (text: string): Capture[] =>
  analyze(text, NOW).readings.flatMap((r) => (r.type === 'capture' ? r.captures : []))
const kinds = (text: string): string[] => captures(text).map((c) => c.kind)

describe('something that ends on a day is a day to know, not a thing to do', () => {
  it.each([
    ['Stipend ends in March', 'Stipend ends in March'],
    ['agency say my contract end 26 february, maybe they make me permanent after', '26 february'],
  ])('%s', (text, words) => {
    const found = captures(text)
    expect(found.map((c) => c.kind)).toEqual(['fact'])
    expect(found[0]!.text).toContain(words)
  })

  it('with something to do, it is still a task', () => {
    expect(kinds('my contract ends 26 June, need to renew it')).toContain('task')
  })

  it('"end" as a verb of the person is not an expiry', () => {
    expect(kinds('I want to end my contract on Friday')).toEqual(['task'])
  })

})

describe('what a task makes possible, said after it with "so", is what it is for', () => {
  it.each([
    'got to get the V5 logbook sorted with DVLA before the end of May so I can put it back on the road',
    'sorted the insurance so I can drive again',
  ])('%s', (text) => {
    expect(captures(text).filter((c) => /\bcan\b/u.test(c.text))).toEqual([])
  })

  it('a fact told after "so" with something new of its own is still kept', () => {
    expect(captures('I moved to Leeds so I can be near my mum').length).toBeGreaterThan(0)
  })
})

describe('a bare phrase in an introduction that says more of the thing just told', () => {
  it.each([
    [
      'hey! Ellie, freelance climbing instructor, mostly Stanage and Burbage, living in Hathersage',
      'I am a freelance climbing instructor, mostly Stanage and Burbage',
    ],
    ['hi. I am Deaf, BSL first language', 'I am Deaf'],
  ])('%s', (text, kept) => {
    const found = captures(text).map((c) => c.text)
    expect(found).toContain(kept)
    expect(found.filter((t) => /^I am (?:mostly|BSL)\b/u.test(t))).toEqual([])
  })

  it.each([
    ["I'm Chloe, 29, product designer at Penwright, vegan", 'I am vegan'],
    ['hi I am Tom, nurse at Leeds General, type 1 diabetic', 'I am type 1 diabetic'],
    ["I'm Bea, carer, left-handed", 'I am left-handed'],
  ])('what the rules know, or a number, stays its own: %s', (text, own) => {
    expect(captures(text).map((c) => c.text)).toContain(own)
  })
})
