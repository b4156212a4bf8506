import { describe, expect, it } from 'vitest'
import { workAfter } from '../../support/understanding/say-in-turn'
import { heldBack } from '../../../renderer/runtime/understanding/held-back'

const after = workAfter

describe('a task held back by something else', () => {
  it.each([
    [
      'Must ship 120 bars to the hotel in Portsmouth by 10 May',
      'Hotel order, I cannot finish the 120 bars till the soap cure, 4 weeks cure',
    ],
    [
      "Must submit Mr Tan's claim documents to HQ by this Friday",
      'Mr Tan claim cannot submit yet, waiting hospital give the final bill',
    ],
    [
      'I need to send the application to the FIFA Forward grant before 31 March',
      'The grant application, I cannot finish, the FA office must sign the letter and the man is travelling',
    ],
    [
      'have to submit the visa form by the 20th',
      "the visa form cannot go in without my employer's letter",
    ],
    [
      'need to post the pension forms to Aviva',
      'the pension forms cannot be posted until HR stamps them',
    ],
    [
      "must pay Kuba's school trip money by Thursday",
      'school trip money, cannot pay yet, salary not come',
    ],
  ])('"%s" … "%s" is that task waiting, not a new problem', async (task, held) => {
    const items = await after([task, held])
    expect(items).toHaveLength(1)
    expect(items[0]).toMatch(/^task blocked: /u)
  })

  it('leaves a trouble of its own a problem', async () => {
    expect(
      await after([
        'renew the car insurance before the 3rd',
        "can't drive the car till the clutch is fixed",
      ]),
    ).toEqual([
      'task in_progress: Renew the car insurance before the 3rd',
      'issue: I cannot drive the car till the clutch is fixed',
    ])
  })

  it('is a wait only with what it waits for', () => {
    expect(heldBack("the visa form cannot go in without my employer's letter")).toBe(true)
    expect(heldBack('I cannot finish, the FA office must sign the letter')).toBe(true)
    expect(heldBack('cannot submit yet, waiting hospital give the final bill')).toBe(true)
    expect(heldBack("I can't log in")).toBe(false)
    expect(heldBack("can't see the GP till next week")).toBe(false)
    expect(heldBack("can't sleep until 3am")).toBe(false)
    expect(heldBack('I cannot eat gluten')).toBe(false)
  })
})
