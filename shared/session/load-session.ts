import type { AppError } from '../errors'
import { CURRENT_SCHEMA_VERSION, type MemoryItem, type Message } from '../schema/current'
import { loadMemoryItem, loadMessage, type Loaded } from '../schema/migrate'
import type { Result } from '../errors'
import { migrateEnvelope } from './migrate-envelope'
import { ProblemList, failed, passed, type Checked } from './problems'
import type { SessionConversation, SessionData, SessionSegment } from './session-data'
import { checkYjsAgreement } from './yjs-agreement'

/** A file's session, migrated, and what it was before: for `inspect`, `migrate` and import notes. */
export interface LoadedSession {
  data: SessionData
  /** The format and schema versions the file was written with. */
  formatVersion: number
  schemaVersion: number
  /** How many records were read through a schema migration. */
  migratedRecords: number
  /**
   * Conversations whose Yjs state holds exactly their messages, record for record, so an import
   * can store the state as it is and take the read model from the messages.
   */
  exactLogs: ReadonlySet<string>
}

/**
 * Validates and migrates a decoded session file (the value `decodeSessionBytes` returns): the
 * envelope through the format chain, then every memory item and message through the memory
 * model's chain (`shared/schema/migrate.ts`), then the Yjs states against the records they must
 * agree with. Nothing is imported until this passes; every problem names its path.
 */
export function loadSession(raw: unknown, maxRecords?: number): Checked<LoadedSession> {
  const framed = migrateEnvelope(raw, maxRecords)
  if (!framed.ok) return framed
  const { envelope, formatVersion } = framed.value
  if (envelope.schemaVersion > CURRENT_SCHEMA_VERSION) {
    return failed(
      'unsupported-version',
      'schemaVersion',
      `the file was written by a newer Keepsake (schema v${envelope.schemaVersion}); this build reads up to schema v${CURRENT_SCHEMA_VERSION}. Update Keepsake to open it.`,
    )
  }
  const problems = new ProblemList()
  let migrated = 0
  const read = <T>(
    raw: unknown,
    path: string,
    load: (r: unknown) => Result<Loaded<T>>,
  ): T | null => {
    if (containsBytes(raw)) {
      problems.add(path, 'binary data is not allowed in a record')
      return null
    }
    const loaded = load(raw)
    if (!loaded.ok) {
      const p = recordProblem(path, loaded.error)
      problems.add(p.path, p.message)
      return null
    }
    if (loaded.value.type === 'future') {
      problems.add(
        `${path}.schemaVersion`,
        `written by a newer Keepsake (schema v${loaded.value.schemaVersion}); this build reads up to schema v${CURRENT_SCHEMA_VERSION}`,
      )
      return null
    }
    if (loaded.value.migratedFrom !== null) migrated++
    return loaded.value.value
  }

  const memory: MemoryItem[] = []
  const memoryIds = new Map<string, number>()
  envelope.memory.forEach((raw, i) => {
    const item = read(raw, `memory[${i}]`, loadMemoryItem)
    if (!item) return
    const first = memoryIds.get(item.id)
    if (first !== undefined)
      problems.add(`memory[${i}].id`, `"${item.id}" is already used by memory[${first}]`)
    memoryIds.set(item.id, i)
    memory.push(item)
  })

  const conversationIds = new Map<string, number>()
  const messageIds = new Map<string, string>()
  const conversations: SessionConversation[] = envelope.conversations.map((c, ci) => {
    const first = conversationIds.get(c.id)
    if (first !== undefined)
      problems.add(
        `conversations[${ci}].id`,
        `"${c.id}" is already used by conversations[${first}]`,
      )
    conversationIds.set(c.id, ci)
    const messages: Message[] = []
    c.messages.forEach((raw, mi) => {
      const path = `conversations[${ci}].messages[${mi}]`
      const message = read(raw, path, loadMessage)
      if (!message) return
      const seen = messageIds.get(message.id)
      if (seen !== undefined)
        problems.add(`${path}.id`, `"${message.id}" is already used by ${seen}`)
      messageIds.set(message.id, path)
      messages.push(message)
    })
    return {
      id: c.id,
      title: c.title,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
      deletedAt: c.deletedAt,
      messages,
      yjs: c.yjs ?? null,
      ...(c.segments ? { segments: checkedSegments(c, `conversations[${ci}]`, problems) } : {}),
    }
  })

  if (envelope.scope === 'conversation') {
    if (envelope.conversations.length !== 1)
      problems.add(
        'conversations',
        `a one-conversation export holds exactly one conversation, not ${envelope.conversations.length}`,
      )
    if (envelope.yjs) problems.add('yjs', 'a one-conversation export carries no space document')
  }

  const data: SessionData = {
    exportedAt: envelope.exportedAt,
    app: envelope.app,
    scope: envelope.scope,
    space: envelope.space,
    memory,
    quarantine: envelope.quarantine,
    conversations,
    yjs: envelope.yjs ? { space: envelope.yjs.space } : null,
  }
  const exactLogs = problems.empty ? checkYjsAgreement(data, problems) : new Set<string>()
  if (!problems.empty) return { ok: false, code: 'file-invalid', problems: problems.problems }
  return passed({
    data,
    formatVersion,
    schemaVersion: envelope.schemaVersion,
    migratedRecords: migrated,
    exactLogs,
  })
}

/** A record's load error as a problem under `prefix`: `conversations[3].messages[17].createdAt: expected an ISO date`. */
function recordProblem(prefix: string, error: AppError): { path: string; message: string } {
  const inner = error.path !== undefined && error.path !== '(root)' ? error.path : ''
  const path =
    inner === '' ? prefix : inner.startsWith('[') ? `${prefix}${inner}` : `${prefix}.${inner}`
  let message = error.message
  const chain = /^as schema v(\d+): /.exec(message)
  if (chain) message = message.slice(chain[0].length)
  const shown = inner === '' ? '(root)' : inner
  if (message.startsWith(`${shown}: `)) message = message.slice(shown.length + 2)
  return { path, message: chain ? `${message} (read as schema v${chain[1]})` : message }
}

function containsBytes(value: unknown): boolean {
  if (value instanceof Uint8Array) return true
  if (typeof value !== 'object' || value === null) return false
  if (Array.isArray(value)) {
    for (const v of value) if (containsBytes(v)) return true
    return false
  }
  // Every record of an import passes through here: walked without copying its values.
  for (const k in value)
    if (
      Object.prototype.hasOwnProperty.call(value, k) &&
      containsBytes((value as Record<string, unknown>)[k])
    )
      return true
  return false
}

/**
 * A conversation's segments as the file lists them, each problem named: numbers in rising order,
 * counts within the log, and the conversation document's own state beside them.
 */
function checkedSegments(
  c: {
    messages: readonly unknown[]
    yjs?: Uint8Array | null
    segments?: readonly SessionSegment[]
  },
  path: string,
  problems: ProblemList,
): SessionSegment[] {
  const segments = c.segments ?? []
  if (segments.length > 0 && !c.yjs)
    problems.add(`${path}.yjs`, "a conversation with segments carries its own document's state too")
  let counted = 0
  segments.forEach((s, i) => {
    const previous = segments[i - 1]
    if (previous !== undefined && s.n <= previous.n)
      problems.add(`${path}.segments[${i}].n`, `segment ${s.n} comes after segment ${previous.n}`)
    counted += s.count
  })
  if (counted > c.messages.length)
    problems.add(
      `${path}.segments`,
      `the segments hold ${counted} messages but the conversation lists ${c.messages.length}`,
    )
  return segments.map((s) => ({ n: s.n, count: s.count, yjs: s.yjs }))
}
