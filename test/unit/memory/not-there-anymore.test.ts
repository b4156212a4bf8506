import { describe, expect, it } from 'vitest'
import { currentAfter } from '../../support/understanding/say-in-turn'
import { analyze } from '../../../renderer/runtime/understanding/analyze'

const holds = (current: string[], word: string): boolean => current.some((t) => t.includes(word))
const now = new Date('2026-05-18T09:00:00Z')

describe('a correction that someone is not somewhere anymore, then where they are', () => {
  it.each([
    [
      'girlfriend Sunita is doing her nursing at Manipal hospital',
      'correction, Sunita not at Manipal anymore, she moved to Western Regional hospital',
      'Manipal',
      'Western Regional',
    ],
    [
      'my brother Jonas is an engineer with Siemens in Erlangen',
      'update: Jonas not with Siemens any more, he is with Bosch in Stuttgart now',
      'Siemens',
      'Bosch',
    ],
    [
      'my son Kofi plays for the Accra Lions academy',
      'sorry, Kofi not with the Accra Lions anymore, he joined Hearts of Oak',
      'Lions',
      'Hearts',
    ],
  ])('"%s", then "%s": the new place replaces the old', async (first, fixed, was, now) => {
    const current = await currentAfter(['I live in Pokhara', first, fixed])
    expect(holds(current, was)).toBe(false)
    expect(holds(current, now)).toBe(true)
    expect(holds(current, 'Pokhara')).toBe(true)
  })

  it('is read as news, not as a value given for another', () => {
    const [reading] = analyze(
      'correction, Sunita not at Manipal anymore, she moved to Western Regional hospital',
      now,
    ).readings
    expect(reading?.type).toBe('capture')
  })

  it('"X, not Y" is still one value given for another', () => {
    const [reading] = analyze('correction: it is Thursdays, not Mondays', now).readings
    expect(reading).toMatchObject({ type: 'amend', replaces: 'Mondays' })
  })
})
