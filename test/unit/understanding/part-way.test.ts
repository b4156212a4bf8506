import { describe, expect, it } from 'vitest'
import { sayInTurn } from '../../support/understanding/say-in-turn'
import { readProgress } from '../../../renderer/runtime/understanding/rules-progress'

/** Says each message in turn, two minutes apart; returns each task's status and last action. */
async function statuses(messages: string[]): Promise<[string, string | null][]> {
  return (await sayInTurn(messages)).flatMap((i) =>
    i.kind === 'task' ? [[i.taskStatus, i.lastAction] as [string, string | null]] : [],
  )
}

const read = (text: string) =>
  readProgress({ text, now: new Date('2026-05-18T09:00:00Z'), correction: false, explicit: false })

describe('work told as part way done', () => {
  it.each([
    ['got halfway through the fence at the weekend', 'fence'],
    ['about a third of the way through the marking', 'marking'],
    ['grant report is about two thirds done', 'grant report'],
    ['the essay is three quarters written', 'essay'],
    ['done the first two chapters', 'chapters'],
    ['mostly packed, just the kitchen left', 'packed'],
  ])('%s is under way, about %s', (text, about) => {
    expect(read(text)).toMatchObject({ status: 'in_progress', about })
  })

  it.each(['done the first aid course', 'the fence is done', 'packed, ready to go'])(
    '%s is not',
    (text) => {
      expect(read(text)).toBeNull()
    },
  )

  it.each([
    ['I need to paint the fence this month', 'got halfway through the fence at the weekend'],
    ['I have to write the grant report', 'grant report is about two thirds done'],
    ['I need to edit the five thesis chapters', 'done the first two chapters'],
  ])('after "%s", "%s" leaves the task under way, not done', async (task, report) => {
    // New tasks start under way: the report is kept as the last thing done on it.
    const [[status, last]] = (await statuses([task, report])) as [[string, string | null]]
    expect(status).toBe('in_progress')
    expect(last).toContain(report.split(' ').slice(-3).join(' '))
  })
})
