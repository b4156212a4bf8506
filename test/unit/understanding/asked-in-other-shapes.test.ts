import { describe, expect, it } from 'vitest'
import { isQuestion, readQuestion } from '../../../renderer/runtime/understanding/question'
import { askedLast } from '../../../renderer/runtime/understanding/asked-last'
import { asksByNaming } from '../../../renderer/runtime/understanding/named-lookup'
import { standardQuestion } from '../../../renderer/runtime/understanding/question-words'
import { converse } from '../../support/understanding/say-in-turn'

const NOW = new Date('2026-05-18T09:00:00Z')

describe('a question word spelt as in a dialect or creole', () => {
  it.each([
    ['wetin be my landlord name', 'what is my landlord name'],
    ["whit's ma brither cried", "what's my brither called"],
    ['whaur dae I park the van', 'where do I park the van'],
    ['wah time mi shop open', 'what time my shop open'],
    ['hoo many sheep hae I got', 'how many sheep have I got'],
  ])('"%s" reads as "%s"', (said, standard) => {
    expect(standardQuestion(said)).toBe(standard)
    expect(isQuestion(said)).toBe(true)
  })

  it.each(['whit a day', 'wha a mess this is', 'weh', 'whitby trip was lovely'])(
    '"%s" is left as it is',
    (said) => {
      expect(standardQuestion(said)).toBe(said)
    },
  )
})

describe('a question asked with its question word last', () => {
  it.each([
    ['my landlord name what', 'what my landlord name'],
    ['the gas bill was due when', 'when the gas bill was due'],
    ['your sister stay where ah', 'where your sister stay'],
    ['the spare key was for who', 'for who the spare key was'],
    ['school fees when to pay', 'when to pay school fees'],
    ['the parcel went to which depot', 'to which depot the parcel went'],
    ['tickets cost how much', 'how much tickets cost'],
    ['the MOT by when and where', 'by when the MOT and where'],
  ])('"%s" asks "%s"', (said, asked) => {
    expect(askedLast(said)).toBe(asked)
    expect(isQuestion(said)).toBe(true)
  })

  it.each([
    "I don't know why",
    'guess who',
    'no idea what',
    "that's when",
    'no matter where',
    "I'll ring you back when",
    'I forgot what',
    'and then what',
    'so the plumber came and fixed the boiler',
  ])('"%s" is not', (said) => {
    expect(askedLast(said)).toBeNull()
  })

  it('asks with the question word the sentence ends in', () => {
    const q = readQuestion('the gas bill was due when', NOW)
    expect(q?.type === 'lookup' && q.ask).toBe('when')
  })
})

describe('a question that only names what it wants to know', () => {
  it.each([
    'my son name',
    'landlord phone number',
    'bin collection day',
    'gym opening times',
    'my kids names',
    'preferred date format',
    'invite list deadline',
  ])('"%s" is a question', (said) => {
    expect(asksByNaming(said)).toBe(true)
    expect(isQuestion(said)).toBe(true)
  })

  it.each([
    'new phone number',
    'dentist time changed to 4',
    'book the dentist time',
    'bin collection day is Tuesday',
    'I need a new name',
    'bins',
    'ring my mum re birthday',
    'date night friday',
    'like every other day',
    'use central european time',
    'use metric units',
  ])('"%s" is not', (said) => {
    expect(asksByNaming(said)).toBe(false)
  })

  it('asks "what" of it', () => {
    const q = readQuestion('landlord phone number', NOW)
    expect(q?.type === 'lookup' && q.ask).toBe('what')
  })
})

describe('answered from memory, with nothing stored', () => {
  it('reads each of the three shapes', async () => {
    const { replies, items } = await converse([
      'my landlord is called Mr Adeyemi',
      'the gas bill is due on the 28th',
      'bins go out on Thursdays',
      'wetin be my landlord name',
      'the gas bill was due when',
      'bin collection day',
    ])
    expect(replies[3]).toContain('Adeyemi')
    expect(replies[4]).toContain('28')
    expect(replies[5]).toContain('Thursday')
    expect(items).toHaveLength(3)
  })
})
