import { findDates } from './dates'
import { TIME_ONLY } from './due-then'
import type { Capture } from './types'

/** Words that say something stops holding on a day: "expires", "runs out", "ends", "closing date". */
const STOPS =
  /\b(?:expir(?:es|ing|y)|runs? out|running out|lapses?|ends|ending|closes|closing date|deadline|last day|cut-?off)\b/iu

/** A month alone ("in March", "june"): which day of it is not said. */
const MONTH_ONLY =
  /^(?:in\s+|on\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?:\s+\d{4})?$/iu

/**
 * A task with no deadline of its own, said after something that stops holding on a day, is due that
 * day: "my LTA accreditation runs out end of June, need to do the safeguarding module";
 * "Bartek's contract ends in two weeks, I have to do his handover doc". Only within one sentence, the
 * day said before the task and in the clause that says it stops; a month alone gives no day.
 * Anything else is returned as it is.
 */
export function dueByExpiry(c: Capture, sentence: string, now: Date): Capture {
  if (c.kind !== 'task' || c.due !== null) return c
  // The task's clause begins where its first words are; the expiry is said before it.
  const lead = c.text.split(/\s+/u).slice(0, 3).join(' ')
  const at = sentence.toLowerCase().indexOf(lead.toLowerCase())
  if (at <= 0) return c
  const before = sentence.slice(0, at)
  const day = findDates(before, now)
    .filter((d) => {
      const phrase = d.phrase.replace(/[\s,;:.]+$/u, '')
      return !d.each && !MONTH_ONLY.test(phrase) && !TIME_ONLY.test(phrase)
    })
    .find((d) => {
      // The clause the day is in: from the comma before it to the next.
      const start = Math.max(0, before.lastIndexOf(',', d.index) + 1)
      const end = before.indexOf(',', d.index + d.phrase.length)
      return STOPS.test(before.slice(start, end < 0 ? undefined : end))
    })
  return day ? { ...c, due: day.iso } : c
}
