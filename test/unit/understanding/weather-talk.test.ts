import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'
import { weatherTalk } from '../../../renderer/runtime/understanding/weather-talk'

/** Wednesday 4 March 2026, 09:00 local. */
const NOW = new Date(2026, 2, 4, 9, 0)
const stored = (text: string): string[] =>
  analyze(text, NOW).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => `${c.kind}: ${c.text}`) : [],
  )

describe('a remark on the weather is no one’s to keep', () => {
  it.each([
    'ugh this humidity is unreal, shirt soaked by 8am',
    'Lord have mercy its hot out there today',
    'och the weather up here is pure mince the day',
    'brr minus 22 this morning at the bus stop',
    'its been pouring since Tuesday non stop',
    'so muggy today cant think straight',
    'Aye the wind is howling off the loch tonight',
    'eish the heat this week, 38 at the depot',
    'Smoke from the bush fires again, hazy all morning',
    'honestly its freezing here and its only October',
    'chucking it down in Cardiff',
    'the weather is killing me',
  ])('%s stores nothing', (text) => {
    expect(stored(text)).toEqual([])
    expect(weatherTalk(text)).toBe(true)
  })

  it.each([
    'the rain flooded the cellar again last night',
    'the storm took the polytunnel roof off',
    "it's so hot my phone keeps shutting down",
    'the heat is off in the flat again',
    'the walk-in is at 7 degrees, should be under 5',
    "the clinic van's aircon is broken and it's 30 degrees out",
    'the snow blower won’t start',
    'cold room keeps icing up',
    'cool, I will send it today',
    'Sunny is my sister, she lives in Leeds',
    'grey hairs everywhere since the new job',
    "it's too hot, the oven I mean",
    'so cold feet about the wedding',
    'wind speeds in mph please, not km/h',
    'temperatures in celsius from now on',
    'the weather in fahrenheit pls im american',
  ])('%s is not only the weather', (text) => {
    expect(weatherTalk(text)).toBe(false)
  })

  it.each([
    ['the rain flooded the cellar again last night', 'issue'],
    ["the clinic van's aircon is broken and it's 30 degrees out", 'issue'],
  ])('%s is still kept as a problem', (text, kind) => {
    expect(stored(text).some((s) => s.startsWith(`${kind}:`))).toBe(true)
  })
})
