import { describe, expect, it } from 'vitest'
import { openAfter } from '../../support/understanding/say-in-turn'
import { cameBack } from '../../../renderer/runtime/understanding/came-back'

const after = openAfter

describe('a fix told by what was done to the thing', () => {
  it.each([
    ['got the screen replaced at the kiosk', 'my phone screen is cracked'],
    ['got the bathroom tile replaced yesterday', 'a tile in the bathroom is cracked'],
  ])('%s resolves the one problem it names, and stores nothing else', async (report, problem) => {
    const items = await after([problem, 'I need to renew the car insurance before May', report])
    expect(items).toHaveLength(2)
    expect(items[0]).toMatchObject({ open: false })
    expect(items[1]).toMatchObject({ open: true })
  })
})

describe('a problem told as come back', () => {
  it.each([
    ['the leak is back', 'the kitchen tap keeps leaking'],
    [
      'card machine playing up again today, same as before',
      'the card machine keeps dropping the connection',
    ],
  ])('%s is a problem again, and ends nothing', async (report, problem) => {
    const items = await after([problem, report])
    expect(items.map((i) => i.open)).toEqual([true, true])
  })

  it.each(['the hot water is back', "wifi's up again", 'her temperature is back to normal'])(
    '%s is not',
    (text) => {
      expect(cameBack(text)).toBe(false)
    },
  )
})
