import type { SearchDoc } from '../../../retrieval'

/** A local-time instant as ISO, so date tests hold in any time zone. */
export function at(year: number, month: number, day: number, hour = 12): string {
  return new Date(year, month - 1, day, hour).toISOString()
}

/** A user message in conversation c1. */
export function message(
  id: string,
  text: string,
  createdAt = at(2026, 3, 1),
  extra: Partial<SearchDoc> = {},
): SearchDoc {
  return { id, kind: 'message', role: 'user', text, conversationId: 'c1', createdAt, ...extra }
}

/** An active fact with no source conversation. */
export function fact(
  id: string,
  text: string,
  createdAt = at(2026, 3, 1),
  extra: Partial<SearchDoc> = {},
): SearchDoc {
  return {
    id,
    kind: 'memory',
    memoryKind: 'fact',
    status: 'active',
    text,
    conversationId: null,
    createdAt,
    ...extra,
  }
}

/** A small space: facts, a preference, and a conversation about vector databases. */
export function sampleDocs(): SearchDoc[] {
  return [
    fact('f-pgvector', 'Uses pgvector in Postgres for embeddings', at(2026, 2, 20)),
    fact('f-tz', 'Timezone is America/New_York', at(2026, 1, 5), { tags: ['settings'] }),
    fact('f-pine', 'Prefers pgvector over Pinecone', at(2026, 3, 3), { memoryKind: 'preference' }),
    message('m1', 'Can you compare Pinecone and Weaviate pricing for me?', at(2026, 3, 3)),
    message('m2', 'Pinecone charges per pod; Weaviate is open source.', at(2026, 3, 3), {
      role: 'assistant',
      context: 'Can you compare Pinecone and Weaviate pricing for me?',
    }),
    message('m3', 'I am benchmarking hybrid search accuracy this week', at(2026, 3, 9)),
    message('m4', 'Lunch was great, the ramen place near the office', at(2026, 3, 10), {
      conversationId: 'c2',
    }),
  ]
}
