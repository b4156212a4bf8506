import { describe, expect, it } from 'vitest'
import type { MemoryItem } from '../../../shared/schema/current'
import { movedText } from '../../../renderer/runtime/memory/named-moved'
import { currentAfter } from '../../support/understanding/say-in-turn'

const holds = (current: string[], word: string): boolean => current.some((t) => t.includes(word))

describe('a person or thing named, said to have moved on to a new place, day or course', () => {
  it.each([
    [
      'my husband Tomasz works at the Ikea warehouse in Jarrow',
      'Tomasz moved to the Amazon depot in Gateshead last month',
      'Ikea',
      'Gateshead',
    ],
    [
      'My son Kwame is at Achimota School, form 2',
      'kwame switched to Presec from this term',
      'Achimota',
      'Presec',
    ],
    [
      'our eldest Priya is at Leeds uni doing chemistry',
      "Priya's switched to pharmacy instead",
      'chemistry',
      'pharmacy',
    ],
    [
      'My daughter Ines teaches year 3 at São Bento primary',
      'about Ines, she is no longer at that school, from september she teaches at Colégio Atlântico',
      'Bento',
      'Atlântico',
    ],
    [
      'The Q3 review with finance is on Thursday the 9th at 3pm',
      'Q3 review has shifted to Friday, same time',
      'Thursday',
      'Friday',
    ],
    [
      'my nephew Dara plays for Ballyboden under 12s, matches in Tallaght',
      'dara moved to Kilmacud Crokes this season',
      'Ballyboden',
      'Kilmacud',
    ],
  ])('"%s", then "%s": the new value replaces the old', async (first, moved, was, now) => {
    const current = await currentAfter(['I live in Cork with my dog Bran', first, moved])
    expect(holds(current, was)).toBe(false)
    expect(holds(current, now)).toBe(true)
    expect(holds(current, 'Bran')).toBe(true)
  })

  it('the new fact still says whose the person is', async () => {
    const current = await currentAfter([
      'My wife Amaka teaches at Corona School in Ikoyi',
      'Amaka moved to Grange School from January',
    ])
    expect(current).toContain('My wife Amaka moved to Grange School from January')
  })

  it('what the old fact told before the person stays current, whose they are with it', () => {
    const old = {
      text: 'Bidin in Largs wi the wife Morag an oor loon Callum, he is at college deein joinery',
    } as MemoryItem
    expect(movedText('Callum switched to the plumbing course', old, 'Callum')).toBe(
      'Callum switched to the plumbing course; Bidin in Largs wi the wife Morag',
    )
    const wife = { text: 'We live in Ayr, my wife Isla works at the Co-op' } as MemoryItem
    expect(movedText('Isla moved to Tesco', wife, 'Isla')).toBe(
      'My wife Isla moved to Tesco; We live in Ayr',
    )
  })

  it.each([
    // A change of another kind of thing than the old fact told.
    ['my brother Olek lives in Gdansk', 'Olek switched his phone plan', 'Gdansk'],
    // A thing of theirs moved, not where they work.
    ['my sister Nell works at Boots in Derby', 'Nell moved her car to the back lot', 'Boots'],
    // Nothing said moved on.
    [
      'my wife Rachel teaches at Central School',
      'Rachel took the class to the Museum today',
      'Central',
    ],
  ])('"%s", then "%s": the old fact stays', async (first, said, kept) => {
    const current = await currentAfter([first, said])
    expect(holds(current, kept)).toBe(true)
  })

  it('a person named in two facts is not guessed at', async () => {
    const current = await currentAfter([
      'my son Leo goes to Hillcrest Primary',
      'Leo plays football at Hillcrest Park on Saturdays',
      'Leo moved to Oakfield from this term',
    ])
    expect(holds(current, 'Hillcrest Primary')).toBe(true)
  })
})
