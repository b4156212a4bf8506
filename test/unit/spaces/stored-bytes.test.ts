import 'fake-indexeddb/auto'
import { describe, expect, it } from 'vitest'
import { SpaceDb } from '../../../renderer/runtime/db/space-db'
import { readStoredBytes, valueBytes } from '../../../renderer/runtime/spaces/stored-bytes'

describe('stored bytes', () => {
  it('counts a value as Chromium writes it: Latin-1 text at one byte, other text at two, binary by length', () => {
    expect(valueBytes('abc')).toBe(3)
    expect(valueBytes('café')).toBe(4)
    expect(valueBytes('日本')).toBe(4)
    expect(valueBytes(new Uint8Array(1000))).toBe(1000)
    expect(valueBytes(42)).toBe(8)
    expect(valueBytes({ id: 'ab', n: [1, 2] })).toBe(2 + 2 + 1 + 16)
  })

  it('adds up every row of every table of a space, and a missing space holds nothing', async () => {
    const id = `s-${crypto.randomUUID()}`
    expect(await readStoredBytes(id)).toBe(0)
    const db = new SpaceDb(id)
    await db.updates.add({ docId: 'space', update: new Uint8Array(5000), at: '2026-12-05' })
    await db.kv.put({ key: 'k', value: 'x'.repeat(300) })
    db.close()
    const bytes = await readStoredBytes(id)
    expect(bytes).toBeGreaterThanOrEqual(5300)
    expect(bytes).toBeLessThan(5400)
  })
})
