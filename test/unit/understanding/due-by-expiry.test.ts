import { describe, expect, it } from 'vitest'
import { capture } from '../../../renderer/runtime/understanding/capture'
import { dueByExpiry } from '../../../renderer/runtime/understanding/due-by-expiry'

const now = new Date('2026-05-18T09:00:00')
const due = (sentence: string, task: string): string | null =>
  dueByExpiry(capture('task', task), sentence, now).due?.slice(0, 10) ?? null

describe('a task said after something that runs out on a day', () => {
  it.each([
    [
      'my LTA accreditation runs out end of June, need to do the safeguarding module',
      'Do the safeguarding module',
      '2026-06-30',
    ],
    ['my passport expires on 3 July so I need to renew it', 'Renew it', '2026-07-03'],
    [
      "Bartek's contract ends on the 29th, I have to do his handover doc",
      'Do his handover doc',
      '2026-05-29',
    ],
  ])('"%s" is due that day', (sentence, task, day) => {
    expect(due(sentence, task)).toBe(day)
  })

  it.each([
    [
      'stipend ends in March, so I need to apply for the writing-up fund',
      'Apply for the writing-up fund',
    ],
    ['the gym closes at 9 so I need to leave by then', 'Leave by then'],
    ['my sister flies in on the 3rd, need to clean the spare room', 'Clean the spare room'],
  ])('"%s" gives no day: a month alone, a time, or nothing that ends', (sentence, task) => {
    expect(due(sentence, task)).toBeNull()
  })
})
