import * as Y from 'yjs'
import type { Result } from '../../../shared/errors'
import type { MemoryItem } from '../../../shared/schema/current'
import { itemExtras } from '../../../shared/schema/item-extras'
import { DEFAULT_SETTINGS } from '../../../shared/contract/settings'
import { respondOffline, type OfflineTools } from '../../../renderer/runtime/agent/offline/respond'
import { readMemory } from '../../../renderer/runtime/memory/memory-doc'
import { toViews } from '../../../renderer/runtime/memory/memory-views'
import { createSearchIndex } from '../../../retrieval'
import type { Corpus, ExpectedCapture } from './corpus'

type Kind = MemoryItem['kind']
const KINDS: Kind[] = ['fact', 'preference', 'task', 'issue']

export interface Failure {
  scenario: string
  turn: string
  problem: string
  reply: string
}

/** Counts from one run over a corpus. */
export interface Scores {
  expected: Record<Kind, number>
  found: Record<Kind, number>
  stored: Record<Kind, number>
  correct: Record<Kind, number>
  corrections: { total: number; ok: number }
  updates: { total: number; ok: number }
  due: { total: number; ok: number }
  questions: { total: number; ok: number; unknownTotal: number; unknownOk: number }
  statements: number
  failures: Failure[]
  /** Time to analyse and answer each message, in ms. */
  latencies: number[]
}

const zero = (): Record<Kind, number> => ({ fact: 0, preference: 0, task: 0, issue: 0 })
const has = (text: string, word: string): boolean =>
  word.split('|').some((w) => text.toLowerCase().includes(w.toLowerCase()))
const DONT_KNOW =
  /\b(?:don't|do not) (?:have|know)\b|\bnothing (?:about|on|in)\b|\bno record\b|\bcouldn't find\b|\bhaven't told\b|\bnot on record\b|\bnothing on record\b/iu

const localDay = (iso: string): string => {
  const d = new Date(iso)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** Whether a stored item is what an expected capture describes. */
function matches(e: ExpectedCapture, item: MemoryItem): boolean {
  if (item.kind !== e.kind) return false
  const text = `${item.text} ${item.kind === 'task' ? item.lastAction : ''}`
  return e.words.every((w) => has(text, w))
}

/**
 * Pairs each expected capture with at most one stored item, as many pairs as possible (augmenting
 * paths): an item that holds the words of two expectations goes to the one no other item can meet,
 * so the score does not depend on the order the corpus lists them in.
 */
function assign(
  expect: readonly ExpectedCapture[],
  stored: readonly MemoryItem[],
): (MemoryItem | null)[] {
  const owner = new Map<string, number>()
  const fits = expect.map((e) => stored.filter((i) => matches(e, i)))
  const tryAssign = (n: number, seen: Set<string>): boolean => {
    for (const item of fits[n]!) {
      if (seen.has(item.id)) continue
      seen.add(item.id)
      const other = owner.get(item.id)
      if (other === undefined || tryAssign(other, seen)) {
        owner.set(item.id, n)
        return true
      }
    }
    return false
  }
  for (let n = 0; n < expect.length; n++) tryAssign(n, new Set())
  const out: (MemoryItem | null)[] = expect.map(() => null)
  for (const [id, n] of owner) out[n] = stored.find((i) => i.id === id) ?? null
  return out
}

/** The offline assistant's tools over one Yjs memory document, as the runtime gives them. */
export function docTools(doc: Y.Doc, now: Date, said: OfflineTools['said']): OfflineTools {
  return {
    change: async (fn) => {
      let result: Result<MemoryItem> | null = null
      doc.transact(() => {
        result = fn(doc)
      })
      return result!
    },
    memory: async () => toViews(readMemory(doc).items, DEFAULT_SETTINGS.freshness, now),
    said,
  }
}

/**
 * Plays every scenario through the real offline assistant over a real Yjs memory document, one
 * message at a time at the scenario's clock, and scores what was stored and answered.
 */
export async function evaluate(corpus: Corpus): Promise<Scores> {
  const s: Scores = {
    expected: zero(),
    found: zero(),
    stored: zero(),
    correct: zero(),
    corrections: { total: 0, ok: 0 },
    updates: { total: 0, ok: 0 },
    due: { total: 0, ok: 0 },
    questions: { total: 0, ok: 0, unknownTotal: 0, unknownOk: 0 },
    statements: 0,
    failures: [],
    latencies: [],
  }
  for (const scenario of corpus.scenarios) {
    const doc = new Y.Doc()
    const index = createSearchIndex()
    let clock = Date.parse(scenario.now) - 2 * 60_000
    let n = 0
    const told: { at: number; text: string }[] = []
    for (const turn of scenario.turns) {
      clock = turn.at ? Date.parse(turn.at) : clock + 2 * 60_000
      const now = new Date(clock)
      const text = 'say' in turn ? turn.say : turn.ask
      const id = `${scenario.id}-${n++}`
      index.add([
        {
          id,
          kind: 'message',
          text,
          conversationId: scenario.id,
          createdAt: now.toISOString(),
          role: 'user',
        },
      ])
      const before = new Map(readMemory(doc).items.map((i) => [i.id, JSON.stringify(i)]))
      const started = performance.now()
      const earlier = told
        .filter((t) => t.at >= clock - 30 * 60_000)
        .slice(-4)
        .map((t) => t.text)
      told.push({ at: clock, text })
      const reply = await respondOffline(
        {
          text,
          now,
          earlier,
          firstTurn: false,
          change: {
            now,
            actor: 'assistant',
            source: { conversationId: scenario.id, messageId: id },
          },
        },
        docTools(doc, now, async (query, k) =>
          index
            .search(query, { k: k + 1, now, roles: ['user'] })
            .filter((h) => h.id !== id)
            .slice(0, k)
            .map((h) => ({ id: h.id, text: h.text, createdAt: h.createdAt })),
        ),
      )
      s.latencies.push(performance.now() - started)
      index.add([
        {
          id: `${id}-reply`,
          kind: 'message',
          text: reply.text,
          conversationId: scenario.id,
          createdAt: now.toISOString(),
          role: 'assistant',
        },
      ])
      const items = readMemory(doc).items
      const fail = (problem: string): void => {
        s.failures.push({ scenario: scenario.id, turn: text, problem, reply: reply.text })
      }
      if ('say' in turn) {
        s.statements++
        // What this turn stored: new items and status changes, not re-confirmations.
        const stored = items.filter((i) => {
          const was = before.get(i.id)
          if (was === undefined) return true
          const old = JSON.parse(was) as MemoryItem
          // A note on what blocks an open problem is an update to it too.
          const blocker = (x: MemoryItem): string | undefined => itemExtras(x).extras.blockedBy
          // New tasks start in progress, so work reported under way changes only the last action.
          return (
            (i.kind === 'task' &&
              old.kind === 'task' &&
              (i.taskStatus !== old.taskStatus || i.lastAction !== old.lastAction)) ||
            (i.kind === 'issue' &&
              old.kind === 'issue' &&
              (i.resolvedAt !== old.resolvedAt || blocker(i) !== blocker(old)))
          )
        })
        for (const i of stored) s.stored[i.kind]++
        const assigned = assign(turn.expect, stored)
        for (const [n, e] of turn.expect.entries()) {
          s.expected[e.kind]++
          const hit = assigned[n]
          if (!hit) {
            fail(`missed ${e.kind} [${e.words.join(', ')}]${e.action ? ` (${e.action})` : ''}`)
            continue
          }
          s.found[e.kind]++
          s.correct[hit.kind]++
          if (e.action === 'supersede') {
            s.corrections.total++
            const stale = items.filter(
              (i) =>
                i.status === 'active' &&
                i.id !== hit.id &&
                (e.replaces ?? []).some((w) => has(i.text, w)),
            )
            if (stale.length === 0) s.corrections.ok++
            else fail(`correction left current: ${stale.map((i) => i.text).join(' | ')}`)
          }
          if (e.action === 'update') {
            s.updates.total++
            const ok =
              (hit.kind === 'task' &&
                ((e.status === 'done' && hit.taskStatus === 'done') ||
                  (e.status === 'blocked' && hit.taskStatus === 'blocked') ||
                  (e.status === 'in_progress' && hit.taskStatus === 'in_progress'))) ||
              (hit.kind === 'issue' && e.status === 'resolved' && hit.resolvedAt !== null) ||
              (hit.kind === 'issue' && e.status === 'blocked')
            if (ok && before.has(hit.id)) s.updates.ok++
            else fail(`update to ${e.status} not applied to an existing item: ${hit.text}`)
          }
          if (e.due) {
            s.due.total++
            const due = itemExtras(hit).extras.due
            if (due && localDay(due) === e.due) s.due.ok++
            else fail(`due ${e.due} but stored ${due ?? 'none'} on "${hit.text}"`)
          }
        }
        for (const i of stored)
          if (!assigned.some((a) => a?.id === i.id))
            fail(`stored unexpected ${i.kind}: "${i.text}"`)
      } else {
        s.questions.total++
        let ok: boolean
        if (turn.unknown) {
          s.questions.unknownTotal++
          ok = DONT_KNOW.test(reply.text) && !(turn.notAnswer ?? []).some((w) => has(reply.text, w))
          if (ok) s.questions.unknownOk++
        } else {
          ok =
            (turn.answer ?? []).every((w) => has(reply.text, w)) &&
            !(turn.notAnswer ?? []).some((w) => has(reply.text, w))
        }
        if (ok) s.questions.ok++
        else
          fail(
            `answer should have [${(turn.answer ?? ['(unknown)']).join(', ')}] not [${(turn.notAnswer ?? []).join(', ')}]`,
          )
      }
    }
  }
  return s
}

const pct = (a: number, b: number): string => (b === 0 ? 'n/a' : `${((a / b) * 100).toFixed(1)}%`)

/** Recall, precision and answer accuracy, overall and per kind. */
export function summarize(s: Scores): {
  overall: Record<string, string>
  perKind: Record<Kind, Record<string, string>>
  ratios: { recall: number; precision: number; answers: number }
} {
  const sum = (r: Record<Kind, number>): number => KINDS.reduce((a, k) => a + r[k], 0)
  const perKind = Object.fromEntries(
    KINDS.map((k) => [
      k,
      {
        recall: pct(s.found[k], s.expected[k]),
        precision: pct(s.correct[k], s.stored[k]),
        expected: String(s.expected[k]),
        stored: String(s.stored[k]),
      },
    ]),
  ) as unknown as Record<Kind, Record<string, string>>
  const recall = sum(s.found) / Math.max(1, sum(s.expected))
  const precision = sum(s.correct) / Math.max(1, sum(s.stored))
  const answers = s.questions.ok / Math.max(1, s.questions.total)
  return {
    overall: {
      statements: String(s.statements),
      'capture recall': pct(sum(s.found), sum(s.expected)),
      'capture precision': pct(sum(s.correct), sum(s.stored)),
      corrections: `${s.corrections.ok}/${s.corrections.total}`,
      'status updates': `${s.updates.ok}/${s.updates.total}`,
      'due dates': `${s.due.ok}/${s.due.total}`,
      answers: `${pct(s.questions.ok, s.questions.total)} (${s.questions.ok}/${s.questions.total}; "don't know" ${s.questions.unknownOk}/${s.questions.unknownTotal})`,
    },
    perKind,
    ratios: { recall, precision, answers },
  }
}
