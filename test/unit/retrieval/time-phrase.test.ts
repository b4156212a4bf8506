import { describe, expect, it } from 'vitest'
import { parseTimePhrase } from '../../../retrieval'

// Local-time dates, so these hold in any time zone. 11 March 2026 is a Wednesday.
const now = new Date(2026, 2, 11, 15, 30)
const d = (year: number, month: number, day: number) => new Date(year, month - 1, day)

function range(query: string, at = now) {
  const parsed = parseTimePhrase(query, at)
  return { query: parsed.query, from: parsed.from, to: parsed.to, phrase: parsed.phrase }
}

describe('parseTimePhrase', () => {
  it('reads today and yesterday as local calendar days', () => {
    expect(range('notes from today')).toEqual({
      query: 'notes from',
      from: d(2026, 3, 11),
      to: d(2026, 3, 12),
      phrase: 'today',
    })
    expect(range('What did I say yesterday?')).toMatchObject({
      query: 'What did I say?',
      from: d(2026, 3, 10),
      to: d(2026, 3, 11),
      phrase: 'yesterday',
    })
  })

  it('reads last week as the previous Monday-to-Sunday week, and this week as the current one', () => {
    expect(range('What did I say about Pinecone last week?')).toEqual({
      query: 'What did I say about Pinecone?',
      from: d(2026, 3, 2),
      to: d(2026, 3, 9),
      phrase: 'last week',
    })
    expect(range('pgvector this week')).toMatchObject({ from: d(2026, 3, 9), to: d(2026, 3, 16) })
    // On a Monday, last week is the seven days before it.
    expect(range('x last week', new Date(2026, 2, 9, 8))).toMatchObject({
      from: d(2026, 3, 2),
      to: d(2026, 3, 9),
    })
    // On a Sunday, this week began six days earlier.
    expect(range('x this week', new Date(2026, 2, 15, 8))).toMatchObject({
      from: d(2026, 3, 9),
      to: d(2026, 3, 16),
    })
  })

  it('reads this month and last month, across a year boundary too', () => {
    expect(range('invoices this month')).toMatchObject({ from: d(2026, 3, 1), to: d(2026, 4, 1) })
    expect(range('invoices last month')).toMatchObject({ from: d(2026, 2, 1), to: d(2026, 3, 1) })
    expect(range('invoices last month', new Date(2026, 0, 20))).toMatchObject({
      from: d(2025, 12, 1),
      to: d(2026, 1, 1),
    })
  })

  it('reads "in March" as the most recent March that is not in the future', () => {
    expect(range('trip in March')).toMatchObject({
      from: d(2026, 3, 1),
      to: d(2026, 4, 1),
      phrase: 'in March',
    })
    expect(range('trip in February')).toMatchObject({ from: d(2026, 2, 1), to: d(2026, 3, 1) })
    expect(range('trip in April')).toMatchObject({ from: d(2025, 4, 1), to: d(2025, 5, 1) })
    expect(range('trip in dec')).toMatchObject({ from: d(2025, 12, 1), to: d(2026, 1, 1) })
  })

  it('reads a month with a year, and a year', () => {
    expect(range('budget in March 2026')).toMatchObject({
      query: 'budget',
      from: d(2026, 3, 1),
      to: d(2026, 4, 1),
      phrase: 'in March 2026',
    })
    expect(range('budget in September, 2024')).toMatchObject({
      from: d(2024, 9, 1),
      to: d(2024, 10, 1),
    })
    expect(range('what happened in 2025')).toMatchObject({ from: d(2025, 1, 1), to: d(2026, 1, 1) })
  })

  it('reads exact days in ISO and written forms', () => {
    expect(range('standup notes on 2026-03-04')).toEqual({
      query: 'standup notes',
      from: d(2026, 3, 4),
      to: d(2026, 3, 5),
      phrase: 'on 2026-03-04',
    })
    expect(range('movie on October 6, 2022')).toMatchObject({
      from: d(2022, 10, 6),
      to: d(2022, 10, 7),
    })
    expect(range('book on 8th December, 2023')).toMatchObject({
      from: d(2023, 12, 8),
      to: d(2023, 12, 9),
    })
    expect(range('talk on 9 November 2022')).toMatchObject({
      from: d(2022, 11, 9),
      to: d(2022, 11, 10),
    })
  })

  it('reads "N days ago" with digits or words', () => {
    expect(range('the bug from 3 days ago')).toMatchObject({
      query: 'the bug from',
      from: d(2026, 3, 8),
      to: d(2026, 3, 9),
      phrase: '3 days ago',
    })
    expect(range('a day ago')).toMatchObject({
      query: '',
      from: d(2026, 3, 10),
      to: d(2026, 3, 11),
    })
    expect(range('two days ago')).toMatchObject({ from: d(2026, 3, 9), to: d(2026, 3, 10) })
    expect(range('40 days ago')).toMatchObject({ from: d(2026, 1, 30), to: d(2026, 1, 31) })
  })

  it('is case-insensitive and takes the first phrase when there are several', () => {
    expect(range('LAST WEEK and yesterday')).toMatchObject({
      query: 'and yesterday',
      phrase: 'LAST WEEK',
      from: d(2026, 3, 2),
    })
  })

  it('leaves queries without a time phrase alone, apart from whitespace', () => {
    expect(range('  pgvector   vs Pinecone ')).toEqual({
      query: 'pgvector vs Pinecone',
      from: null,
      to: null,
      phrase: null,
    })
    // Not dates: an impossible day, a year in the future, words that merely contain a month.
    expect(range('on 2026-02-30').phrase).toBeNull()
    expect(range('vectors in 2048 dimensions').phrase).toBeNull()
    expect(range('the marching band').phrase).toBeNull()
    expect(range('todays weather').phrase).toBeNull()
  })
})
