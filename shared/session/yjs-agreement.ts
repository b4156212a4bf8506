import { canonicalJson } from './canonical-json'
import { CURRENT_SCHEMA_VERSION } from '../schema/current'
import type { ProblemList } from './problems'
import type { SessionData } from './session-data'
import {
  conversationEntryOf,
  docFromState,
  docSchemaVersion,
  readMessages,
  readSpaceDoc,
} from './yjs-docs'

/**
 * A file's Yjs states are what an import applies; its records are what a person (and the CLI)
 * reads. This checks they say the same thing: the memory items and conversation entries of
 * `yjs.space`, and the messages of each conversation's `yjs`, compared after migration. Records
 * that fail validation inside a document are not compared (they travel in `quarantine`).
 */
export function checkYjsAgreement(data: SessionData, problems: ProblemList): void {
  if (data.yjs) {
    const doc = docFromState(data.yjs.space, 'yjs.space')
    if (!doc.ok) {
      for (const p of doc.problems) problems.add(p.path, p.message)
    } else {
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
        else if (canonicalJson(inDoc) !== canonicalJson(item))
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
        else if (canonicalJson(entry) !== canonicalJson({ ...entry, ...conversationEntryOf(c) }))
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
    const doc = docFromState(c.yjs, path)
    if (!doc.ok) {
      for (const p of doc.problems) problems.add(p.path, p.message)
      return
    }
    const inDoc = readMessages(doc.value)
    const version = docSchemaVersion(doc.value)
    doc.value.destroy()
    if (version !== null && version > CURRENT_SCHEMA_VERSION) {
      problems.add(
        path,
        `the conversation document was written by a newer Keepsake (schema v${version})`,
      )
      return
    }
    if (inDoc.length !== c.messages.length) {
      problems.add(path, `holds ${inDoc.length} messages but the file lists ${c.messages.length}`)
      return
    }
    const at = c.messages.findIndex((m, j) => canonicalJson(m) !== canonicalJson(inDoc[j]))
    if (at >= 0)
      problems.add(
        `conversations[${i}].messages[${at}]`,
        `differs from message ${at} of the conversation document (${path})`,
      )
  })
}
