import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'
import type { Capture } from '../../../renderer/runtime/understanding/types'

const NOW = new Date('2026-05-04T09:00:00Z')
const home = (text: string): Capture | undefined =>
  analyze(text, NOW)
    .readings.flatMap((r) => (r.type === 'capture' ? r.captures : []))
    .find((c) => c.subject === 'home')

describe('a move told with when it happened', () => {
  it.each([
    ['I moved to Munich last weekend', 'Munich', 'I live in Munich'],
    ['just moved to Porto two weeks ago', 'Porto', 'I live in Porto'],
    ['we relocated to Aarhus over the weekend', 'Aarhus', 'I live in Aarhus'],
    ['moved to Lisbon yesterday', 'Lisbon', 'I live in Lisbon'],
    ['we moved to Leeds in March', 'Leeds', 'I live in Leeds (moved in March)'],
    ['we moved to Cork in 2021', 'Cork', 'I live in Cork (moved in 2021)'],
  ])('%s → the place alone is the home', (text, place, stored) => {
    const c = home(text)
    expect(c?.value).toBe(place)
    expect(c?.text).toBe(stored)
  })

  it.each([
    ["I've been living in Pune since 2019", 'I have lived in Pune since 2019'],
    ['I live in Berlin now', 'I live in Berlin'],
  ])('%s keeps how long', (text, stored) => {
    expect(home(text)?.text).toBe(stored)
  })
})
