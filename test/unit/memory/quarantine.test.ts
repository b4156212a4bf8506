import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import {
  exportQuarantined,
  listQuarantined,
  quarantine,
} from '../../../renderer/runtime/memory/quarantine'
import type { Unreadable } from '../../../shared/docs'
import { QuarantinedRecord } from '../../../shared/contract/models'
import { newDb } from '../docs/space-harness'

const bad = (recordId: string, raw: unknown = { id: recordId, text: 42 }): Unreadable => ({
  origin: 'memory',
  recordId,
  raw,
  path: 'text',
  reason: 'text: expected string',
})

describe('quarantine', () => {
  it('records each unreadable record once, however often it is loaded', async () => {
    const db = newDb()
    expect(await quarantine(db, [bad('a'), bad('b')])).toBe(2)
    expect(await quarantine(db, [bad('a'), bad('b'), bad('c')])).toBe(1)
    expect(await quarantine(db, [bad('a')])).toBe(0)
    expect(await quarantine(db, [])).toBe(0)
    const list = await listQuarantined(db)
    expect(list.map((r) => r.recordId)).toEqual(['a', 'b', 'c'])
    for (const r of list) expect(QuarantinedRecord.safeParse(r).success).toBe(true)
  })

  it('the same record id in another store is a different record', async () => {
    const db = newDb()
    await quarantine(db, [bad('x'), { ...bad('x'), origin: 'conversation:c1' }])
    expect(await db.quarantine.count()).toBe(2)
  })

  it('keeps the raw value, the zod path and the time', async () => {
    const db = newDb()
    await quarantine(db, [bad('a', { id: 'a', text: 42, bytes: new Uint8Array(3) })])
    const [row] = await listQuarantined(db)
    expect(row).toMatchObject({ origin: 'memory', recordId: 'a', path: 'text' })
    expect(JSON.parse(row!.raw)).toEqual({ id: 'a', text: 42, bytes: '<3 bytes>' })
    expect(Date.parse(row!.at)).not.toBeNaN()
  })

  it('a damaged quarantine row is still listed, so it can be exported and discarded', async () => {
    const db = newDb()
    await quarantine(db, [bad('a')])
    const id = await db.quarantine.add({
      origin: 'memory',
      recordId: 'b',
      raw: '{}',
      path: 'x',
      reason: 'y',
      at: 'not a date',
    })
    const list = await listQuarantined(db)
    expect(list).toHaveLength(2)
    expect(list[1]).toMatchObject({ id, recordId: 'b', reason: expect.stringContaining('damaged') })
  })

  it('exports every record, or one, as JSON with raw values parsed back', async () => {
    const db = newDb()
    await quarantine(db, [bad('a'), bad('b', 'just text')])
    const all = await exportQuarantined(db)
    expect(all.count).toBe(2)
    const body = JSON.parse(all.json) as {
      kind: string
      records: { recordId: string; raw: unknown }[]
    }
    expect(body.kind).toBe('keepsake-quarantine')
    expect(body.records.map((r) => r.raw)).toEqual([{ id: 'a', text: 42 }, 'just text'])
    const [first] = await listQuarantined(db)
    const one = await exportQuarantined(db, first!.id)
    expect(one.count).toBe(1)
  })
})
