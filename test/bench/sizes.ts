/** One prompt-size case: history, facts, and the model's window. */
export interface TokensCase {
  messages: number
  facts: number
  contextWindow: number
  replyReserve: number
  /** Facts confirmed within this many days (the default policy keeps facts fresh for 90). */
  freshDays: number
}

/** The article's example (500 messages into Claude Sonnet's 200k window) and a long history. */
const ARTICLE = { contextWindow: 200_000, replyReserve: 1024, freshDays: 60 }
/** The default settings: an 8k local model. */
const DEFAULT_WINDOW = { contextWindow: 8192, replyReserve: 1024, freshDays: 60 }

/** How big and how often each row measures: the full run, and the smoke run `npm test` does. */
export interface BenchSizes {
  restore: { messages: number[]; facts: [number, number]; runs: number }
  tokens: TokensCase[]
  restoreWindow: { contextWindow: number; replyReserve: number }
  appends: { count: number; runs: number }
  /** Appends to one long conversation (`history` messages seeded first), strict, each awaited. */
  longAppends: { history: number; count: number; runs: number }
  files: { messages: number; facts: number; runs: number }
  sync: { samples: number; initialMessages: number; stateFacts: number; runs: number }
  retrieval: { queries: number }
  ui: { messages: number; runs: number; typed: string }
  /** Row 9: visible messages in the generated ChatGPT export. */
  chatgpt: { messages: number; runs: number }
  locomo: boolean
  /** Messages per `Space.append` call while seeding. */
  seedBatch: number
}

const TYPED = 'Remember that the benchmark review moved to Thursday at 10am'

export const FULL: BenchSizes = {
  restore: { messages: [1_000, 10_000, 100_000], facts: [100, 10_000], runs: 5 },
  tokens: [
    { messages: 500, facts: 100, ...ARTICLE },
    { messages: 50_000, facts: 100, ...ARTICLE },
    // Many facts: what the state section costs, and what an 8k window keeps of it.
    { messages: 500, facts: 10_000, ...ARTICLE },
    { messages: 500, facts: 10_000, ...DEFAULT_WINDOW },
  ],
  // Big enough that `full` fits up to 10k messages; at 100k it is refused, as it must be.
  restoreWindow: { contextWindow: 1_000_000, replyReserve: 1024 },
  appends: { count: 1_000, runs: 3 },
  longAppends: { history: 100_000, count: 1_000, runs: 3 },
  files: { messages: 100_000, facts: 100, runs: 3 },
  sync: { samples: 50, initialMessages: 100_000, stateFacts: 100, runs: 3 },
  retrieval: { queries: 200 },
  ui: { messages: 100_000, runs: 3, typed: TYPED },
  chatgpt: { messages: 50_000, runs: 3 },
  locomo: true,
  seedBatch: 1_000,
}

export const SMOKE: BenchSizes = {
  restore: { messages: [200], facts: [10, 10], runs: 1 },
  tokens: [{ messages: 50, facts: 10, ...ARTICLE }],
  restoreWindow: { contextWindow: 1_000_000, replyReserve: 1024 },
  appends: { count: 10, runs: 1 },
  longAppends: { history: 200, count: 10, runs: 1 },
  files: { messages: 200, facts: 5, runs: 1 },
  sync: { samples: 2, initialMessages: 50, stateFacts: 5, runs: 1 },
  retrieval: { queries: 5 },
  ui: { messages: 200, runs: 1, typed: 'Hi there' },
  chatgpt: { messages: 300, runs: 1 },
  locomo: false,
  seedBatch: 100,
}
