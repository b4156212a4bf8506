import { z } from 'zod'
import { err, ok, type Result } from '../errors'
import { check, formatPath } from '../validation'
import { MemoryItemV1, MessageV1, type MemoryItemV1 as ItemV1, type MessageV1 as MsgV1 } from './v1'
import { MemoryItemV2, type MemoryItemV2 as ItemV2 } from './v2'
import { CURRENT_SCHEMA_VERSION } from './current'
import { MessageV2Extended, type MessageV2Extended as MsgV2 } from './message-extensions'
import { ConversationEntryV2Extended } from './conversation-extensions'

/** Keys of `obj` that `known` does not list: fields a newer or older build wrote that we carry verbatim. */
function extras(obj: Record<string, unknown>, known: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(obj)) if (!known.includes(k)) out[k] = v
  return out
}

const V1_KNOWN = [
  'schemaVersion',
  'id',
  'kind',
  'text',
  'confirmedAt',
  'sourceMessageId',
  'key',
  'value',
]
const V1_TASK_KNOWN = [
  'schemaVersion',
  'id',
  'kind',
  'description',
  'status',
  'lastAction',
  'updatedAt',
]
const V1_ISSUE_KNOWN = ['schemaVersion', 'id', 'kind', 'text', 'openedAt']

/** v1 → v2 for a memory item. Pure: the same input always gives the same output. Unknown keys ride along. */
export function migrateItemV1toV2(item: ItemV1): ItemV2 {
  const closed = {
    schemaVersion: 2 as const,
    id: item.id,
    validTo: null,
    status: 'active' as const,
    supersedes: null,
    supersededBy: null,
    retractedAt: null,
    retractedBy: null,
  }
  switch (item.kind) {
    case 'fact':
      return {
        ...extras(item, V1_KNOWN),
        ...closed,
        kind: 'fact',
        text: item.text,
        category: 'general',
        createdAt: item.confirmedAt,
        confirmedAt: item.confirmedAt,
        validFrom: item.confirmedAt,
        source: { conversationId: null, messageId: item.sourceMessageId },
      }
    case 'preference':
      return {
        ...extras(item, V1_KNOWN),
        ...closed,
        kind: 'preference',
        key: item.key,
        value: item.value,
        text: `${item.key}: ${item.value}`,
        category: item.key,
        createdAt: item.confirmedAt,
        confirmedAt: item.confirmedAt,
        validFrom: item.confirmedAt,
        source: { conversationId: null, messageId: item.sourceMessageId },
      }
    case 'task':
      return {
        ...extras(item, V1_TASK_KNOWN),
        ...closed,
        kind: 'task',
        text: item.description,
        category: 'task',
        taskStatus: item.status,
        lastAction: item.lastAction,
        createdAt: item.updatedAt,
        confirmedAt: item.updatedAt,
        validFrom: item.updatedAt,
        source: null,
      }
    case 'issue':
      return {
        ...extras(item, V1_ISSUE_KNOWN),
        ...closed,
        kind: 'issue',
        text: item.text,
        category: 'issue',
        createdAt: item.openedAt,
        confirmedAt: item.openedAt,
        validFrom: item.openedAt,
        source: null,
        resolvedAt: null,
      }
  }
}

/** v1 → v2 for a message: adds speaker, replyTo and error, all null. */
export function migrateMessageV1toV2(message: MsgV1): MsgV2 {
  return { ...message, schemaVersion: 2, speaker: null, replyTo: null, error: null }
}

const versionOf = z.looseObject({ schemaVersion: z.number().int() })

/**
 * A record's `schemaVersion`, or the error naming why it has none. Read directly when it is there:
 * a zod parse of this loose shape copies the whole record, once per record of an import.
 */
function schemaVersionOf(raw: unknown): number | Result<never> {
  if (typeof raw === 'object' && raw !== null && !Array.isArray(raw)) {
    const v = (raw as { schemaVersion?: unknown }).schemaVersion
    if (Number.isSafeInteger(v) && Object.prototype.hasOwnProperty.call(raw, 'schemaVersion'))
      return v as number
  }
  const head = check(versionOf, raw)
  return head.ok ? head.value.schemaVersion : head
}

/** What a stored record turned out to be when read. */
export type Loaded<T> =
  | { type: 'current'; value: T; migratedFrom: number | null }
  /** Written by a newer build: kept verbatim, shown read-only, never rewritten. */
  | { type: 'future'; raw: unknown; schemaVersion: number }

type Step = { from: number; schema: z.ZodType; up: (v: never) => unknown }

/**
 * Where an own `__proto__` key sits in `value`, if anywhere. Parsing (and any plain-object copy) drops
 * such a key without a word, so a record holding one is refused loudly instead of losing it.
 * Every record of an import passes through here, so the walk allocates nothing unless it finds one.
 */
export function protoKeyPath(
  value: unknown,
  path: (string | number)[] = [],
): (string | number)[] | null {
  const below = protoKeyBelow(value)
  return below ? [...path, ...below.reverse()] : null
}

/** The path to an own `__proto__` key under `value`, innermost first, or null. */
function protoKeyBelow(value: unknown): (string | number)[] | null {
  if (typeof value !== 'object' || value === null) return null
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = protoKeyBelow(value[i])
      if (found) return (found.push(i), found)
    }
    return null
  }
  if (Object.prototype.hasOwnProperty.call(value, '__proto__')) return ['__proto__']
  for (const k in value) {
    if (!Object.prototype.hasOwnProperty.call(value, k)) continue
    const found = protoKeyBelow((value as Record<string, unknown>)[k])
    if (found) return (found.push(k), found)
  }
  return null
}

function runChain(raw: unknown, steps: Step[], current: z.ZodType): Result<Loaded<never>> {
  const proto = protoKeyPath(raw)
  if (proto) {
    const path = formatPath(proto)
    return err('validation', `${path}: a key named "__proto__" cannot be kept safely`, path)
  }
  const from = schemaVersionOf(raw)
  if (typeof from !== 'number') return from
  if (from > CURRENT_SCHEMA_VERSION) return ok({ type: 'future', raw, schemaVersion: from })
  let value: unknown = raw
  for (const step of steps) {
    if (step.from < from) continue
    const parsed = check(step.schema, value)
    if (!parsed.ok)
      return err(
        'validation',
        `as schema v${step.from}: ${parsed.error.message}`,
        parsed.error.path,
      )
    value = step.up(parsed.value as never)
  }
  const final = check(current, value)
  if (!final.ok) return final
  return ok({
    type: 'current',
    value: final.value as never,
    migratedFrom: from === CURRENT_SCHEMA_VERSION ? null : from,
  })
}

/**
 * Reads a stored memory item of any known version and returns it at the current version.
 * A failure names the path; it is never turned into null. Items from a newer build come back as `future`.
 */
export function loadMemoryItem(raw: unknown): Result<Loaded<ItemV2>> {
  return runChain(raw, [{ from: 1, schema: MemoryItemV1, up: migrateItemV1toV2 }], MemoryItemV2)
}

/** Reads a stored message of any known version and returns it at the current version. */
export function loadMessage(raw: unknown): Result<Loaded<MsgV2>> {
  return runChain(
    raw,
    [{ from: 1, schema: MessageV1, up: migrateMessageV1toV2 }],
    MessageV2Extended,
  )
}

/** Reads a conversation entry of the space document (introduced in v2, so the chain has no steps yet). */
export function loadConversationEntry(raw: unknown): Result<Loaded<ConversationEntryV2Extended>> {
  return runChain(raw, [], ConversationEntryV2Extended)
}
