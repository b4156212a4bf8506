import { describe, expect, it } from 'vitest'
import { converse } from '../../support/understanding/say-in-turn'

/** Says the two messages in turn; returns what is current after, as kind, status and text. */
const after = async (first: string, second: string): Promise<string[]> =>
  (await converse([first, second])).items
    .filter((i) => i.status === 'active')
    .map((i) => `${i.kind}${i.kind === 'task' ? ` ${i.taskStatus}` : ''}: ${i.text}`)

describe('a new day for an open task, told as news', () => {
  it.each([
    [
      'I have to submit the grant report by the 20th',
      'the funder pushed the grant report to the 27th',
    ],
    ['Q2 model review is to the CRO due on 24 May', 'CRO pushed the review to 1 June.'],
    [
      'Please I need to submit the quotation for the Dala school job by Friday',
      'The Dala school people called, they now want the quotation latest Thursday',
    ],
    [
      'I have to take the car in for its MOT on the 20th',
      'the MOT garage moved my car booking to the 24th',
    ],
    [
      'need to hand in my dissertation by 14 June',
      'supervisor gave me an extension on the dissertation till 21 June',
    ],
    [
      'english lit coursework due fri, need to finish it',
      'mrs Hanson gave me an extension til monday for the coursework',
    ],
    [
      'must send the tender docs to the council by the 12th',
      'council extended the tender to the 19th, phew',
    ],
  ])('"%s" … "%s" leaves one task, with the new day', async (task, moved) => {
    const items = await after(task, moved)
    expect(items).toHaveLength(1)
    expect(items[0]).toMatch(/^task in_progress: /u)
  })

  it.each([
    ['I have to take the car in for its MOT on the 20th', 'my car insurance renews on the 24th'],
    [
      'need to hand in my dissertation by 14 June',
      'my sister got an extension on her visa till August',
    ],
  ])('"%s" … "%s" leaves the task as it was', async (task, other) => {
    const items = await after(task, other)
    expect(items.filter((i) => i.startsWith('task'))[0]).toMatch(/ (?:20th|14 June)$/u)
  })

  it('leaves a schedule filed as a task, with no day due, to be corrected as a fact', async () => {
    const items = await after(
      'yo. started guitar lessons wednesdays at 6. teacher is Marco',
      "lessons moved to thursdays from next week, marco's schedule changed",
    )
    expect(items.filter((i) => i.startsWith('task'))).toEqual([])
  })
})
