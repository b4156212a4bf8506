import { describe, expect, it } from 'vitest'
import { kindsAsked, namedThings } from '../../../renderer/runtime/understanding/kinds-of-things'

const kinds = (text: string): string[] => namedThings(text).map((t) => `${t.kind}:${t.name}`)

describe('well-known things by their kind', () => {
  it.each([
    ['we use pgvector for the embeddings store', ['vector database:pgvector']],
    ['actually I switched to qdrant', ['vector database:qdrant']],
    ['my phone is an iPhone 12', ['phone:iphone']],
    ['switched to Monzo last month', ['bank:monzo']],
    ['we moved from Jira to Linear', ['issue tracker:jira', 'issue tracker:linear']],
    ["I'm on EE", ['phone network:ee']],
    ['I drive a VW Golf', ['car:vw', 'car:golf']],
  ])('%s', (text, expected) => {
    expect(kinds(text).sort()).toEqual([...expected].sort())
  })

  it('reads names that are ordinary words only when written as names', () => {
    expect(kinds('the graph looks linear')).toEqual([])
    expect(kinds('I need to focus on golf this summer')).toEqual([])
    expect(kinds('three of us are going')).toEqual([])
    expect(kinds('we need new windows in the kitchen')).toEqual([])
    expect(kinds('need to see the doctor')).toEqual([])
  })

  it('does not find a short name inside a longer word', () => {
    expect(kinds('Googling it now')).toEqual([])
    expect(kinds('EEK the boiler')).toEqual([])
  })

  it('reads the kind a question asks about by its nouns', () => {
    expect(kindsAsked('who do I bank with?')).toEqual(['bank'])
    expect(kindsAsked('which bank am I with?')).toEqual(['bank'])
    expect(kindsAsked('what do we use for tickets?')).toEqual(['issue tracker'])
    expect(kindsAsked('what vector db are we on?')).toContain('vector database')
    expect(kindsAsked('what phone have I got?')).toEqual(['phone'])
    expect(kindsAsked('when is my dentist appointment?')).toEqual([])
  })

  it('does not read a kind that only describes what is asked ("my phone number")', () => {
    expect(kindsAsked("what's my phone number?")).toEqual([])
    expect(kindsAsked("what's my gym membership fee?")).toEqual([])
    expect(kindsAsked("what's my car's mileage?")).toEqual([])
  })
})
