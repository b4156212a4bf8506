import * as Y from 'yjs'
import type { SessionData } from '../../../shared/session/session-data'
import {
  META_MAP,
  addMissingMessages,
  addSpaceContent,
  writeSpaceMeta,
} from '../../../shared/session/yjs-docs'
import { projectMemory, projectMessages } from '../docs/projectors'
import { SPACE_DOC_ID, conversationDocId } from '../space/space'
import { adoptedPlan, planDoc, type DocPlan } from './doc-plan'

/** The live documents a merge goes into: the space document and each conversation the file holds. */
export interface MergeTargets {
  space: Y.Doc
  conversations: ReadonlyMap<string, Y.Doc>
}

/**
 * Plans merging a session into live documents. With Yjs state this is a CRDT merge: the file's
 * updates are applied, so what the space already has (the same file imported before, or the space
 * it came from) is not added twice. Without it, items, entries and messages are added by id. The
 * space's own meta (id, name, creation time) is kept.
 */
export function mergePlans(
  targets: MergeTargets,
  data: SessionData,
  exactLogs: ReadonlySet<string>,
): DocPlan[] {
  const plans: DocPlan[] = []
  const space = planDoc(SPACE_DOC_ID, targets.space, projectMemory, (scratch) => {
    const meta = scratch.getMap<unknown>(META_MAP)
    const own = new Map(meta.entries())
    if (data.yjs) Y.applyUpdate(scratch, data.yjs.space)
    addSpaceContent(scratch, data)
    scratch.transact(() => {
      for (const [key, value] of own) if (meta.get(key) !== value) meta.set(key, value)
    })
  })
  if (space) plans.push(space)
  for (const c of data.conversations) {
    const base = targets.conversations.get(c.id) ?? null
    const plan =
      c.yjs && exactLogs.has(c.id) && (base === null || isEmpty(base))
        ? adoptedPlan(conversationDocId(c.id), c.id, c.yjs, c.messages)
        : planDoc(conversationDocId(c.id), base, projectMessages(c.id), (scratch) => {
            if (c.yjs) Y.applyUpdate(scratch, c.yjs)
            else addMissingMessages(scratch, c.id, c.messages)
          })
    if (plan) plans.push(plan)
  }
  return plans
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
  const space = planDoc(SPACE_DOC_ID, null, projectMemory, (scratch) => {
    if (data.yjs) Y.applyUpdate(scratch, data.yjs.space)
    addSpaceContent(scratch, data)
    writeSpaceMeta(scratch, { ...data.space, id: spaceId })
  })
  if (space) plans.push(space)
  for (const c of data.conversations) {
    const plan =
      c.yjs && exactLogs.has(c.id)
        ? adoptedPlan(conversationDocId(c.id), c.id, c.yjs, c.messages)
        : planDoc(conversationDocId(c.id), null, projectMessages(c.id), (scratch) => {
            if (c.yjs) Y.applyUpdate(scratch, c.yjs)
            else addMissingMessages(scratch, c.id, c.messages)
          })
    if (plan) plans.push(plan)
  }
  return plans
}
