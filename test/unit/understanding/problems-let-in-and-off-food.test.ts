import { describe, expect, it } from 'vitest'
import { readKinds } from '../../support/understanding/read-kinds'

const NOW = new Date(2026, 2, 4, 9, 0)
const kinds = (text: string): string[] => readKinds(text, NOW)

describe('problems told as what a thing lets in, or how an animal is', () => {
  it.each([
    'the shed roof is letting water in',
    'the back door has been letting the rain in since the storm',
    "Milo's been off his food since Sunday",
    'the rabbit has been really lethargic all week',
  ])('reads "%s" as a problem', (text) => {
    expect(kinds(text)).toEqual(['issue'])
  })

  it.each(['the new door is lovely, it lets the light in', 'we let the dog in at night'])(
    'does not read "%s" as a problem',
    (text) => {
      expect(kinds(text)).not.toContain('issue')
    },
  )
})
