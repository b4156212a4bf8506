import { describe, expect, it } from 'vitest'
import {
  anchorDate,
  dueOf,
  findDate,
  findSchedule,
} from '../../../renderer/runtime/understanding/dates'

// Monday, 2 March 2026, 10:00 UTC.
const now = new Date('2026-03-02T10:00:00Z')
const day = (text: string): string | null => findDate(text, now)?.iso.slice(0, 10) ?? null

describe('findDate', () => {
  it('reads a weekday said on that weekday as next week\'s: "by Monday" on a Monday', () => {
    expect(day('mark the essays by Monday')).toBe('2026-03-09')
    expect(day('call mum monday')).toBe('2026-03-09')
    expect(day('it is due this Monday')).toBe('2026-03-02')
    expect(day('see you Tuesday')).toBe('2026-03-03')
  })
  it('keeps the part of the day said with "tomorrow" or a weekday', () => {
    expect(day('call the bank tomorrow morning')).toBe('2026-03-03')
    expect(day('pick up the keys tomorrow night')).toBe('2026-03-03')
    expect(day('dentist Friday afternoon')).toBe('2026-03-06')
  })

  it('reads "for 12 years", "for a few months" as how long, not as a date', () => {
    expect(day("I've been a midwife for 12 years")).toBeNull()
    expect(day('lived here for 3 years')).toBeNull()
    expect(day('been vegan for a few months')).toBeNull()
    expect(day("I've been a nurse for 3 years, exam on the 12th")).toBe('2026-03-12')
    // A time still to come sets an end: "no carrying for one week".
    expect(day('no carrying for one week')).toBe('2026-03-09')
    expect(day('renew it in 3 years')).toBe('2029-03-02')
    expect(day('book a table for Friday')).toBe('2026-03-06')
  })

  it('does not date what happened yesterday evening', () => {
    expect(day('yesterday evening the boiler packed in')).toBeNull()
  })

  it('prefers the named day over a part of the day inside a name', () => {
    expect(day("parents' evening is Wednesday at 6")).toBe('2026-03-04')
    expect(day('the evening class starts on the 12th')).toBe('2026-03-12')
  })

  it('reads a part of the day that names a thing as no date', () => {
    expect(day('just off a night shift')).toBeNull()
    expect(day("I'm doing the morning ones")).toBeNull()
    expect(day('call me in the evening please')).toBe('2026-03-02')
  })

  it('reads the day before a month, not an ordinal said after it, as the day', () => {
    expect(day('the Leeds 10k on 14 June, second one this year')).toBe('2026-06-14')
    expect(day('my sister comes over in April, first visit in ages')).toBe('2026-04-01')
  })

  it('reads how often as no date', () => {
    expect(day('I get migraines a couple of times a month')).toBeNull()
    expect(day('I swim twice a week')).toBeNull()
    expect(day('in a month I move to Leeds')).toBe('2026-04-02')
  })

  it('reads how much per day or week, and a day off, as no deadline', () => {
    const due = (text: string): string | null => dueOf(findDate(text, now))?.slice(0, 10) ?? null
    expect(due('trying to cut down, max 2 coffees a day')).toBeNull()
    expect(due('we get paid £90 a day')).toBeNull()
    expect(due('I run 5k a week')).toBeNull()
    expect(due('I smoke ten cigarettes a day')).toBeNull()
    expect(due('I took a day off')).toBeNull()
    expect(due("I'll finish it in a week")).toBe('2026-03-09')
    expect(due('due a week from now')).toBe('2026-03-09')
  })

  it('reads days of every week, from one to another, as no date', () => {
    expect(day('I work Monday to Thursday')).toBeNull()
    expect(day('I work Tuesday to Friday, 9 to 5')).toBeNull()
    expect(day('the shop is open Mon-Sat')).toBeNull()
    expect(findSchedule('I work Monday to Thursday')).toBe('Monday to Thursday')
    expect(day('the dentist is on Thursday')).toBe('2026-03-05')
  })
})

describe('anchorDate', () => {
  const anchored = (text: string): string => {
    const found = findDate(text, now)
    return found ? anchorDate(text, found, now) : text
  }
  it('keeps a month or a year as a month or a year, not one made-up day of it', () => {
    expect(anchored('the tiling is booked for next month')).toBe('the tiling is booked for April')
    expect(anchored('we are moving to Leeds next year')).toBe('we are moving to Leeds in 2027')
    expect(anchored('I start there in a month')).toBe('I start there in April')
    expect(anchored("they've put me on days from next month")).toBe(
      "they've put me on days from April",
    )
  })
  it('keeps the day of a deadline', () => {
    expect(anchored('send it by next month')).toMatch(/^send it by \w+day, April \d+$/u)
  })
  it('keeps the preposition the person said before a weekday', () => {
    expect(anchored('the job got pushed to wednesday')).toBe(
      'the job got pushed to Wednesday, March 4',
    )
    expect(anchored('my shift moved to thursday')).toBe('my shift moved to Thursday, March 5')
    expect(anchored('call mom tomorrow')).toBe('call mom on Tuesday, March 3')
  })
})

describe('a day that owns something: "before Thursday\'s release"', () => {
  const WEDNESDAY = new Date('2026-03-04T09:00:00Z')
  it.each([
    [
      "finish the migration script before Thursday's release",
      "finish the migration script before Thursday's release (March 5)",
    ],
    ["prep for Friday's big client demo", "prep for Friday's big client demo (March 6)"],
    ["tomorrow's meeting is at 10", "tomorrow's meeting (Thursday, March 5) is at 10"],
  ])('"%s" → "%s"', (said, stored) => {
    const found = findDate(said, WEDNESDAY)!
    expect(anchorDate(said, found, WEDNESDAY)).toBe(stored)
  })
})

describe('findDate: a day of the month', () => {
  // Wednesday, 3 February 2027.
  const feb = new Date('2027-02-03T10:00:00Z')
  const on = (text: string): string | null => findDate(text, feb)?.iso.slice(0, 10) ?? null

  it('takes the weekday that falls on the day said after it: "by Friday the 12th"', () => {
    expect(on('need to print the posters by Friday the 12th')).toBe('2027-02-12')
    expect(on('care plan meeting is monday 22nd at 3:15')).toBe('2027-02-22')
    expect(on('due on Friday, 12th')).toBe('2027-02-12')
  })

  it('skips a month too short for the day: "the 31st" said in February is March 31', () => {
    expect(on('pay the deposit by the 31st')).toBe('2027-03-31')
    expect(on('pay the deposit by the 29th')).toBe('2027-03-29')
    expect(on('pay the deposit by the 28th')).toBe('2027-02-28')
    expect(on('I meant the ferry is the 19th, the earlier sailing was sold out')).toBe('2027-02-19')
  })

  it('reads "o\'" as "of": "before the end o\' March"', () => {
    expect(on("need tae renew ma BOSIET before the end o' March")).toBe('2027-03-31')
    expect(findDate("before the end o' March", feb)?.phrase).toBe("end o' March")
  })
})
