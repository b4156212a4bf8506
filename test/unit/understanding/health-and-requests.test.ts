import { describe, expect, it } from 'vitest'
import { readKinds } from '../../support/understanding/read-kinds'

const NOW = new Date(2026, 2, 4, 9, 0)
const kinds = (text: string): string[] => readKinds(text, NOW)

describe('health: how medicines treat the person', () => {
  it.each([
    'naproxen does not agree with me',
    'the new pills make me dizzy',
    'propranolol gives me vivid dreams',
    'beta blockers did nothing for me',
    "I can't take penicillin",
    'sumatriptan does not work for me',
  ])('files "%s" as a health fact', (text) => {
    expect(kinds(text)).toEqual(['fact'])
  })

  it('files a condition someone gets as a fact, and one going on since a day as a problem', () => {
    expect(kinds('I get cold sores when I am run down')).toEqual(['fact'])
    expect(kinds('I have been getting migraines since Sunday')).toEqual(['issue'])
  })

  it('leaves what is not a medicine to the other rules', () => {
    expect(kinds('the wifi does not work for me')).not.toEqual(['fact'])
  })
})

describe('requests about replies', () => {
  it.each(['please do not send me long lists', "pls don't email me after 8pm"])(
    'files "%s" as a preference, not a problem',
    (text) => {
      expect(kinds(text)).toEqual(['preference'])
    },
  )
})
