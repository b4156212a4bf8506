import { describe, expect, it } from 'vitest'
import { openAfter } from '../../support/understanding/say-in-turn'
import { goneByDenial } from '../../../renderer/runtime/understanding/went-away'

const after = openAfter

describe('a trouble told as gone by denying it', () => {
  it.each([
    ["she's not limping anymore", 'the dog has been limping on her back leg'],
    ["the tap isn't dripping any more, new washer did it", 'the kitchen tap keeps dripping'],
    ["hasn't crashed once since the update", 'my laptop keeps crashing when I open Excel'],
    ["haven't had a migraine for a week now", 'the migraines are back again this week'],
    [
      "IT moved our files to SharePoint, CaseWare doesn't freeze now",
      'CaseWare keeps freezing when I open the working papers',
    ],
    [
      'my grandson changed the setting, the screen does not go dark anymore',
      'my phone screen keeps going dark after 30 seconds',
    ],
    ['garage changed the pads, no grinding anymore', 'the car makes a grinding noise when I brake'],
    ['cleaned the heads, no smudging now', 'the printer keeps smudging the ink on every page'],
    ['plumber came, no leak now', "there's a leak under the kitchen sink"],
  ])('%s resolves the one problem it names, and stores nothing else', async (report, problem) => {
    const items = await after([problem, 'I need to renew the car insurance before June', report])
    expect(items.map((i) => i.open)).toEqual([false, true])
  })

  it.each([
    ["the printer hasn't worked since Monday", 'the printer keeps jamming'],
    ["the crashing hasn't stopped yet", 'my laptop keeps crashing when I open Excel'],
    ["the boiler hasn't fired up since Tuesday", "the boiler won't fire up"],
  ])('%s ends nothing', async (report, problem) => {
    const items = await after([problem, report])
    expect(items[0]).toMatchObject({ open: true })
  })

  it.each([
    "we haven't had hot water since the weekend",
    "it hasn't stopped beeping yet",
    "I haven't heard back since Monday",
    'no hot water now',
    'no heating now',
    'no signal anymore',
    "he doesn't go to school anymore",
  ])('%s is not a trouble gone', (text) => {
    expect(goneByDenial(text)).toBeNull()
  })
})
