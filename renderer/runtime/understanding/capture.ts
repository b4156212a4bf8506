import type { MemoryKind } from '../../../shared/schema/current'
import type { Capture } from './types'
import { tidy, upperFirst } from './text'

/** A clause ready for the rules: contractions spelled out, markers stripped, with its context. */
export interface Clause {
  /** The clause as the rules read it ("I am allergic to peanuts"). */
  text: string
  /** When the message was written; relative dates resolve against it. */
  now: Date
  /** Said as a correction ("actually", "no wait", "scratch that"). */
  correction: boolean
  /** The person explicitly asked to remember it ("remember that …"). */
  explicit: boolean
}

/** Builds a capture with the defaults filled in; the text is tidied and capitalised. */
export function capture(
  kind: MemoryKind,
  text: string,
  fields: Partial<Omit<Capture, 'kind' | 'text'>> = {},
): Capture {
  return {
    kind,
    text: upperFirst(tidy(text)),
    subject: fields.subject ?? null,
    value: fields.value === undefined || fields.value === null ? null : tidy(fields.value),
    ...(fields.key ? { key: fields.key } : {}),
    due: fields.due ?? null,
    schedule: fields.schedule ?? null,
    replaces: fields.replaces ? tidy(fields.replaces) : null,
    correction: fields.correction ?? false,
  }
}

/** A rule reads one clause and returns what it captured, or null when it does not apply. */
export type Rule = (clause: Clause) => Capture[] | null
