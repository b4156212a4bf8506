import { conversationsMap, memoryMap, messagesOf } from '../../../shared/docs'
import { LOAD_ORIGIN, type Projector } from './persisted-doc'
import { answerOrder } from './answer-order'
import { appendAll } from '../../../shared/append-all'

const recordId = (value: unknown): string | null =>
  typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string'
    ? value.id
    : null

const createdAtOf = (value: unknown): string =>
  typeof value === 'object' &&
  value !== null &&
  'createdAt' in value &&
  typeof value.createdAt === 'string'
    ? value.createdAt
    : ''

const textOf = (value: unknown): string =>
  typeof value === 'object' && value !== null && 'text' in value && typeof value.text === 'string'
    ? value.text
    : ''

const replyToOf = (value: unknown): string | null =>
  typeof value === 'object' &&
  value !== null &&
  'replyTo' in value &&
  typeof value.replyTo === 'string'
    ? value.replyTo
    : null

/**
 * Keeps the `messages` read model in step with a conversation document's append-only array. Rows are
 * ordered by `createdAt`, except that an answer sorts directly under the message it answers (after
 * earlier answers to it): a retried or late answer stands under its question, on every device alike.
 */
export const projectMessages =
  (conversationId: string): Projector =>
  (doc, out) => {
    const array = messagesOf(doc)
    array.observe((event) => {
      if (event.transaction.origin === LOAD_ORIGIN) return
      const batch = new Map<string, string>()
      for (const item of event.changes.added) {
        item.content.getContent().forEach((record: unknown, i: number) => {
          // A record without an id still gets a row (under its position in the document), so reading
          // the conversation finds it and quarantines it instead of never seeing it.
          const id = recordId(record) ?? syntheticMessageId(conversationId, item.id, i)
          const createdAt = createdAtOf(record)
          const replyTo = replyToOf(record)
          const question =
            replyTo === null ? null : (batch.get(replyTo) ?? findCreatedAt(array, replyTo))
          batch.set(id, createdAt)
          out().messages.push({
            id,
            conversationId,
            createdAt: answerOrder(question, createdAt),
            record,
          })
        })
      }
      // A message deleted for good (here or on another device): its row goes with it. Observers run
      // before Yjs garbage-collects the deleted content, so the record is still readable here.
      for (const item of event.changes.deleted) {
        item.content.getContent().forEach((record: unknown, i: number) => {
          out().messagesDeleted.push({
            id: recordId(record) ?? syntheticMessageId(conversationId, item.id, i),
            text: textOf(record),
          })
        })
      }
    })
  }

/** How far back from the newest message a question is looked for. */
const QUESTION_REACH = 5000

/** The time of message `id`, searched from the newest back (a question is usually close). */
function findCreatedAt(
  array: { length: number; get(i: number): unknown },
  id: string,
): string | null {
  for (let i = array.length - 1; i >= Math.max(0, array.length - QUESTION_REACH); i--) {
    const record = array.get(i)
    if (recordId(record) === id) return createdAtOf(record)
  }
  return null
}

/**
 * Keeps the `memory` read model in step with the space document's memory map, and notes which
 * conversation entries changed (they have no table of their own; the list is read from the document).
 */
export const projectMemory: Projector = (doc, out) => {
  conversationsMap(doc).observe((event) => {
    if (event.transaction.origin === LOAD_ORIGIN) return
    appendAll(out().conversations, event.keysChanged)
  })
  const map = memoryMap(doc)
  map.observe((event) => {
    if (event.transaction.origin === LOAD_ORIGIN) return
    for (const [key, change] of event.changes.keys) {
      if (change.action === 'delete') out().memoryDelete.push(key)
      else {
        const record = map.get(key)
        const kind =
          typeof record === 'object' &&
          record !== null &&
          'kind' in record &&
          typeof record.kind === 'string'
            ? record.kind
            : 'unknown'
        out().memoryPut.push({ id: key, kind, record })
      }
    }
  })
}

/** A stable id for a message record that has none: its conversation and its position in the document. */
export const syntheticMessageId = (
  conversationId: string,
  item: { client: number; clock: number },
  index: number,
): string => `${conversationId}#${item.client}:${item.clock + index}`
