import * as Y from 'yjs'
import { err, ok, type Result } from '../../../shared/errors'
import type { SessionConversation, SessionData } from '../../../shared/session/session-data'
import {
  SPACE_DOC_ID,
  conversationDocId,
  metaMap,
  segmentDocId,
  writeSpaceMeta,
} from '../../../shared/docs'
import { addMissingMessages, addSpaceContent } from '../../../shared/session/yjs-docs'
import { projectMemory, projectMessages } from '../docs/projectors'
import { applyAddingOnly, describeRemovals, type Removals } from './apply-adding-only'
import { adoptedPlan, planDoc, type DocPlan } from './doc-plan'
import { appendAll } from '../../../shared/append-all'
import { claimSegment, sealSegment } from '../docs/segment-meta'
import { SEGMENT_SIZE } from '../docs/segment-writes'
import { segmentCuts } from './segment-cuts'

/** The live documents a merge goes into: the space document and each conversation the file holds. */
export interface MergeTargets {
  space: Y.Doc
  conversations: ReadonlyMap<string, Y.Doc>
  /** Per conversation, the ids of the messages its segments hold (not in its own document). */
  inSegments?: ReadonlyMap<string, ReadonlySet<string>>
}

/**
 * Plans merging a session into live documents. With Yjs state this is a CRDT merge: the file's
 * updates are applied, so what the space already has (the same file imported before, or the space
 * it came from) is not added twice. Without it, items, entries and messages are added by id. The
 * documents' own meta (id, name, creation time, schema version) is kept.
 *
 * A merge only adds: a file whose Yjs state would delete or overwrite anything here (a crafted file
 * can carry deletions of items it never made, or win a map entry with a higher client id) is refused
 * with what it would have removed, and nothing is imported.
 */
export function mergePlans(
  targets: MergeTargets,
  data: SessionData,
  exactLogs: ReadonlySet<string>,
): Result<DocPlan[]> {
  const plans: DocPlan[] = []
  const refusals: string[] = []
  const applyFile = (scratch: Y.Doc, update: Uint8Array, where: string): void => {
    const removed: Removals | null = keepingMeta(scratch, () => applyAddingOnly(scratch, update))
    if (removed) refusals.push(describeRemovals(removed, where))
  }
  const space = planDoc(SPACE_DOC_ID, targets.space, projectMemory, (scratch) => {
    if (data.yjs) applyFile(scratch, data.yjs.space, 'this space')
    addSpaceContent(scratch, data)
  })
  if (space) plans.push(space)
  for (const c of data.conversations) {
    const base = targets.conversations.get(c.id) ?? null
    const segmented = (c.segments?.length ?? 0) > 0
    const nothingHere = (base === null || isEmpty(base)) && !targets.inSegments?.has(c.id)
    if (c.yjs && exactLogs.has(c.id) && nothingHere) {
      appendAll(plans, adoptedPlans(c, c.yjs))
      continue
    }
    // A conversation in segments merges by its records: what this space lacks of them is added.
    const plan = planDoc(conversationDocId(c.id), base, projectMessages(c.id), (scratch) => {
      if (c.yjs && !segmented) applyFile(scratch, c.yjs, `the conversation "${c.title}"`)
      else addMissingMessages(scratch, c.id, c.messages, targets.inSegments?.get(c.id))
    })
    if (plan) plans.push(plan)
  }
  if (refusals.length > 0) {
    return err(
      'file-invalid',
      `A merge only adds, and this file would delete or overwrite what is here (${refusals.join('; ')}). Nothing was imported; import it as a new space to look at it.`,
    )
  }
  return ok(plans)
}

/** Runs `change` and puts back any meta value of the document it replaced. */
function keepingMeta<T>(doc: Y.Doc, change: () => T): T {
  const meta = metaMap(doc)
  const own = new Map(meta.entries())
  const result = change()
  doc.transact(() => {
    for (const [key, value] of own) if (meta.get(key) !== value) meta.set(key, value)
  })
  return result
}

/** A document nothing was ever written to. */
const isEmpty = (doc: Y.Doc): boolean => doc.store.clients.size === 0

/**
 * Plans a new space made from a session, under the id `spaceId`. The file's Yjs state is kept
 * when it has one (so the new space can later merge with the one it came from); the space meta
 * names the new space.
 */
export function freshPlans(
  spaceId: string,
  data: SessionData,
  exactLogs: ReadonlySet<string>,
): DocPlan[] {
  const plans: DocPlan[] = []
  const space = freshSpacePlan(spaceId, data)
  if (space) plans.push(space)
  for (const c of data.conversations) appendAll(plans, freshConversationPlans(c, exactLogs))
  return plans
}

/** The new space's document (see `freshPlans`): memory, conversation entries and meta. */
export function freshSpacePlan(spaceId: string, data: SessionData): DocPlan | null {
  return planDoc(SPACE_DOC_ID, null, projectMemory, (scratch) => {
    if (data.yjs) Y.applyUpdate(scratch, data.yjs.space)
    addSpaceContent(scratch, data)
    writeSpaceMeta(scratch, { ...data.space, id: spaceId })
  })
}

/**
 * Whether a new space stores a conversation's states as the file has them (they hold exactly its
 * messages), rather than building its documents from the records.
 */
export const keepsStates = (c: SessionConversation, exactLogs: ReadonlySet<string>): boolean =>
  c.yjs !== null && exactLogs.has(c.id)

/**
 * One conversation's documents in a new space (see `freshPlans`), one at a time so a caller can store
 * each before the next is built: its own, and each segment the file carries, their states stored as
 * they are when they hold exactly the file's messages. A conversation built from its records (a file
 * from elsewhere, or records migrated since the states were written) is laid out in segments of
 * `segmentSize` messages (`segmentCuts`), as this device's appends would have written it; one whose
 * whole state must be kept (a file's one state that no longer matches its records) stays one
 * document.
 */
export function* freshConversationPlans(
  c: SessionConversation,
  exactLogs: ReadonlySet<string>,
  segmentSize = SEGMENT_SIZE,
): Generator<DocPlan> {
  if (keepsStates(c, exactLogs) && c.yjs) {
    yield* adoptedPlans(c, c.yjs)
    return
  }
  if (c.yjs && !c.segments?.length) {
    const state = c.yjs
    const plan = planDoc(conversationDocId(c.id), null, projectMessages(c.id), (scratch) =>
      Y.applyUpdate(scratch, state),
    )
    if (plan) yield plan
    return
  }
  const cuts = segmentCuts(c.messages, segmentSize)
  for (const [i, start] of cuts.entries()) {
    const end = cuts[i + 1]
    const part = c.messages.slice(start, end)
    const docId = i === 0 ? conversationDocId(c.id) : segmentDocId(c.id, i - 1)
    const plan = planDoc(docId, null, projectMessages(c.id), (scratch) => {
      addMissingMessages(scratch, c.id, part)
      if (i === 0) return
      claimSegment(scratch, i - 1)
      // Full segments before the newest are sealed, as the append that started the next seals them.
      if (end !== undefined) sealSegment(scratch)
    })
    if (plan) yield plan
  }
}

/**
 * The adopted plans of a conversation's own document and its segments, each with its messages, one
 * at a time (a caller may store each before the next one's rows are made).
 */
function* adoptedPlans(c: SessionConversation, own: Uint8Array): Generator<DocPlan> {
  const segments = c.segments ?? []
  const inSegments = segments.reduce((sum, s) => sum + s.count, 0)
  let at = c.messages.length - inSegments
  yield adoptedPlan(conversationDocId(c.id), c.id, own, c.messages.slice(0, at))
  for (const s of segments) {
    yield adoptedPlan(segmentDocId(c.id, s.n), c.id, s.yjs, c.messages.slice(at, at + s.count))
    at += s.count
  }
}
