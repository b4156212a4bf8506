import fc from 'fast-check'
import {
  CURRENT_SCHEMA_VERSION,
  type MemoryItem,
  type Message,
} from '../../../shared/schema/current'
import type { SessionConversation, SessionData } from '../../../shared/session/session-data'
import { toBase64 } from '../../../shared/session/base64'
import { canonicalJson } from './canonical-json'
import { withYjsState } from '../../support/session-yjs'

const iso = fc
  .date({
    min: new Date('2000-01-01T00:00:00Z'),
    max: new Date('2099-12-31T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((d) => d.toISOString())
const text = fc.string({ unit: 'grapheme', maxLength: 30 })
const id = fc.uuid()
const extras = fc.dictionary(
  fc.constantFrom('note', 'origin', 'weight'),
  fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.boolean(), fc.constant(null)),
  { maxKeys: 2 },
)

export const arbMessage: fc.Arbitrary<Message> = fc
  .record({
    id,
    role: fc.constantFrom('user' as const, 'assistant' as const, 'system' as const),
    text,
    createdAt: iso,
    deviceId: fc.string({ maxLength: 8 }),
    speaker: fc.option(text, { nil: null }),
    replyTo: fc.option(id, { nil: null }),
    error: fc.option(
      fc.record({ code: fc.constantFrom('provider-error', 'cancelled'), message: text }),
      { nil: null },
    ),
    extra: extras,
  })
  .map(({ extra, ...m }) => ({ ...extra, ...m, schemaVersion: CURRENT_SCHEMA_VERSION }))

export const arbMemoryItem: fc.Arbitrary<MemoryItem> = fc
  .record({
    id,
    text,
    category: text,
    createdAt: iso,
    confirmedAt: iso,
    source: fc.option(fc.record({ conversationId: fc.option(id, { nil: null }), messageId: id }), {
      nil: null,
    }),
    validFrom: iso,
    validTo: fc.option(iso, { nil: null }),
    status: fc.constantFrom('active' as const, 'superseded' as const, 'retracted' as const),
    supersedes: fc.option(id, { nil: null }),
    supersededBy: fc.option(id, { nil: null }),
    retractedAt: fc.option(iso, { nil: null }),
    retractedBy: fc.option(text, { nil: null }),
    kind: fc.oneof(
      fc.record({ kind: fc.constant('fact' as const) }),
      fc.record({ kind: fc.constant('preference' as const), key: text, value: text }),
      fc.record({
        kind: fc.constant('task' as const),
        taskStatus: fc.constantFrom('in_progress' as const, 'blocked' as const, 'done' as const),
        lastAction: text,
      }),
      fc.record({ kind: fc.constant('issue' as const), resolvedAt: fc.option(iso, { nil: null }) }),
    ),
    extra: extras,
  })
  .map(
    ({ kind, extra, ...rest }) =>
      ({ ...extra, ...rest, ...kind, schemaVersion: CURRENT_SCHEMA_VERSION }) as MemoryItem,
  )

const arbConversation: fc.Arbitrary<SessionConversation> = fc.record({
  id,
  title: text,
  createdAt: iso,
  updatedAt: iso,
  deletedAt: fc.option(iso, { nil: null }),
  messages: fc.array(arbMessage, { maxLength: 6 }),
  yjs: fc.constant(null),
})

/** Sessions with unique ids, with or without Yjs state (built the way the runtime lays documents out). */
export const arbSession: fc.Arbitrary<SessionData> = fc
  .record({
    exportedAt: iso,
    version: fc.constantFrom('0.1.0', '1.2.3'),
    space: fc.record({ id, name: text, createdAt: iso }),
    memory: fc.uniqueArray(arbMemoryItem, { selector: (m) => m.id, maxLength: 6 }),
    conversations: fc.uniqueArray(arbConversation, { selector: (c) => c.id, maxLength: 4 }),
    withYjs: fc.boolean(),
  })
  .filter((s) => {
    const ids = s.conversations.flatMap((c) => c.messages.map((m) => m.id))
    return new Set(ids).size === ids.length
  })
  .map(({ version, withYjs, ...s }) => {
    const data: SessionData = {
      ...s,
      app: { name: 'keepsake', version },
      scope: 'space',
      quarantine: [],
      yjs: null,
    }
    return withYjs ? withYjsState(data) : data
  })

/** A comparable form of a session: canonical JSON with bytes as base64. */
export function comparable(data: SessionData): string {
  const json = JSON.stringify(
    data,
    function (this: Record<string, unknown>, key: string, v: unknown) {
      const raw = this[key]
      return raw instanceof Uint8Array ? toBase64(raw) : v
    },
  )
  return canonicalJson(JSON.parse(json) as unknown)
}
