import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { pack, unpack } from 'msgpackr'
import { migrateSpaceSnapshot } from '../../support/schema/migrate-space'
import { loadMemoryItem } from '../../../shared/schema/migrate'
import { MemoryItemV2 } from '../../../shared/schema/v2'
import { ITEM_KEYS, memoryItemV1, spaceSnapshotV2, unknownKeys } from './arbitraries'

const serializers = {
  json: (v: unknown): unknown => JSON.parse(JSON.stringify(v)) as unknown,
  msgpack: (v: unknown): unknown => unpack(pack(v)) as unknown,
}

describe('a valid current space survives serialize → migrate → deserialize unchanged', () => {
  it.each(Object.entries(serializers))('through %s', (_name, roundTrip) => {
    fc.assert(
      fc.property(spaceSnapshotV2, (space) => {
        const r = migrateSpaceSnapshot(roundTrip(space))
        expect(r.ok).toBe(true)
        if (!r.ok || r.value.type !== 'current') return
        expect(r.value.unreadable).toEqual([])
        expect(r.value.future).toEqual([])
        expect(r.value.migratedFrom).toBe(null)
        expect(roundTrip(r.value.snapshot)).toEqual(space)
      }),
      { numRuns: 200 },
    )
  })
})

describe('v1 items migrate to valid v2 items', () => {
  it('keeps identity, dates and provenance, and every unknown key', () => {
    fc.assert(
      fc.property(memoryItemV1, unknownKeys(ITEM_KEYS), (v1, extra) => {
        const raw = { ...extra, ...v1 }
        const r = loadMemoryItem(JSON.parse(JSON.stringify(raw)))
        expect(r.ok).toBe(true)
        if (!r.ok || r.value.type !== 'current') return
        const v2 = r.value.value
        expect(r.value.migratedFrom).toBe(1)
        expect(MemoryItemV2.safeParse(v2).success).toBe(true)
        expect(v2.id).toBe(v1.id)
        expect(v2.kind).toBe(v1.kind)
        expect(v2.status).toBe('active')
        expect(v2.validTo).toBe(null)
        expect(v2.confirmedAt).toBe(v2.validFrom)
        if (v1.kind === 'fact' || v1.kind === 'preference') {
          expect(v2.confirmedAt).toBe(v1.confirmedAt)
          expect(v2.source).toEqual({ conversationId: null, messageId: v1.sourceMessageId })
        }
        if (v1.kind === 'task') expect(v2.kind === 'task' && v2.taskStatus).toBe(v1.status)
        for (const [k, v] of Object.entries(extra))
          expect((v2 as Record<string, unknown>)[k]).toEqual(v)
        // Reading the migrated record again is a no-op.
        const again = loadMemoryItem(JSON.parse(JSON.stringify(v2)))
        expect(again.ok && again.value.type === 'current' && again.value.value).toEqual(v2)
      }),
      { numRuns: 300 },
    )
  })
})
