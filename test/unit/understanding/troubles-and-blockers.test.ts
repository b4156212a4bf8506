import { describe, expect, it } from 'vitest'
import { sayInTurn } from '../../support/understanding/say-in-turn'
import { inabilityAfter } from '../../../renderer/runtime/understanding/consequence'

/** The tasks and problems after the messages: kind, text and where each stands. */
const standing = async (
  messages: string[],
): Promise<{ kind: string; text: string; state: string }[]> =>
  (await sayInTurn(messages))
    .filter((i) => i.kind === 'issue' || i.kind === 'task')
    .map((i) => ({
      kind: i.kind,
      text: i.text,
      state: i.kind === 'issue' ? (i.resolvedAt ? 'resolved' : 'open') : i.taskStatus,
    }))

describe('what a trouble stops the person doing, told in the same sentence', () => {
  it.each([
    [
      'The confocal microscope is booked by other groups all week, I cannot image my fish',
      'confocal',
    ],
    ['Ethics approval is still not come, I cannot start the interviews', 'Ethics approval'],
    ['Stripe payouts are stuck since Thursday, we cannot pay contractors', 'Stripe'],
    ["the lift's been broken since Monday so I can't get the pram upstairs", 'lift'],
  ])('"%s" is one problem, named by the trouble', async (said, named) => {
    const items = await standing([said])
    expect(items).toHaveLength(1)
    expect(items[0]!.kind).toBe('issue')
    expect(items[0]!.text).toContain(named)
  })

  it('a sentence that starts with what the person cannot do is told as is', () => {
    expect(inabilityAfter('I cannot log in to the portal', 'I cannot log in to the portal')).toBe(
      false,
    )
    expect(
      inabilityAfter('we cannot pay contractors', 'payouts are stuck, we cannot pay contractors'),
    ).toBe(true)
  })
})

describe('a task held up until someone else acts', () => {
  it.each([
    "can't send the proposal until legal signs off",
    'cannot send the proposal to Acme till the client confirms the numbers',
  ])('"%s" blocks the open task it names, and adds nothing', async (said) => {
    const items = await standing([
      'I need to send the proposal to Acme',
      'I have to book a haircut',
      said,
    ])
    expect(items.map((i) => i.state)).toEqual(['blocked', 'in_progress'])
  })

  it('a date is not someone else acting: "can\'t send it until Friday" blocks nothing', async () => {
    const items = await standing([
      'I need to send the proposal to Acme',
      "can't send the proposal until Friday",
    ])
    expect(items[0]!.state).not.toBe('blocked')
  })
})

describe('a trouble told as over by what works again', () => {
  it.each([
    ["the cat's eating again", "the cat's stopped eating"],
    ['the printer is printing normally', 'the printer keeps jamming'],
  ])('"%s" resolves "%s"', async (said, problem) => {
    const items = await standing([problem, 'I have to book a haircut', said])
    expect(items.map((i) => i.state)).toEqual(['resolved', 'in_progress'])
  })
})

describe('a thing sent back', () => {
  it('"parcel\'s gone back" finishes "return the parcel to Amazon"', async () => {
    const items = await standing([
      'I need to return the parcel to Amazon',
      'I have to book a haircut',
      "parcel's gone back",
    ])
    expect(items.map((i) => i.state)).toEqual(['done', 'in_progress'])
  })
})
