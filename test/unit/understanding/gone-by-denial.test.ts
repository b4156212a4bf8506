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
  ])('%s is not a trouble gone', (text) => {
    expect(goneByDenial(text)).toBeNull()
  })
})
