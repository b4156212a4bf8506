import { describe, expect, it } from 'vitest'
import { outcomeOf, soundsResolved } from '../../../renderer/runtime/understanding/outcome'
import { openAfter } from '../../support/understanding/say-in-turn'
import type { Corpus, Turn } from '../../support/understanding/corpus'
import { evaluate } from '../../support/understanding/evaluate'
import { oneScenario } from '../../support/understanding/one-scenario'

const scenario = (id: string, turns: Turn[]): Corpus =>
  oneScenario(id, turns, '2026-05-06T09:00:00Z')

describe('"back" says a problem went away only as "returned"', () => {
  it('news about my back is not my back problem resolved; my back feeling better is', async () => {
    const corpus = scenario('my-back', [
      {
        say: 'my back has been killing me since the move',
        expect: [{ kind: 'issue', words: ['back'] }],
      },
      { say: 'so the thing with my back, the physio reckons it is a trapped nerve', expect: [] },
      { ask: "what's wrong with my back?", answer: ['killing'], notAnswer: ['resolved'] },
      {
        say: 'my back is loads better now',
        expect: [{ kind: 'issue', words: ['back'], action: 'update', status: 'resolved' }],
      },
    ])
    const failures = (await evaluate(corpus)).failures
    // The diagnosis may be kept as a fact of its own; what matters is that the problem stays open.
    expect(failures.filter((f) => !f.problem.startsWith('stored unexpected'))).toEqual([])
  })

  it('a thing back again still resolves; the back of something, or back pain, does not', () => {
    const open = [{ id: 'w', kind: 'issue' as const, text: 'The hot water keeps cutting out' }]
    expect(outcomeOf('the hot water is back', open)?.status).toBe('resolved')
    expect(outcomeOf("hot water's back on", open)?.status).toBe('resolved')
    const door = [{ id: 'd', kind: 'issue' as const, text: 'The back door sticks in the rain' }]
    expect(outcomeOf('the back door has a new hinge on order', door)).toBeNull()
    const pain = [{ id: 'p', kind: 'issue' as const, text: 'My lower back aches after shifts' }]
    expect(outcomeOf('lower back pain again tonight', pain)).toBeNull()
  })

  it('"back\'s a bit better" is the back, only easing: the back problem stays open', async () => {
    expect(soundsResolved("back's a bit better today")).toBe(false)
    expect(soundsResolved("the wifi's back")).toBe(true)
    const open = await openAfter([
      'my back is killing me since I moved the sofa',
      "back's a bit better today",
    ])
    expect(open).toEqual([expect.objectContaining({ open: true })])
  })
})
