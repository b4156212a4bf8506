import { describe, expect, it } from 'vitest'
import { easterSunday } from '../../../renderer/runtime/understanding/date-periods'
import { anchorDate, findDate } from '../../../renderer/runtime/understanding/dates'

// Monday, 2 March 2026, 10:00 UTC.
const monday = new Date('2026-03-02T10:00:00Z')
const day = (text: string, now = monday): string | null =>
  findDate(text, now)?.iso.slice(0, 10) ?? null
const anchored = (text: string, now = monday): string => {
  const found = findDate(text, now)
  return found ? anchorDate(text, found, now) : text
}

describe('deadlines named by the end of a stretch of time', () => {
  it.each([
    ['get the budget signed off by EOD', '2026-03-02'],
    ['send it by close of business', '2026-03-02'],
    ['need the notes by the end of the day', '2026-03-02'],
    ['Greg wants a first draft by EOD Thursday', '2026-03-05'],
    ['finish the report by the end of the week', '2026-03-06'],
    ['slides EOW please', '2026-03-06'],
    ['end of next week for the review', '2026-03-13'],
    ['invoices out by the end of the month', '2026-03-31'],
    ['end of next month for the tax stuff', '2026-04-30'],
    ["we're migrating the monolith to microservices this quarter", '2026-03-31'],
    ['dashboards moved over by the end of the quarter', '2026-03-31'],
    ['the hiring plan is due next quarter', '2026-06-30'],
    ['launch in Q3', '2026-09-30'],
    ['the new office opens by Q3', '2026-07-01'],
    ['Q1 2027 for the migration', '2027-03-31'],
    ['lose 5 kilos by the end of the year', '2026-12-31'],
    ['pay it off by year end', '2026-12-31'],
  ])('%s → %s', (text, expected) => {
    expect(day(text)).toBe(expected)
  })

  it('ends the week on its Sunday when said at the weekend', () => {
    expect(day('sort the garage by the end of the week', new Date('2026-03-07T10:00:00Z'))).toBe(
      '2026-03-08',
    )
  })

  it('reads a quarter that only names a thing as no date', () => {
    expect(day('review the Q3 roadmap')).toBeNull()
  })
})

describe('parts of a month', () => {
  it.each([
    ['finish the deck by mid-April', '2026-04-15'],
    ['the middle of May works', '2026-05-15'],
    ['early June for the move', '2026-06-05'],
    ['the wedding is late July', '2026-07-25'],
  ])('%s → %s', (text, expected) => {
    expect(day(text)).toBe(expected)
  })

  it('reads this month by its end, not next year', () => {
    expect(day('I need to renew it by March')).toBe('2026-03-31')
    expect(day('the kitchen gets fitted in March')).toBe('2026-03-31')
    expect(day('by April')).toBe('2026-04-01')
  })
})

describe('holidays', () => {
  it.each([
    ['renew the car insurance before Christmas', '2026-12-25'],
    ['we fly out on Christmas Eve', '2026-12-24'],
    ["back to work after New Year's Day", '2027-01-01'],
    ['the party is on NYE', '2026-12-31'],
    ['book flights for Easter', '2026-04-05'],
    ['need the report done by Good Friday', '2026-04-03'],
    ['costume ready for Halloween', '2026-10-31'],
    ["card for Father's Day", '2026-06-21'],
    ['Thanksgiving at my aunt’s', '2026-11-26'],
  ])('%s → %s', (text, expected) => {
    expect(day(text)).toBe(expected)
  })

  it('takes next year once the day has passed', () => {
    expect(day('something nice for Valentine’s Day')).toBe('2027-02-14')
  })

  it('reads a holiday that names a thing as no date', () => {
    expect(day('book flights for the Christmas party')).toBeNull()
    expect(day('Christmas Eve dinner at mums')).toBeNull()
  })

  it('computes Easter for any year', () => {
    expect(easterSunday(2024).toDateString()).toBe('Sun Mar 31 2024')
    expect(easterSunday(2025).toDateString()).toBe('Sun Apr 20 2025')
    expect(easterSunday(2027).toDateString()).toBe('Sun Mar 28 2027')
    expect(easterSunday(2038).toDateString()).toBe('Sun Apr 25 2038')
  })
})

describe('stored text', () => {
  it('keeps the person’s words and puts the day beside them', () => {
    expect(anchored('finish the report by the end of the week')).toBe(
      'finish the report by the end of the week (Friday, March 6)',
    )
    expect(anchored('migrating the monolith to microservices this quarter')).toBe(
      'migrating the monolith to microservices this quarter (Tuesday, March 31)',
    )
    expect(anchored('renew the car insurance before Christmas')).toBe(
      'renew the car insurance before Christmas (Friday, December 25)',
    )
    expect(anchored('need the report done by Good Friday')).toBe(
      'need the report done by Good Friday (Friday, April 3)',
    )
  })
})
