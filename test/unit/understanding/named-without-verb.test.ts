import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'

const now = new Date('2026-03-02T10:00:00Z')
const texts = (text: string): string[] =>
  analyze(text, now).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => c.text) : [],
  )

describe('someone or somewhere of theirs named without a verb', () => {
  it('is kept as said', () => {
    expect(texts('my sister Ruth in Perth')).toEqual(['My sister Ruth in Perth'])
    expect(texts('our local Tesco in Bury')).toEqual(['Our local Tesco in Bury'])
  })

  it('is not a new value, a greeting or a fragment with no one named', () => {
    expect(texts('happy Friday from my family in Leeds')).toEqual([])
    expect(texts('my bad, sorry')).toEqual([])
  })
})
