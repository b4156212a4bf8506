import { describe, expect, it } from 'vitest'
import { givingTrouble } from '../../../renderer/runtime/understanding/giving-trouble'
import { sayInTurn } from '../../support/understanding/say-in-turn'

const now = new Date('2026-05-18T09:00:00Z')
const read = (text: string): string | null =>
  givingTrouble({ text, now, correction: false, explicit: false })?.[0]?.kind ?? null

describe('a thing giving trouble is a problem', () => {
  it.each([
    'the van is giving me grief',
    'my laptop is giving me trouble',
    'Cold room compressor is giving problem',
    'de pickup clutch giving trouble too',
    'generator giving wahala since morning',
    'the new till system is causing us problems',
    'the printer gives trouble now and then',
    'Windows update has been causing no end of problems',
    'tractor hydraulics been givin me a bit of bother',
  ])('"%s"', async (said) => {
    const items = await sayInTurn([said])
    expect(items.map((i) => i.kind)).toEqual(['issue'])
  })

  it('keeps how the thing is not doing as part of the problem', async () => {
    const items = await sayInTurn([
      'Cold room compressor is giving problem, temperature not coming below 12 degree',
    ])
    expect(items.map((i) => i.kind)).toEqual(['issue'])
    expect(items[0]!.text).toContain('not coming below 12')
  })

  it.each([
    ['my son is giving me trouble at school', 'a person'],
    ['my boss is giving me a hard time', 'a person at work'],
    ['the ewes are giving no trouble this year', 'trouble denied'],
    ["the car's not giving any trouble since the service", 'trouble denied'],
    ['I gave them a headache with all my questions', 'the person’s own doing'],
  ])('not "%s" (%s)', (said) => {
    expect(read(said)).toBeNull()
  })
})
