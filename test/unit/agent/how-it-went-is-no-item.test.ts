import { describe, expect, it } from 'vitest'
import { toldHowItWent } from '../../../renderer/runtime/understanding/how-it-went'
import { openAfter, sayInTurn } from '../../support/understanding/say-in-turn'

describe('how something already told went', () => {
  it('is not filed as an item of its own when nothing open takes it', async () => {
    for (const said of [
      'the rash is way less angry now',
      'Voice is back 100%',
      'the nurse showed me a better technique and it is way less bruised now',
      'got the shell punched out at the rental shop in Hirafu, way better now',
      'got the car back, drives lovely',
      'got my laptop back from the repair shop, works like new',
      "mum's hip is much better now",
      "wifi's back up and running",
    ])
      expect(await sayInTurn([said]), said).toEqual([])
  })

  it('still ends the open problem it is about', async () => {
    expect(
      await openAfter([
        'my Fiesta clutch is slipping really badly',
        'garage did the clutch, Fiesta drives lovely',
      ]),
    ).toEqual([{ text: 'My Fiesta clutch is slipping really badly', open: false }])
  })

  it('leaves the person’s own news, comparisons, care given and what is still wrong', () => {
    for (const said of [
      "I'm vegetarian again",
      'my new flat is way better than the old one',
      "my knee is better now but I still can't run",
      'GP gave me melatonin, sleeping better since',
      'the leak is back',
      "the baby's waking again at 3am",
      'ankle much better now, back training next week',
    ])
      expect(toldHowItWent(said), said).toBe(false)
  })
})
