import { describe, expect, it } from 'vitest'
import { capture } from '../../../renderer/runtime/understanding/capture'
import { dueThen } from '../../../renderer/runtime/understanding/due-then'
import { itemExtras } from '../../../shared/schema/item-extras'
import { sayInTurn } from '../../support/understanding/say-in-turn'

const now = new Date('2026-09-01T09:00:00')
const day = (iso: string | null): string | null => (iso ? iso.slice(0, 10) : null)

describe('a task due "before then"', () => {
  it.each([
    [
      'got my standards check on 22 October, need to prep a lesson plan before that',
      'Prep a lesson plan before that',
      '2026-10-22',
    ],
    [
      'last posting date for Christmas to the US is 2 December, must get the orders out before then',
      'Get the orders out before then',
      '2026-12-02',
    ],
  ])('"%s" is due on the day named before it', (sentence, task, due) => {
    expect(day(dueThen(capture('task', task), sentence, [], now).due)).toBe(due)
  })

  it('takes the day, not the time said after it', () => {
    const c = capture('task', 'Book the vet before then')
    expect(
      day(
        dueThen(c, 'need to book the vet before then', ['the meeting is on the 22nd at 3:15'], now)
          .due,
      ),
    ).toBe('2026-09-22')
  })

  it('takes the day from an earlier message when the sentence has none', () => {
    const c = capture('task', 'Get the hypo kits restocked before then')
    expect(
      day(
        dueThen(
          c,
          'I need to get the hypo kits restocked before then',
          ['the trip is on the 22nd'],
          now,
        ).due,
      ),
    ).toBe('2026-09-22')
  })

  it('leaves a task with nothing to point to, a month, or a date of its own as it is', () => {
    const c = capture('task', 'Redo the allergen matrix before then')
    expect(
      dueThen(c, 'I need to redo the allergen matrix before then', ['hi there'], now).due,
    ).toBe(null)
    expect(
      dueThen(c, 'inspection next month, need to redo the allergen matrix before then', [], now)
        .due,
    ).toBe(null)
    const fact = capture('fact', 'The party is before then')
    expect(dueThen(fact, 'on the 3rd. The party is before then', [], now)).toBe(fact)
  })

  it('is stored with the task the assistant files', async () => {
    const [, task] = await sayInTurn([
      'my visa expires 10 June so I have to apply to extend before then',
    ]).then((items) => [items, items.find((i) => i.kind === 'task')] as const)
    expect(day(task ? (itemExtras(task).extras.due ?? null) : null)).toBe('2026-06-10')
  })
})
