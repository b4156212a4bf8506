import { z } from 'zod'
import { IsoDate } from '../../../shared/schema/iso-date'
import { formatPath } from '../../../shared/validation'
import { parseJsonText } from '../../../shared/session/json-text'
import { DEFAULT_LIMITS } from '../../../shared/session/limits'
import { defineCommand } from '../command'
import { readInput } from '../files'
import { EXIT_INVALID, EXIT_OK, UsageError } from '../io'
import { loadSessionFile } from '../load'
import { indexSession } from '../session-index'
import type { SessionData } from '../../../shared/session/session-data'

/** One line of a `--queries` file. */
export const QueryLine = z.strictObject({ id: z.string().min(1), query: z.string().min(1) })

const round = (score: number): number => Math.round(score * 1e6) / 1e6

/** The newest message's time: what "last week" means in an archive imported years later. */
function newestMessageAt(data: SessionData): string | null {
  let newest: string | null = null
  for (const c of data.conversations)
    for (const m of c.messages) if (newest === null || m.createdAt > newest) newest = m.createdAt
  return newest
}

export const searchCommand = defineCommand({
  name: 'search',
  summary: "search a session file with the app's retrieval (ranked hits)",
  usage:
    'keepsake search FILE QUERY [--k N] [--json] [--now ISO]\n       keepsake search FILE --queries Q.jsonl [--k N] [--now ISO]',
  details: [
    'Indexes the memory items and messages of FILE with the same retrieval module the app uses',
    '(BM25+ with stemming, time phrases like "last week", status and recency signals) and prints',
    'the best hits: rank, score, kind, id (a message id or a memory item id), conversation id and',
    'a snippet.',
    '',
    'With --queries, each line of Q.jsonl is {"id": "...", "query": "..."}; messages only are',
    'searched, and each output line is {"id", "hits": [{"messageId", "conversationId", "score"}]}.',
    '',
    '  --k N        how many hits per query (default 10, at most 1000)',
    '  --json       print the hits as JSON (single query)',
    '  --now ISO    the time "last week" and recency are measured from (default: the newest',
    '               message in FILE, so an archive is searched as of its own last day)',
    '  --queries F  run every query of a JSONL file',
  ].join('\n'),
  options: {
    k: { type: 'string' },
    json: { type: 'boolean' },
    now: { type: 'string' },
    queries: { type: 'string' },
  },
  positionals: { min: 1, max: 2, names: 'FILE [QUERY]' },
  values: z.object({
    k: z.coerce
      .number({ message: '--k must be a number' })
      .int('--k must be a whole number')
      .min(1, '--k must be at least 1')
      .max(1000, '--k must be at most 1000')
      .default(10),
    json: z.boolean().optional(),
    now: IsoDate.optional(),
    queries: z.string().min(1).optional(),
  }),
  async run({ positionals: [file = '', query], values }, io) {
    if ((query === undefined) === (values.queries === undefined)) {
      throw new UsageError('give either a QUERY or --queries Q.jsonl')
    }
    let queries: z.infer<typeof QueryLine>[] | null = null
    if (values.queries !== undefined) {
      const parsed = await readQueries(values.queries, io)
      if (parsed === null) return EXIT_INVALID
      queries = parsed
    }
    const read = await loadSessionFile(file, io)
    if (typeof read === 'number') return read
    const index = indexSession(read.data)
    const now = new Date(values.now ?? newestMessageAt(read.data) ?? read.data.exportedAt)
    if (queries !== null) {
      for (const q of queries) {
        const hits = index.search(q.query, { k: values.k, now, kinds: ['message'] })
        io.out(
          JSON.stringify({
            id: q.id,
            hits: hits.map((h) => ({
              messageId: h.id,
              conversationId: h.conversationId,
              score: round(h.score),
            })),
          }),
        )
      }
      return EXIT_OK
    }
    const hits = index.search(query ?? '', { k: values.k, now }).map((h, i) => ({
      rank: i + 1,
      kind: h.kind,
      id: h.id,
      conversationId: h.conversationId,
      score: round(h.score),
      createdAt: h.createdAt,
      snippet: h.snippet,
    }))
    if (values.json) {
      io.out(JSON.stringify(hits, null, 2))
      return EXIT_OK
    }
    if (hits.length === 0) io.out('no hits')
    for (const h of hits) {
      const where = h.conversationId ? `  conversation ${h.conversationId}` : ''
      io.out(`${h.rank}. ${h.score.toFixed(3)}  ${h.kind} ${h.id}${where}  ${h.createdAt}`)
      io.out(`   ${h.snippet}`)
    }
    return EXIT_OK
  },
})

/** Reads a queries file; prints `line N: field: reason` for every bad line and returns null if any. */
async function readQueries(
  path: string,
  io: { err(line: string): void },
): Promise<z.infer<typeof QueryLine>[] | null> {
  const input = await readInput(path)
  if (!input.ok) {
    io.err(`${input.problem.path}: ${input.problem.message}`)
    return null
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(input.bytes)
  } catch {
    io.err(`${path}: not valid UTF-8 text`)
    return null
  }
  const out: z.infer<typeof QueryLine>[] = []
  let bad = false
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return
    const json = parseJsonText(line, DEFAULT_LIMITS)
    if (!json.ok) {
      bad = true
      for (const p of json.problems) io.err(`${path}: line ${i + 1}: ${p.message}`)
      return
    }
    const parsed = QueryLine.safeParse(json.value)
    if (!parsed.success) {
      bad = true
      for (const issue of parsed.error.issues) {
        const field = issue.path.length > 0 ? `${formatPath(issue.path)}: ` : ''
        io.err(`${path}: line ${i + 1}: ${field}${issue.message}`)
      }
      return
    }
    out.push(parsed.data)
  })
  return bad ? null : out
}
