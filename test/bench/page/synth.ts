import {
  CURRENT_SCHEMA_VERSION,
  type MemoryItem,
  type Message,
} from '../../../shared/schema/current'

/**
 * Deterministic synthetic history for the bench: messages and facts that read like a person's
 * working notes with an assistant (so tokens, BM25 and snippets behave as they would on real text).
 * Pure TypeScript: the bench page (Chromium) and the Node driver generate the same data from a seed.
 */

/** A small, fast PRNG (mulberry32); the same seed gives the same sequence everywhere. */
export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const COMMON = (
  'the a to of and in that is for it on with as was this be at have from or by not but what all ' +
  'were when we there can an your which their said if do will each about how up out them then she ' +
  'many some so these would other into has more her two like him see time could no make than first ' +
  'been its who now people my made over did down only way find use may water long little very after ' +
  'words called just where most know get through back much before go good new write our used me man ' +
  'too any day same right look think also around another came come work three word must because does ' +
  'part even place well such here take why things help put years different away again off went old ' +
  'number great tell men say small every found still between name should home big give air line set ' +
  'own under read last never us left end along while might next sound below saw something thought both'
).split(' ')

const TOPICS = (
  'pgvector pinecone postgres embeddings index benchmark hybrid search accuracy recall latency ' +
  'timezone meeting calendar deploy release migration schema version laptop sync relay backup export ' +
  'import msgpack json restart crash memory preference fact task issue deadline review report budget ' +
  'invoice travel flight hotel dentist gym running marathon recipe garden python typescript rust ' +
  'electron react dexie yjs sqlite redis docker kubernetes terraform grafana alert oncall incident ' +
  'customer feedback roadmap quarter planning interview hiring onboarding vacation birthday gift ' +
  'kindle novel podcast guitar piano lesson mortgage insurance tax refund pharmacy allergy coffee'
).split(' ')

const OPENERS = [
  'Remember that',
  'Can you check',
  'I think',
  'Please note',
  'Quick question about',
  'Update on',
  'Last week',
  'Tomorrow I need to',
  'Reminder:',
  'FYI',
]

function sentence(next: () => number, words: number): string {
  const out: string[] = [OPENERS[Math.floor(next() * OPENERS.length)] ?? 'Note']
  for (let i = 0; i < words; i++) {
    const pool = next() < 0.28 ? TOPICS : COMMON
    out.push(pool[Math.floor(next() * pool.length)] ?? 'the')
  }
  return `${out.join(' ')}.`
}

/** Options for a run of messages in one conversation. */
export interface SynthMessagesInput {
  seed: number
  /** Index of the first message (ids and times continue from here). */
  from: number
  count: number
  /** Time of message 0; each message is `stepMs` after the previous one. */
  startMs: number
  stepMs: number
  deviceId: string
}

/** Messages `from..from+count-1` of a synthetic conversation: user and assistant take turns, 6–40 words each. */
export function synthMessages(input: SynthMessagesInput): Message[] {
  const out: Message[] = []
  for (let i = input.from; i < input.from + input.count; i++) {
    const next = rng(input.seed * 1_000_003 + i)
    const user = i % 2 === 0
    out.push({
      schemaVersion: CURRENT_SCHEMA_VERSION,
      id: `m${input.seed}-${i}`,
      role: user ? 'user' : 'assistant',
      text: sentence(next, 6 + Math.floor(next() * 34)),
      createdAt: new Date(input.startMs + i * input.stepMs).toISOString(),
      deviceId: input.deviceId,
      speaker: null,
      replyTo: user ? null : `m${input.seed}-${i - 1}`,
      error: null,
    })
  }
  return out
}

/** Facts `from..from+count-1`, confirmed over the last `spanDays` before `nowMs` (some go stale). */
export function synthFacts(input: {
  seed: number
  from: number
  count: number
  nowMs: number
  spanDays: number
}): MemoryItem[] {
  const out: MemoryItem[] = []
  for (let i = input.from; i < input.from + input.count; i++) {
    const next = rng(input.seed * 7_919 + i)
    const at = new Date(
      input.nowMs - Math.floor(next() * input.spanDays * 86_400_000),
    ).toISOString()
    out.push({
      schemaVersion: CURRENT_SCHEMA_VERSION,
      kind: 'fact',
      id: `f${input.seed}-${i}`,
      text: sentence(next, 4 + Math.floor(next() * 10)).replace(/^\S+( \S+)?/, 'User'),
      category: 'general',
      createdAt: at,
      confirmedAt: at,
      source: null,
      validFrom: at,
      validTo: null,
      status: 'active',
      supersedes: null,
      supersededBy: null,
      retractedAt: null,
      retractedBy: null,
    })
  }
  return out
}

/** Search queries a person might type: two to four words, mostly topical. */
export function synthQueries(seed: number, count: number): string[] {
  const next = rng(seed)
  const out: string[] = []
  for (let i = 0; i < count; i++) {
    const n = 2 + Math.floor(next() * 3)
    const words: string[] = []
    for (let w = 0; w < n; w++) {
      const pool = w === 0 || next() < 0.7 ? TOPICS : COMMON
      words.push(pool[Math.floor(next() * pool.length)] ?? 'memory')
    }
    out.push(words.join(' '))
  }
  return out
}
