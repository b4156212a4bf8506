import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'
import { diaryLine } from '../../../renderer/runtime/understanding/diary-line'

/** Wednesday 4 March 2026, 09:00 local. */
const NOW = new Date(2026, 2, 4, 9, 0)
const stored = (text: string): string[] =>
  analyze(text, NOW).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => c.kind) : [r.type],
  )

describe('a day for the diary', () => {
  it('is a fact, not a fault or something to do', () => {
    expect(stored('the Christmas market stall is on 12 December')).toEqual(['fact'])
    expect(stored('the car boot sale stall is on the 14th')).toEqual(['fact'])
    expect(stored('fieldwork on the Isle of May starts April 20, 3 weeks')).toEqual(['fact'])
    expect(stored('placement at the Royal Free starts 6 April, 8 weeks')).toEqual(['fact'])
  })

  it('is told apart from a deadline, a fault or something that needs doing', () => {
    expect(diaryLine('the Christmas market stall is on 12 December', NOW)).toBe(true)
    expect(diaryLine('launch target is June 1', NOW)).toBe(false)
    expect(diaryLine('the boiler is on the blink since Monday', NOW)).toBe(false)
    expect(diaryLine('I am on nights from Monday', NOW)).toBe(false)
    expect(diaryLine('the exam is on the 3rd, need to revise', NOW)).toBe(false)
  })
})

describe('a wish or a maybe', () => {
  it('is nothing to keep until it is decided', () => {
    expect(stored("wouldn't it be lovely to have bees at the garden")).toEqual(['chat'])
    expect(stored('might switch to nights next month')).toEqual(['chat'])
    expect(stored('might move to Leeds one day')).toEqual(['chat'])
    expect(stored('toying with the idea of selling the van')).toEqual(['chat'])
  })
})

describe('what holds for today only', () => {
  it('is not kept', () => {
    expect(stored("I'm working from the Leeds office today only")).toEqual(['chat'])
    expect(stored('shore leave in Southampton today only')).toEqual(['chat'])
  })

  it('still keeps what needs doing today', () => {
    expect(stored('need to post the forms today only, office shuts tomorrow')).toContain('task')
  })
})

describe('what a trade said, in the words many Englishes use', () => {
  it('is their word, as with "says"', () => {
    expect(stored('garage say the pads were worn to metal, replaced them for £180')).toEqual([
      'chat',
    ])
    expect(stored('plumber say the valve is seized')).toEqual(['chat'])
  })

  it('still keeps what they said the person must do, and "to say" in a request', () => {
    expect(stored('landlord say I must pay by Friday')).toEqual(['task'])
    expect(stored('remind me to say thanks to Bob')).toEqual(['task'])
  })
})

describe('what the person does around a day just told', () => {
  it('stays with that day', () => {
    expect(
      stored("My son's football training is Tuesdays 6pm, I have to close early those days"),
    ).toEqual(['fact'])
    expect(
      stored('the ferry is on the 3rd of June, I need to plan the packing around that'),
    ).toEqual(['fact'])
  })

  it('is its own task when it names something to do by then', () => {
    expect(stored("mum's birthday is on the 12th, need to get her a present before then")).toEqual([
      'fact',
      'task',
    ])
    expect(
      stored('VAT return due 7 May, need to get receipts to the accountant before that'),
    ).toEqual(['task', 'task'])
  })
})
