import { describe, expect, it } from 'vitest'
import { resolveReferences } from '../../../renderer/runtime/understanding/reference'
import type { Corpus } from '../../support/understanding/corpus'
import { evaluate } from '../../support/understanding/evaluate'

describe('whom "he", "she", "his" and "her" point back to', () => {
  it('names the person the last messages named', () => {
    expect(resolveReferences('his birthday is March 20', ['my son Jonas turns 8 soon'])).toBe(
      "My son Jonas's birthday is March 20",
    )
    expect(resolveReferences("she's based at the Riverside clinic", ['my midwife is Aroha'])).toBe(
      'My midwife Aroha is based at the Riverside clinic',
    )
    expect(resolveReferences('I need to call her tomorrow', ['my mum is back in hospital'])).toBe(
      'I need to call my mum tomorrow',
    )
    expect(
      resolveReferences('his birthday is in June', ['my brother Dev just moved to Adelaide']),
    ).toBe("My brother Dev's birthday is in June")
    expect(resolveReferences('where does he work now?', ['my brother Tom just moved'])).toBe(
      'where does my brother Tom work now?',
    )
  })
  it('leaves a pronoun alone when its person is named earlier in the same sentence', () => {
    const earlier = ['my daughter Isla is 9 and does swimming club tuesdays and thursdays']
    expect(
      resolveReferences('need to book Isla in for her flu jab before half term', earlier),
    ).toBe('need to book Isla in for her flu jab before half term')
    expect(resolveReferences('Isla lost her goggles again, need new ones', earlier)).toBe(
      'Isla lost her goggles again, need new ones',
    )
    expect(resolveReferences('need to pick up her goggles from the pool', earlier)).toBe(
      "need to pick up my daughter Isla's goggles from the pool",
    )
  })
  it('does not take an unnamed animal or thing for "him"', () => {
    expect(
      resolveReferences('I must send him the samples by Friday', [
        'I cannot image my fish this week',
      ]),
    ).toBe('I must send him the samples by Friday')
    expect(resolveReferences('his lead broke', ['my dog Biscuit is limping'])).toBe(
      "My dog Biscuit's lead broke",
    )
  })
  it('reads "my line manager", "our lab manager" as the manager', () => {
    expect(resolveReferences('I need to email him the rota', ['my line manager Colm is off'])).toBe(
      'I need to email my manager Colm the rota',
    )
  })
  it('takes the person named earlier in the same message first', () => {
    expect(resolveReferences('my GP is Dr Shah. next appt with her is the 21st', [])).toBe(
      'my GP is Dr Shah. next appt with her is the 21st',
    )
    expect(
      resolveReferences('my physio is Ana. next appt with her is the 21st', ['my wife Sneha']),
    ).toBe('my physio is Ana. next appt with my physio Ana is the 21st')
  })
  it('keeps "her" as an object or a possessive as it reads', () => {
    expect(resolveReferences('pick up her prescription', ['my mum is poorly'])).toBe(
      "pick up my mum's prescription",
    )
    expect(resolveReferences('I told her no', ['my wife Sneha wants a dog'])).toBe(
      'I told my wife Sneha no',
    )
  })
  it('leaves a pronoun alone when nobody fits it', () => {
    // "she" is not "my son"; nobody was named; a sentence that names its own person.
    expect(resolveReferences('she starts school in May', ['my son Leo is 4'])).toBe(
      'she starts school in May',
    )
    expect(resolveReferences('Sam lent me 50 quid, I need to pay him back', [])).toBe(
      'Sam lent me 50 quid, I need to pay him back',
    )
    expect(resolveReferences('my brother called, he is moving to Perth', ['my dad is 70'])).toBe(
      'my brother called, he is moving to Perth',
    )
    expect(resolveReferences('My son uses an inhaler for his asthma', ['my dad Ken is 80'])).toBe(
      'My son uses an inhaler for his asthma',
    )
    // Someone named without a relation came after "my sister": "she" is more likely her.
    expect(
      resolveReferences("she's been there 10 years", [
        'my sister lives in Leeds',
        'Sarah from accounts is leaving next week',
      ]),
    ).toBe("she's been there 10 years")
    expect(resolveReferences('our landlord is Mr. Patel, he is lovely', [])).toBe(
      'our landlord is Mr. Patel, he is lovely',
    )
  })

  it('stores and answers what was said in short bursts', async () => {
    const corpus: Corpus = {
      description: 'references across messages',
      scenarios: [
        {
          id: 'bursts',
          now: '2026-03-04T09:00:00Z',
          turns: [
            { say: 'my son Jonas turns 8 soon', expect: [{ kind: 'fact', words: ['Jonas'] }] },
            { say: 'his birthday is March 20', expect: [{ kind: 'fact', words: ['March 20'] }] },
            { ask: 'when is his birthday?', answer: ['March 20'] },
            { say: 'my dog Pip has a bad hip', expect: [{ kind: 'fact', words: ['hip'] }] },
            {
              say: "he's on Librela injections once a month",
              expect: [{ kind: 'fact', words: ['Librela'] }],
            },
            { ask: "when's Jonas's birthday?", answer: ['March 20'] },
            { ask: 'what meds is Pip on?', answer: ['Librela'] },
          ],
        },
      ],
    }
    const scores = await evaluate(corpus)
    expect(scores.failures).toEqual([])
  })
})
