import { describe, expect, it } from 'vitest'
import { readKinds } from '../../support/understanding/read-kinds'

const NOW = new Date(2026, 2, 4, 9, 0)
const kinds = (text: string): string[] => readKinds(text, NOW)

describe('problems told by what is heard, felt or got wrong', () => {
  it.each([
    'my eczema is really bad at the moment',
    'my back is killing me after the gardening',
    'the laptop fan is really loud and it gets super hot',
    "there's a weird smell coming from the drain",
    "my daughter's been getting nosebleeds at school",
    'the supplier sent the wrong size pipes again',
    'Sky keeps charging me for a package I cancelled',
    'the payroll system double-paid three staff',
  ])('reads "%s" as a problem', (text) => {
    expect(kinds(text)).toEqual(['issue'])
  })

  it.each([
    'my Spanish is really bad',
    'the coffee here is really bad',
    "the kids are pretty loud but that's fine",
    "the roast takes forever to cook but it's worth it",
  ])('does not read "%s" as a problem', (text) => {
    expect(kinds(text)).not.toContain('issue')
  })
})
