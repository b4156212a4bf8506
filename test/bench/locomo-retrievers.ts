import MiniSearch from 'minisearch'
import { CONTEXT_TURNS, contextText, createSearchIndex, type Ranking } from '../../retrieval'
import { processQueryTerm, processTerm } from '../../retrieval/analyzer'
import type { LocomoSample } from './locomo-data'

/** Ranks a sample's turns for a question: dia ids, best first, at most `k`. */
export type TurnSearch = (question: string, k: number) => string[]

/** Builds a per-sample search; retrieval is always within one sample's conversation. */
export type Retriever = { name: string; build: (sample: LocomoSample) => TurnSearch }

const DAY_MS = 86_400_000

/** What to feed Keepsake's index, for ablations; the defaults are what the app does. */
export type KeepsakeVariant = {
  name?: string
  ranking?: Ranking
  speaker?: boolean
  /** How many earlier turns a turn carries as context (0: none). */
  contextTurns?: number
}

/**
 * Keepsake's retriever as the app uses it: each turn is a message with its session date, its
 * speaker and the turns before it as context; `now` is a day after the last session.
 */
export function keepsakeRetriever(variant: KeepsakeVariant = {}): Retriever {
  const { speaker = true, contextTurns = CONTEXT_TURNS } = variant
  return {
    name: variant.name ?? 'keepsake',
    build: (sample) => {
      const index = createSearchIndex(variant.ranking)
      index.add(
        sample.turns.map((turn, i) => {
          const earlier = sample.turns.slice(Math.max(0, i - contextTurns), i).map((t) => t.text)
          const context = contextTurns > 0 ? contextText(earlier, contextTurns) : undefined
          return {
            id: turn.diaId,
            kind: 'message' as const,
            text: turn.text,
            conversationId: sample.sampleId,
            createdAt: turn.createdAt,
            role: 'user' as const,
            ...(speaker ? { speaker: turn.speaker } : {}),
            ...(context === undefined ? {} : { context }),
          }
        }),
      )
      const now = new Date(sample.lastSessionAt.getTime() + DAY_MS)
      return (question, k) => index.search(question, { k, now }).map((hit) => hit.id)
    },
  }
}

function miniSearchRetriever(
  name: string,
  options: ConstructorParameters<typeof MiniSearch<{ id: string; text: string }>>[0],
): Retriever {
  return {
    name,
    build: (sample) => {
      const mini = new MiniSearch<{ id: string; text: string }>(options)
      mini.addAll(sample.turns.map((turn) => ({ id: turn.diaId, text: turn.text })))
      return (question, k) =>
        mini
          .search(question)
          .slice(0, k)
          .map((result) => String(result.id))
    },
  }
}

/** The baseline: MiniSearch with default options over the turn text (plain BM25+, no extras). */
export const plainBm25Retriever = miniSearchRetriever('plain BM25', { fields: ['text'] })

/** BM25 with Keepsake's analyzer only (English stop words + Porter), like Lucene's English analysis. */
export const analyzedBm25Retriever = miniSearchRetriever('BM25 + stop words + Porter', {
  fields: ['text'],
  processTerm: (term) => processTerm(term),
  searchOptions: { processTerm: processQueryTerm },
})

/** Steps from the baseline to Keepsake's retriever, each adding one thing. */
export const ablationRetrievers: readonly Retriever[] = [
  analyzedBm25Retriever,
  keepsakeRetriever({ name: '  + speaker field, time phrases, signals', contextTurns: 0 }),
  keepsakeRetriever({ name: '  + previous turn as context', contextTurns: 1 }),
  keepsakeRetriever({ name: '  + two previous turns (= keepsake)' }),
]
