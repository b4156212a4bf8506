import { describe, expect, it } from 'vitest'
import { itemExtras } from '../../../shared/schema/item-extras'
import { sayInTurn } from '../../support/understanding/say-in-turn'
import { wantedBy } from '../../../renderer/runtime/understanding/wanted-by'

const now = new Date('2026-05-18T09:00:00Z')
const day = (iso: string | undefined | null): string | null => (iso ? iso.slice(0, 10) : null)

describe('a job someone else wants of the person by a day is a task', () => {
  it.each([
    ['the landlord wants the inventory signed by Friday', 'inventory', '2026-05-22'],
    ['customer needs the cake delivered before 3pm Saturday', 'cake', '2026-05-23'],
    ['boss wants the rota done by thurs', 'rota', '2026-05-21'],
    ['my tutor needs my essay plan b4 friday', 'essay plan', '2026-05-22'],
    [
      'Mrs Okafor wants her curtains taken up before the party on the 30th',
      'curtains',
      '2026-05-30',
    ],
    ['the bank want my last three payslips by the 29th', 'payslips', '2026-05-29'],
    ['client asked for the drawings by end of next week', 'drawings', '2026-05-29'],
    [
      'got a shed to build for a lady called Mrs Dube, she want it finish before 1 June',
      'shed',
      '2026-06-01',
    ],
  ])('"%s"', async (said, word, due) => {
    const tasks = (await sayInTurn([said])).filter((i) => i.kind === 'task')
    expect(tasks).toHaveLength(1)
    expect(tasks[0]!.text).toContain(word)
    expect(day(itemExtras(tasks[0]!).extras.due)).toBe(due)
  })

  it('reads what was said before a new asker on its own', async () => {
    const items = await sayInTurn([
      'the wedding is on the 30th, and the bride wants the favours boxed by the 28th',
    ])
    const task = items.find((i) => i.kind === 'task')
    expect(task?.text).toMatch(/^The bride wants the favours boxed/u)
    expect(day(task ? itemExtras(task).extras.due : null)).toBe('2026-05-28')
    expect(items.some((i) => i.kind === 'fact' && /wedding/u.test(i.text))).toBe(true)
  })

  it('dates the work just told when "a draft" or "it" is what is wanted', async () => {
    const items = await sayInTurn([
      'Working on a long read about Lagos ferries. My editor Funmi wants a draft by the 29th.',
    ])
    const tasks = items.filter((i) => i.kind === 'task')
    expect(tasks).toHaveLength(1)
    expect(tasks[0]!.text).toContain('Lagos ferries')
    expect(day(itemExtras(tasks[0]!).extras.due)).toBe('2026-05-29')
  })

  it('keeps the work and the asking as one task when the asking only says "it"', async () => {
    const items = await sayInTurn([
      "I'm redoing the Hendersons kitchen. They want it finished by 1 June.",
    ])
    expect(items.map((i) => i.kind)).toEqual(['task'])
    expect(items[0]!.text).toMatch(/kitchen.*they want it finished/u)
    expect(day(itemExtras(items[0]!).extras.due)).toBe('2026-06-01')
  })

  it.each([
    ['my wife wants to move to Spain before 2030', 'a plan of their own'],
    ['the kids want pizza for dinner on Friday', 'a wish, with no day it is wanted by'],
    ['the client does not need it till June', 'a want denied'],
    ['the battery needs reconditioning before the winter', 'what a thing needs'],
    ['I need the receipts by Friday', 'the person’s own need'],
  ])('no asking in "%s" (%s)', (said) => {
    expect(wantedBy(said, now)).toBeNull()
  })

  it('is not a report of the job done', async () => {
    const items = await sayInTurn(['the landlord wants the inventory signed by Friday'])
    expect(items.filter((i) => i.kind === 'task' && i.taskStatus === 'done')).toHaveLength(0)
  })
})
