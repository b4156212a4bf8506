import {
  heldContents,
  type ConversationContents,
} from '../../../shared/session/conversation-contents'
import type { SessionData } from '../../../shared/session/session-data'
import { commitUpdates, type CommitExtras } from '../docs/commit-updates'
import type { SpaceDb } from '../db/space-db'
import { freshConversationPlans, freshSpacePlan, keepsStates } from './import-plans'
import type { DocPlan } from './doc-plan'
import type { ReportProgress } from './progress'
import { SourceReadError } from './source-read-error'
import { SEGMENT_SIZE } from '../docs/segment-writes'

/** What an import stored: distinct messages, and memory items written. */
export interface WrittenCounts {
  messagesAdded: number
  memoryWritten: number
}

/** The counts of plans stored together (a merge's). */
export const countsOf = (plans: readonly DocPlan[]): WrittenCounts => ({
  messagesAdded: new Set(plans.flatMap((p) => p.rows.messages.map((m) => m.id))).size,
  memoryWritten: new Set(plans.flatMap((p) => p.rows.memoryPut.map((m) => m.id))).size,
})

/** Nothing of the new space is stored before its import writes it: no page needs reading first. */
const NEW = { newDocuments: true }

/**
 * About how many messages one transaction of a new space's import stores (whole documents: a
 * conversation's own, or one of its segments).
 * A batch's records, pages and updates are held, and copied for IndexedDB in the worker and the
 * browser process, until its transaction commits; 5,000 held them long enough to outlive young
 * collections (bench row 9), 1,000 costs no time there.
 */
export const FRESH_BATCH_MESSAGES = 1_000

/**
 * Inside one long conversation whose documents the import builds from its records, a batch closes
 * once it holds this many times `FRESH_BATCH_MESSAGES` (20,000: five segments), so what was built
 * is let go once stored. Importing a records-only 100,000-message file then peaked at 139–150 MiB of
 * JS memory and 202–206 MiB of renderers' RSS, from 177–225 and 267–293 MiB as one document. Not one
 * transaction per segment: each costs about 0.1 s beyond its writes in Chromium, whatever its
 * durability (100,000 messages written in 25 transactions took 4.7–5.4 s, in 5 2.9–3.2 s, in one
 * 1.7–3.2 s, at load 11).
 */
const LONG_BATCH_FACTOR = 20

/**
 * Stores a session as the new space `spaceId` in `db`, a database no space list names yet, a batch
 * of whole documents per transaction (a long conversation's segments, `segmentSize` messages each,
 * may go in several): each batch's documents are built, stored, and let go.
 * The conversations come from `contents` (read again from the source, one at a time, so only a
 * batch is ever held) or, when it is null, from `data`, each taken out of `data.conversations` as
 * it is stored (its entry keeps id, title and times). So an import never holds every document at
 * once. The space document goes first (as in one transaction, its update precedes the
 * conversations'), `extras` last.
 *
 * It is still all or nothing for the person: the space is registered only after this resolves, and
 * a caller that sees it reject deletes `db`; a source that reads differently the second time
 * rejects with `SourceReadError`. Resolves with what was stored, which `extras` is also given for
 * the last transaction (the import's report row says it).
 */
export async function writeFreshSpace(
  db: SpaceDb,
  spaceId: string,
  data: SessionData,
  contents: ConversationContents | null,
  exactLogs: ReadonlySet<string>,
  extras: (counts: WrittenCounts) => CommitExtras,
  report: ReportProgress,
  batchMessages = FRESH_BATCH_MESSAGES,
  segmentSize = SEGMENT_SIZE,
): Promise<WrittenCounts> {
  const ids = new Set<string>()
  const space = freshSpacePlan(spaceId, data)
  if (space) await commitUpdates(db, [space], undefined, NEW)
  const memoryWritten = space ? countsOf([space]).memoryWritten : 0
  const total = data.conversations.length
  let batch: DocPlan[] = []
  let inBatch = 0
  let read = 0
  const flush = async (): Promise<void> => {
    if (batch.length > 0) await commitUpdates(db, batch, undefined, NEW)
    batch = []
    inBatch = 0
    report({ operation: 'import', phase: 'Writing conversations', done: read, total })
  }
  for (const c of (contents ?? heldContents(data))()) {
    if (!c.ok) throw new SourceReadError(c)
    read++
    // A long conversation whose documents are built here goes in several transactions, so what is
    // built is let go; states kept as the file has them are held anyway, and go in one.
    const built = !keepsStates(c.value, exactLogs)
    for (const plan of freshConversationPlans(c.value, exactLogs, segmentSize)) {
      for (const m of plan.rows.messages) ids.add(m.id)
      batch.push(plan)
      inBatch += plan.rows.messages.length
      if (built && inBatch >= LONG_BATCH_FACTOR * batchMessages) await flush()
    }
    if (inBatch >= batchMessages) await flush()
  }
  await flush()
  const counts = { messagesAdded: ids.size, memoryWritten }
  await commitUpdates(db, [], extras(counts))
  return counts
}
