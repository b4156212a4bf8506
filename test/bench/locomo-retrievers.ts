import MiniSearch from 'minisearch'
import { createSearchIndex } from '../../renderer/runtime/retrieval'
import type { Ranking } from '../../renderer/runtime/retrieval'
import type { LocomoSample } from './locomo-data'

/** Ranks a sample's turns for a question: dia ids, best first, at most `k`. */
export type TurnSearch = (question: string, k: number) => string[]

/** Builds a per-sample search; retrieval is always within one sample's conversation. */
export type Retriever = { name: string; build: (sample: LocomoSample) => TurnSearch }

const DAY_MS = 86_400_000

/**
 * Keepsake's retriever as the app uses it: each turn is a message with its session date, its
 * speaker and the previous turn as context; `now` is a day after the last session.
 */
export function keepsakeRetriever(ranking?: Ranking): Retriever {
  return {
    name: 'keepsake',
    build: (sample) => {
      const index = createSearchIndex(ranking)
      index.add(
        sample.turns.map((turn) => ({
          id: turn.diaId,
          kind: 'message' as const,
          text: turn.text,
          conversationId: sample.sampleId,
          createdAt: turn.createdAt,
          role: 'user' as const,
          speaker: turn.speaker,
          ...(turn.previous === null ? {} : { context: turn.previous }),
        })),
      )
      const now = new Date(sample.lastSessionAt.getTime() + DAY_MS)
      return (question, k) => index.search(question, { k, now }).map((hit) => hit.id)
    },
  }
}

/** The baseline: MiniSearch with default options over the turn text (plain BM25+, no extras). */
export const plainBm25Retriever: Retriever = {
  name: 'plain BM25',
  build: (sample) => {
    const mini = new MiniSearch<{ id: string; text: string }>({ fields: ['text'] })
    mini.addAll(sample.turns.map((turn) => ({ id: turn.diaId, text: turn.text })))
    return (question, k) =>
      mini
        .search(question)
        .slice(0, k)
        .map((result) => String(result.id))
  },
}
