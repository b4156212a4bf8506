import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { z } from 'zod'
import { err, ok, type Result } from '../../shared/errors'
import { check } from '../../shared/validation'

/**
 * Reading LoCoMo (Maharana et al., ACL 2024; CC BY-NC 4.0). The data is never copied into the
 * repo: it is read from `../shared/data/` beside the repo root, and its absence is an error value.
 */

const Turn = z.looseObject({
  speaker: z.string(),
  dia_id: z.string(),
  text: z.string(),
  blip_caption: z.string().optional(),
})

const Qa = z.looseObject({
  question: z.string(),
  evidence: z.array(z.string()),
  category: z.number().int(),
})

const Sample = z.looseObject({
  sample_id: z.string(),
  conversation: z.record(z.string(), z.unknown()),
  qa: z.array(Qa),
})

const Dataset = z.array(Sample)

/** One dialog turn, dated by its session. */
export type LocomoTurn = {
  diaId: string
  speaker: string
  /** The turn's text, followed by the caption of the image it shared, if any. */
  text: string
  /** The turn before it in the conversation (across sessions), or null for the first. */
  previous: string | null
  /** The session's date, read in local time, as ISO. */
  createdAt: string
}

export type LocomoQuestion = { question: string; evidence: string[]; category: number }

export type LocomoSample = {
  sampleId: string
  turns: LocomoTurn[]
  /** The date of the last session that has turns. */
  lastSessionAt: Date
  questions: LocomoQuestion[]
}

/** Where the data lives for a checkout at `repoRoot`. */
export function locomoDataPath(repoRoot: string): string {
  return resolve(repoRoot, '..', 'shared', 'data', 'locomo-dev.json')
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]

/**
 * Parses a session date like "1:56 pm on 8 May, 2023" as local time.
 * @example parseSessionDate('1:56 pm on 8 May, 2023')?.getHours() === 13
 */
export function parseSessionDate(text: string): Date | null {
  const m = /^(\d{1,2}):(\d{2})\s*(am|pm)\s+on\s+(\d{1,2})\s+([a-z]+),?\s+(\d{4})$/i.exec(
    text.trim(),
  )
  if (m === null) return null
  const month = MONTHS.indexOf((m[5] ?? '').toLowerCase())
  if (month < 0) return null
  const hour = (Number(m[1]) % 12) + ((m[3] ?? '').toLowerCase() === 'pm' ? 12 : 0)
  return new Date(Number(m[6]), month, Number(m[4]), hour, Number(m[2]))
}

/** Reads and validates the LoCoMo file. Errors: `not-found`, `file-invalid`, `validation`. */
export async function readLocomo(path: string): Promise<Result<LocomoSample[]>> {
  let json: string
  try {
    json = await readFile(path, 'utf8')
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e)
    return err(
      'not-found',
      `LoCoMo data is not at ${path} (${reason}). It is not shipped with the repo (CC BY-NC 4.0): ` +
        'put locomo-dev.json in ../shared/data/ beside the repo root.',
    )
  }
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e)
    return err('file-invalid', `LoCoMo data at ${path} is not JSON: ${reason}`)
  }
  const dataset = check(Dataset, raw, 'locomo')
  if (!dataset.ok) return dataset
  const samples: LocomoSample[] = []
  for (const [i, sample] of dataset.value.entries()) {
    const read = readSample(sample, `locomo[${i}]`)
    if (!read.ok) return read
    samples.push(read.value)
  }
  return ok(samples)
}

function readSample(sample: z.infer<typeof Sample>, where: string): Result<LocomoSample> {
  const sessions = Object.keys(sample.conversation)
    .map((key) => /^session_(\d+)$/.exec(key))
    .flatMap((m) => (m === null ? [] : [Number(m[1])]))
    .sort((a, b) => a - b)
  const turns: LocomoTurn[] = []
  let lastSessionMs = -Infinity
  // As in the app, a message's context is the message before it in the conversation.
  let previous: string | null = null
  for (const n of sessions) {
    const path = `${where}.conversation.session_${n}`
    const list = check(z.array(Turn), sample.conversation[`session_${n}`], path)
    if (!list.ok) return list
    // Some sessions have a date but no turns; they add nothing to search.
    if (list.value.length === 0) continue
    const dateText = sample.conversation[`session_${n}_date_time`]
    const date = typeof dateText === 'string' ? parseSessionDate(dateText) : null
    if (date === null) return err('file-invalid', `${path}_date_time: not a session date`, path)
    lastSessionMs = Math.max(lastSessionMs, date.getTime())
    for (const turn of list.value) {
      const text = turn.blip_caption === undefined ? turn.text : `${turn.text} ${turn.blip_caption}`
      turns.push({
        diaId: turn.dia_id,
        speaker: turn.speaker,
        text,
        previous,
        createdAt: date.toISOString(),
      })
      previous = text
    }
  }
  if (turns.length === 0) return err('file-invalid', `${where}: no session has turns`, where)
  const questions = sample.qa.map((qa) => ({
    question: qa.question,
    evidence: qa.evidence,
    category: qa.category,
  }))
  return ok({
    sampleId: sample.sample_id,
    turns,
    lastSessionAt: new Date(lastSessionMs),
    questions,
  })
}

/** A question's evidence ids after repair, with counts of what was repaired and dropped. */
export type Evidence = { ids: string[]; repaired: number; dropped: number }

/**
 * Normalizes evidence strings to `D<session>:<turn>` ids that exist in the conversation: splits
 * "D8:6; D9:17", repairs "D:11:26" to "D11:26", drops what cannot be read or does not exist.
 * @example normalizeEvidence(['D:11:26', 'D'], new Set(['D11:26'])) // { ids: ['D11:26'], repaired: 1, dropped: 1 }
 */
export function normalizeEvidence(raw: readonly string[], known: ReadonlySet<string>): Evidence {
  const ids = new Set<string>()
  let repaired = 0
  let dropped = 0
  for (const entry of raw) {
    const parts = entry.split(/[;,\s]+/).filter((part) => part !== '')
    if (parts.length !== 1) repaired += 1
    for (const part of parts) {
      const m = /^D(:?)(\d+):(\d+)$/.exec(part)
      const id = m === null ? null : `D${m[2]}:${m[3]}`
      if (id === null || !known.has(id)) {
        dropped += 1
        continue
      }
      if (m?.[1] === ':') repaired += 1
      ids.add(id)
    }
  }
  return { ids: [...ids], repaired, dropped }
}
