import type { Strategy } from '../../../shared/contract/models'

/**
 * What the bench page (`test/bench/page/main.ts`, real runtime modules in real Chromium) offers the
 * Node driver as `window.keepsakeBench`. Inputs and outputs are plain data (they cross CDP as JSON);
 * times are milliseconds from `performance.now()` inside the page.
 */

export interface UnderstandInput {
  messages: string[]
  nowMs: number
}

export interface UnderstandResult {
  /** Import of the understanding module (the NLP library) plus its first analysis, in a fresh page. */
  startupMs: number
  /** One analysis per message, in order. */
  latenciesMs: number[]
  /** Loading the answerer's table of kinds of things (first question that names a kind). */
  wordKindsMs: number
}

export interface SeedInput {
  /** The space database to write (`keepsake-space-<spaceId>`); created if missing. */
  spaceId: string
  /** Messages to add to the space's one bench conversation, after those already there. */
  messages: number
  /** Facts to add to the space document, after those already there. */
  facts: number
  seed: number
  /** Messages per `Space.append` call (one Yjs update and one transaction each). */
  batch: number
  /** The wall-clock time the newest message is written at. */
  nowMs: number
}

export interface SeedResult {
  conversationId: string
  messages: number
  facts: number
  ms: number
}

export interface RestoreInput {
  spaceId: string
  strategy: Strategy
  contextWindow: number
  replyReserve: number
  nowMs: number
  /** Wait for the full search index, and save its snapshot (a warm-up run does; measured runs do not). */
  persistIndex: boolean
  /** Profile from start to the first prompt (`console.profile`, for a CDP client that listens). */
  profile?: boolean
}

export type PromptOutcome =
  | { ok: true; tokens: number; history: number; retrieved: number; sections: string[] }
  | { ok: false; code: string; message: string }

export interface RestoreResult {
  /** Start → state ready: identity, settings, space document, warm search index (what `boot` does). */
  readyMs: number
  /** Start → the first prompt assembled for a new message in the biggest conversation. */
  promptMs: number
  /** Start → the full search index loaded and caught up. */
  fullIndexMs: number
  prompt: PromptOutcome
  /** Milliseconds each step of the restore took, in order (where the time went). */
  steps: Record<string, number>
}

export interface TokensInput {
  messages: number
  facts: number
  /** Facts confirmed within the last `freshDays` days (the default freshness keeps facts 90 days). */
  freshDays: number
  contextWindow: number
  replyReserve: number
  seed: number
  nowMs: number
}

export interface StrategyTokens {
  strategy: Strategy
  prompt: PromptOutcome
  ms: number
}

export interface TokensResult {
  /** What `full` would need (instructions, every message and the new one), fitting or not. */
  fullNeeds: number
  budget: number
  strategies: StrategyTokens[]
}

export interface AppendsInput {
  spaceId: string
  durability: 'strict' | 'relaxed'
  count: number
  /** `sequential`: each append waits for the previous acknowledgement; `burst`: all at once. */
  mode: 'sequential' | 'burst'
  nowMs: number
  /**
   * `new`: a conversation created for the run; `longest`: the space's longest conversation (seeded
   * before), opened by the first append as after a start.
   */
  conversation?: 'new' | 'longest'
}

export interface AppendsResult {
  /** Per append, call → acknowledgement (durable). */
  latenciesMs: number[]
  totalMs: number
}

export interface SearchLatencyInput {
  spaceId: string
  queries: string[]
  k: number
  nowMs: number
}

export interface SearchLatencyResult {
  latenciesMs: number[]
  hits: number
}

export interface SyncOpenInput {
  /** The local database of this device (devices on one origin need their own). */
  localSpaceId: string
  relayUrl: string
  syncSpaceId: string
  secret: string
  deviceId: string
}

export interface SyncSnapshot {
  state: string
  pendingItems: number
  /** Messages in the bench conversation on this device; facts in its memory map. */
  messages: number
  facts: number
  /** Bytes of the space document's state (the structured state, not the log). */
  stateBytes: number
  problems: string[]
}

export interface TwoRuntimesInput {
  spaceId: string
  factsEach: number
  nowMs: number
}

export interface TwoRuntimesResult {
  acknowledged: number
  /** Facts a fresh open of the database finds. */
  present: number
}

export interface RawImportInput {
  /** `window.benchFiles[key]`: the session file's bytes, put in the page by the driver. */
  key: string
  /** The raw IndexedDB database to (re)create. */
  dbName: string
  /** Messages per page row. */
  pageSize: number
}

export interface RawWriteInput {
  dbName: string
  pageSize: number
  /** Synthetic messages generated as `seed` generates them (not timed). */
  messages: number
  seed: number
  nowMs: number
}

export interface RawImportResult {
  /** Bytes → durable pages (for `rawWrite`, only the writes). */
  ms: number
  decodeMs: number
  messages: number
  pages: number
}

export interface RawSyncInput {
  relayUrl: string
  syncSpaceId: string
  secret: string
  /** The raw IndexedDB database to (re)create. */
  dbName: string
  pageSize: number
}

export interface RawSyncResult {
  /** Connect → every message durable in pages. */
  ms: number
  /** Connect → the envelope synced from the relay. */
  fetchedMs: number
  /** Connect → every item decrypted, unpacked and parsed. */
  decodedMs: number
  items: number
  ciphertextBytes: number
  messages: number
  pages: number
}

export interface RawExportResult {
  ms: number
  size: number
}

export interface ImportStagesInput {
  key: string
  spaceId: string
}

export interface ImportStagesResult {
  stages: { stage: string; ms: number }[]
  messages: number
}

/** Wall-clock time (ms since the epoch, sub-ms precision) comparable between pages of one machine. */
export type WallMs = number

/** Everything the page can do. */
export interface BenchApi {
  seed(input: SeedInput): Promise<SeedResult>
  restore(input: RestoreInput): Promise<RestoreResult>
  tokens(input: TokensInput): Promise<TokensResult>
  appends(input: AppendsInput): Promise<AppendsResult>
  searchLatency(input: SearchLatencyInput): Promise<SearchLatencyResult>
  /** Opens the local space and starts sync (keys derived before `start`, not timed). */
  syncOpen(input: SyncOpenInput): Promise<{ keyMs: number }>
  /** Wall-clock time `start()` was called (after the keys were derived). */
  syncStartedAt(): WallMs
  /** Appends one message to the bench conversation; resolves with its id and the wall time it was sent. */
  syncAppend(text: string): Promise<{ id: string; at: WallMs }>
  /** Resolves with the wall time message `id` arrived here, waiting up to `timeoutMs`; null if it did not. */
  syncArrival(id: string, timeoutMs: number): Promise<WallMs | null>
  /** Waits until this device holds `messages` messages and `facts` facts; resolves with the wall time, or null. */
  syncWaitFor(
    target: { messages: number; facts: number },
    timeoutMs: number,
  ): Promise<WallMs | null>
  /**
   * Waits until the relay acknowledged everything (connected, nothing pending, an acknowledgement
   * at or after `since`, wall ms); resolves with the wall time, or null.
   */
  syncSettled(timeoutMs: number, since?: WallMs): Promise<WallMs | null>
  /** Waits until sync is connected with nothing pending (after a start: items taken in, documents compared). */
  syncConnected(timeoutMs: number): Promise<WallMs | null>
  syncSnapshot(): Promise<SyncSnapshot>
  /** Runs the check of pages received whole now and times it. */
  syncCheckSealed(): Promise<{ ms: number; repaired: number }>
  syncStop(): Promise<void>
  /** Two runtimes writing to one space database at once; what a fresh open finds. */
  twoRuntimes(input: TwoRuntimesInput): Promise<TwoRuntimesResult>
  /** Loads the understanding module in a fresh page and analyses each message once. */
  understand(input: UnderstandInput): Promise<UnderstandResult>
  /** Import baseline: decode the file, write its messages as pages with raw IndexedDB (strict). */
  rawImport(input: RawImportInput): Promise<RawImportResult>
  /** Export baseline: read those pages back and encode them as `.keepsake`. */
  rawExport(dbName: string): Promise<RawExportResult>
  /** First-sync baseline: synthetic messages written as pages with raw IndexedDB (strict). */
  rawWrite(input: RawWriteInput): Promise<RawImportResult>
  /**
   * First-sync relay baseline: the relay's stored envelope fetched over a WebSocket, decrypted,
   * unpacked and parsed, its messages written as pages with raw IndexedDB (strict).
   */
  rawSync(input: RawSyncInput): Promise<RawSyncResult>
  rawDrop(dbName: string): Promise<void>
  /** The app's import as a new space, stage by stage, with the runtime's modules. */
  importStages(input: ImportStagesInput): Promise<ImportStagesResult>
  /** Deletes a space database (between bench cases). */
  drop(spaceId: string): Promise<void>
}

declare global {
  interface Window {
    keepsakeBench?: BenchApi
  }
}
