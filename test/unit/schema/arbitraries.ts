import fc from 'fast-check'
import type {
  MemoryItem,
  Message,
  ConversationEntry,
  SpaceSnapshot,
} from '../../../shared/schema/current'
import type { MemoryItemV1 } from '../../../shared/schema/v1'
import { protoKeyPath } from '../../../shared/schema/migrate'

/** Arbitraries for valid stored records, for property tests of migration and round trips. */
export const isoDate = fc
  .date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2100-01-01T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString())
const id = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s !== '__proto__')
const text = fc.string({ maxLength: 40 })
const nullable = <T>(a: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(a, { nil: null })

const itemBase = {
  schemaVersion: fc.constant(2 as const),
  id,
  text,
  category: text,
  createdAt: isoDate,
  confirmedAt: isoDate,
  source: nullable(fc.record({ conversationId: nullable(id), messageId: fc.string() })),
  validFrom: isoDate,
  validTo: nullable(isoDate),
  status: fc.constantFrom('active' as const, 'superseded' as const, 'retracted' as const),
  supersedes: nullable(id),
  supersededBy: nullable(id),
  retractedAt: nullable(isoDate),
  retractedBy: nullable(text),
}

/** Any valid v2 memory item. */
export const memoryItemV2: fc.Arbitrary<MemoryItem> = fc.oneof(
  fc.record({ ...itemBase, kind: fc.constant('fact' as const) }),
  fc.record({ ...itemBase, kind: fc.constant('preference' as const), key: text, value: text }),
  fc.record({
    ...itemBase,
    kind: fc.constant('task' as const),
    taskStatus: fc.constantFrom('in_progress' as const, 'blocked' as const, 'done' as const),
    lastAction: text,
  }),
  fc.record({ ...itemBase, kind: fc.constant('issue' as const), resolvedAt: nullable(isoDate) }),
)

const v1Base = { schemaVersion: fc.constant(1 as const), id }

/** Any valid v1 memory item. */
export const memoryItemV1: fc.Arbitrary<MemoryItemV1> = fc.oneof(
  fc.record({
    ...v1Base,
    kind: fc.constant('fact' as const),
    text,
    confirmedAt: isoDate,
    sourceMessageId: fc.string(),
  }),
  fc.record({
    ...v1Base,
    kind: fc.constant('preference' as const),
    key: text,
    value: text,
    confirmedAt: isoDate,
    sourceMessageId: fc.string(),
  }),
  fc.record({
    ...v1Base,
    kind: fc.constant('task' as const),
    description: text,
    status: fc.constantFrom('in_progress' as const, 'done' as const),
    lastAction: text,
    updatedAt: isoDate,
  }),
  fc.record({ ...v1Base, kind: fc.constant('issue' as const), text, openedAt: isoDate }),
)

export const messageV2: fc.Arbitrary<Message> = fc.record({
  schemaVersion: fc.constant(2 as const),
  id,
  role: fc.constantFrom('user' as const, 'assistant' as const, 'system' as const),
  text,
  createdAt: isoDate,
  deviceId: fc.string(),
  speaker: nullable(text),
  replyTo: nullable(id),
  error: nullable(fc.record({ code: fc.string(), message: text })),
})

export const conversationEntryV2: fc.Arbitrary<ConversationEntry> = fc.record({
  schemaVersion: fc.constant(2 as const),
  id,
  title: text,
  createdAt: isoDate,
  updatedAt: isoDate,
  deletedAt: nullable(isoDate),
})

/** Any JSON value as a stored record holds it: through JSON once (no -0), and no `__proto__` keys (refused on load, see migrate.test.ts). */
const storedJson = fc
  .jsonValue({ maxDepth: 3 })
  .map((v) => JSON.parse(JSON.stringify(v)) as unknown)
  .filter((v) => protoKeyPath(v) === null)

/** Keys no version of a record uses, with any JSON value: what a newer build might add. */
export const unknownKeys = (known: readonly string[]): fc.Arbitrary<Record<string, unknown>> =>
  fc.dictionary(
    fc
      .string({ minLength: 1, maxLength: 10 })
      .filter((k) => !known.includes(k) && k !== '__proto__'),
    storedJson,
    { maxKeys: 4 },
  )

export const ITEM_KEYS = [
  ...Object.keys(itemBase),
  'kind',
  'key',
  'value',
  'taskStatus',
  'lastAction',
  'resolvedAt',
  // v1 names, so an unknown key never collides with a field a migration reads.
  'description',
  'status',
  'updatedAt',
  'openedAt',
  'sourceMessageId',
]

/** A valid item with extra keys a newer build wrote. */
export const itemWithUnknownKeys: fc.Arbitrary<{
  item: MemoryItem
  extra: Record<string, unknown>
}> = fc.tuple(memoryItemV2, unknownKeys(ITEM_KEYS)).map(([item, extra]) => ({
  item: { ...extra, ...item },
  extra,
}))

const byId = <T extends { id: string }>(list: T[]): Record<string, T> =>
  Object.fromEntries(list.map((x) => [x.id, x]))

/** A whole valid v2 space, as stored. */
export const spaceSnapshotV2: fc.Arbitrary<SpaceSnapshot> = fc
  .record({
    meta: fc.record({
      schemaVersion: fc.constant(2),
      kind: fc.constant('space' as const),
      id,
      createdAt: isoDate,
      name: text,
    }),
    memory: fc.uniqueArray(
      itemWithUnknownKeys.map((x) => x.item),
      {
        selector: (i) => i.id,
        maxLength: 8,
      },
    ),
    conversations: fc.uniqueArray(conversationEntryV2, { selector: (c) => c.id, maxLength: 4 }),
    messages: fc.array(fc.array(messageV2, { maxLength: 5 }), { minLength: 4, maxLength: 4 }),
  })
  .map(({ meta, memory, conversations, messages }) => ({
    meta,
    memory: byId(memory),
    conversations: byId(conversations),
    conversationDocs: Object.fromEntries(
      conversations.map((c, i) => [
        c.id,
        {
          meta: {
            schemaVersion: 2,
            kind: 'conversation' as const,
            id: c.id,
            createdAt: c.createdAt,
          },
          messages: messages[i] ?? [],
        },
      ]),
    ),
  }))
