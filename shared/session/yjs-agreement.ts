import { CURRENT_SCHEMA_VERSION, type Message } from '../schema/current'
import { loadMessage } from '../schema/migrate'
import { sameData } from './same-data'
import type { ProblemList } from './problems'
import type { SessionData } from './session-data'
import { CONVERSATION_ROOTS, SPACE_ROOTS, checkHiddenContent, nestingProblem } from './yjs-hidden'
import { docSchemaVersion, messagesOf } from '../docs'
import { conversationEntryOf, docFromState, readSpaceDoc } from './yjs-docs'
import { appendAll } from '../append-all'
import { META_MAP, MESSAGES_ARRAY } from '../docs/layout'
import { simpleLogRecords } from './yjs-simple-log'

/**
 * A file's Yjs states are what an import applies; its records are what a person (and the CLI)
 * reads. This checks they say the same thing: the memory items and conversation entries of
 * `yjs.space`, and the messages of each conversation's `yjs`, compared after migration. Records
 * that fail validation inside a document are not compared (they travel in `quarantine`).
 * Returns the ids of the conversations whose document holds exactly their messages, record for
 * record (no migration, nothing unreadable): an import can store those states as they are.
 */
export function checkYjsAgreement(data: SessionData, problems: ProblemList): Set<string> {
  const exact = new Set<string>()
  if (data.yjs) {
    const doc = docFromState(data.yjs.space, 'yjs.space')
    if (!doc.ok) {
      for (const p of doc.problems) problems.add(p.path, p.message)
    } else {
      checkHiddenContent(doc.value, 'yjs.space', SPACE_ROOTS, problems)
      const content = readSpaceDoc(doc.value)
      doc.value.destroy()
      if (content.schemaVersion !== null && content.schemaVersion > CURRENT_SCHEMA_VERSION) {
        problems.add(
          'yjs.space',
          `the space document was written by a newer Keepsake (schema v${content.schemaVersion})`,
        )
      }
      data.memory.forEach((item, i) => {
        const inDoc = content.memory.get(item.id)
        if (!inDoc) problems.add(`memory[${i}]`, 'is not in the space document (yjs.space)')
        else if (!sameData(inDoc, item))
          problems.add(
            `memory[${i}]`,
            'differs from the same item in the space document (yjs.space)',
          )
      })
      const listed = new Set(data.memory.map((m) => m.id))
      for (const id of content.memory.keys()) {
        if (!listed.has(id))
          problems.add('memory', `the item "${id}" of the space document (yjs.space) is missing`)
      }
      data.conversations.forEach((c, i) => {
        const entry = content.conversations.get(c.id)
        if (!entry) problems.add(`conversations[${i}]`, 'is not in the space document (yjs.space)')
        else if (!sameData(entry, { ...entry, ...conversationEntryOf(c) }))
          problems.add(
            `conversations[${i}]`,
            'differs from its entry in the space document (yjs.space)',
          )
      })
      const conversationIds = new Set(data.conversations.map((c) => c.id))
      for (const id of content.conversations.keys()) {
        if (!conversationIds.has(id))
          problems.add(
            'conversations',
            `the conversation "${id}" of the space document (yjs.space) is missing`,
          )
      }
    }
  }
  data.conversations.forEach((c, i) => {
    if (!c.yjs || problems.full) return
    const path = `conversations[${i}].yjs`
    // Its own document, then each segment: together they hold the log, in order.
    const parts = [
      { state: c.yjs, path, count: null as number | null },
      ...(c.segments ?? []).map((s, k) => ({
        state: s.yjs,
        path: `conversations[${i}].segments[${k}].yjs`,
        count: s.count as number | null,
      })),
    ]
    if (parts.length === 1) {
      const streamed = compareStreamed(c.yjs, c.messages, path, problems)
      if (streamed !== null) {
        if (streamed === 'exact') exact.add(c.id)
        else if (streamed !== 'agrees' && streamed !== 'problems')
          problems.add(
            streamed.at === null ? path : `conversations[${i}].messages[${streamed.at}]`,
            streamed.message(path),
          )
        return
      }
    }
    const raw: unknown[] = []
    for (const part of parts) {
      const records = documentRecords(part.state, part.path, problems)
      if (records === null) return
      // A record that does not load as a message (quarantined where it was stored) is not listed.
      const held =
        part.count === null || records.length === part.count ? records.length : listable(records)
      if (part.count !== null && held !== part.count) {
        problems.add(part.path, `holds ${held} messages, not the ${part.count} it lists`)
        return
      }
      appendAll(raw, records)
    }
    const compared = compareLog(raw, c.messages)
    if (compared === 'exact') exact.add(c.id)
    else if (compared !== 'agrees')
      problems.add(
        compared.at === null ? path : `conversations[${i}].messages[${compared.at}]`,
        compared.message(path),
      )
  })
  return exact
}

type Comparison = ReturnType<typeof compareLog>

const newerConversation = (version: number): string =>
  `the conversation document was written by a newer Keepsake (schema v${version})`

/**
 * `compareLog` over a conversation document's records read straight from its state, one at a time
 * (`simpleLogRecords`), with the checks `documentRecords` makes: values nested too deep (added as
 * problems beside the comparison), a newer schema (added, and `problems` instead of a comparison,
 * as a newer document's records are not compared); null when the state is not of the simple shape,
 * so the caller builds the document instead.
 */
function compareStreamed(
  state: Uint8Array,
  messages: readonly Message[],
  path: string,
  problems: ProblemList,
): Comparison | 'problems' | null {
  const meta = new Map<string, unknown>()
  const found: string[] = []
  let index = 0
  const records = (function* () {
    for (const record of simpleLogRecords(state, meta)) {
      const problem = nestingProblem(() => `${MESSAGES_ARRAY}["${index}"]`, record)
      if (problem !== null) found.push(problem)
      index++
      yield record
    }
  })()
  let compared: Comparison
  try {
    // Handed over without `return`, so a comparison that stops early does not close the reading:
    // it reads the rest after, as the shape is known only at the end.
    compared = compareLog({ [Symbol.iterator]: () => ({ next: () => records.next() }) }, messages)
    for (let next = records.next(); !next.done; next = records.next());
  } catch {
    // Not the simple shape, or not a valid state: building the document reads it, or says why not.
    return null
  }
  for (const [key, value] of meta) {
    const problem = nestingProblem(() => `${META_MAP}["${key}"]`, value)
    if (problem !== null) found.push(problem)
  }
  for (const message of found) problems.add(path, message)
  const version = meta.get('schemaVersion')
  if (typeof version === 'number' && version > CURRENT_SCHEMA_VERSION) {
    problems.add(path, newerConversation(version))
    return 'problems'
  }
  return compared
}

/**
 * Walks a conversation document's stored records beside the file's messages. A record equal to
 * the next message (the common case) needs no schema check; any other record must either fail to
 * load (it is unreadable, travels in quarantine, and is not compared) or load to that message.
 * `exact` when every record equals its message; `agrees` when they agree after migration.
 */
function compareLog(
  raw: Iterable<unknown>,
  messages: readonly Message[],
): 'exact' | 'agrees' | { at: number | null; message: (path: string) => string } {
  let k = 0
  let exact = true
  for (const record of raw) {
    const next = messages[k]
    if (next !== undefined && sameData(record, next)) {
      k++
      continue
    }
    exact = false
    const loaded = loadMessage(record)
    if (!loaded.ok || loaded.value.type !== 'current') continue
    if (next === undefined)
      return {
        at: null,
        message: () => `holds more messages than the file lists (${messages.length})`,
      }
    if (!sameData(loaded.value.value, next))
      return {
        at: k,
        message: (path) => `differs from message ${k} of the conversation document (${path})`,
      }
    k++
  }
  if (k < messages.length)
    return { at: null, message: () => `holds ${k} messages but the file lists ${messages.length}` }
  return exact ? 'exact' : 'agrees'
}

/**
 * The message records a conversation document's state holds (its own or a segment's), checked for
 * hidden content and for a newer schema; null, with the problem added, when it cannot be read.
 */
function documentRecords(state: Uint8Array, path: string, problems: ProblemList): unknown[] | null {
  const doc = docFromState(state, path)
  if (!doc.ok) {
    for (const p of doc.problems) problems.add(p.path, p.message)
    return null
  }
  checkHiddenContent(doc.value, path, CONVERSATION_ROOTS, problems)
  const records = messagesOf(doc.value).toArray()
  const version = docSchemaVersion(doc.value)
  doc.value.destroy()
  if (version !== null && version > CURRENT_SCHEMA_VERSION) {
    problems.add(path, newerConversation(version))
    return null
  }
  return records
}

/** How many of a document's records load as messages of this build (what a session lists). */
const listable = (records: readonly unknown[]): number =>
  records.filter((record) => {
    const loaded = loadMessage(record)
    return loaded.ok && loaded.value.type === 'current'
  }).length
