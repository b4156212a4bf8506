import { describe, expect, it } from 'vitest'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario as scenario } from '../../support/understanding/one-scenario'
import { analyze } from '../../../renderer/runtime/understanding/analyze'

const NOW = new Date('2026-05-04T09:00:00Z')

describe('a correction that names the old value but restates only part of the item', () => {
  it('keeps the rest of the item with the value swapped, so the job is not lost', async () => {
    const corpus = scenario('swap', [
      {
        say: "I've just started a new job as a receptionist at a vet practice in Leith",
        expect: [{ kind: 'fact', words: ['receptionist', 'Leith'] }],
      },
      {
        say: 'sorry, the practice is in Musselburgh not Leith',
        expect: [
          { kind: 'fact', words: ['Musselburgh'], action: 'supersede', replaces: ['Leith'] },
        ],
      },
      { ask: 'where do I work?', answer: ['receptionist', 'Musselburgh'] },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
  })

  it('reads "…now, not X" as naming the value it replaces, and stores the statement without it', async () => {
    const corpus = scenario('now-not', [
      {
        say: 'my partner Ellie is a physio at Salford Royal',
        expect: [{ kind: 'fact', words: ['Ellie', 'physio', 'Salford'] }],
      },
      {
        say: 'actually Ellie works at Wythenshawe now, not Salford',
        expect: [
          { kind: 'fact', words: ['Wythenshawe'], action: 'supersede', replaces: ['Salford'] },
        ],
      },
      { ask: 'where does Ellie work?', answer: ['Wythenshawe'] },
    ])
    expect((await evaluate(corpus)).failures).toEqual([])
    const [reading] = analyze('actually Ellie works at Wythenshawe now, not Salford', NOW).readings
    expect(
      reading?.type === 'capture' ? reading.captures.map((c) => [c.text, c.replaces]) : [],
    ).toEqual([['Ellie works at Wythenshawe now', 'Salford']])
  })
})
