import { describe, expect, it } from 'vitest'
import { openDevice, openItem, sealDevice, sealItem } from '../../../renderer/runtime/sync/envelope'

const key = await globalThis.crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
  'encrypt',
  'decrypt',
])
const update = new Uint8Array([1, 2, 3, 4, 5])

describe('envelope items', () => {
  it('seal and open round-trip with validation', async () => {
    const { itemId, item } = await sealItem(key, 'space-1', {
      docId: 'space',
      deviceId: 'device-A',
      kind: 'update',
      plaintext: update,
    })
    const opened = await openItem(key, 'space-1', itemId, item)
    expect(opened.ok && Array.from(opened.value.plaintext)).toEqual([1, 2, 3, 4, 5])
  })

  it('detects an item moved to another id, document, space or kind', async () => {
    const { itemId, item } = await sealItem(key, 'space-1', {
      docId: 'space',
      deviceId: 'device-A',
      kind: 'snapshot',
      plaintext: update,
      covers: ['a', 'b'],
    })
    const variants: [string, string, unknown][] = [
      ['space-1', 'another-id', item],
      ['space-2', itemId, item],
      ['space-1', itemId, { ...item, docId: 'conversation:x' }],
      ['space-1', itemId, { ...item, kind: 'update' }],
      ['space-1', itemId, { ...item, covers: ['a'] }],
      ['space-1', itemId, { ...item, deviceId: 'device-B' }],
    ]
    for (const [space, id, raw] of variants) {
      const opened = await openItem(key, space, id, raw)
      expect(opened.ok).toBe(false)
      if (!opened.ok) expect(opened.error.message).toMatch(/could not decrypt/)
    }
  })

  it('keeps the associated data unambiguous: no id may hold a NUL or a comma', async () => {
    // Sealed as covering one id "a,b", it could otherwise be presented as covering "a" and "b".
    await expect(
      sealItem(key, 'space-1', {
        docId: 'space',
        deviceId: 'device-A',
        kind: 'snapshot',
        plaintext: update,
        covers: ['a,b'],
      }),
    ).rejects.toThrow('holds a separator')
    const { itemId, item } = await sealItem(key, 'space-1', {
      docId: 'space',
      deviceId: 'device-A',
      kind: 'update',
      plaintext: update,
    })
    for (const shifted of [
      { ...item, docId: 'space\u0000device-A' },
      { ...item, deviceId: 'device-A\u0000update' },
      { ...item, covers: ['x,y'] },
    ]) {
      const opened = await openItem(key, 'space-1', itemId, shifted)
      expect(opened.ok).toBe(false)
      if (!opened.ok) expect(opened.error.message).toContain('must not contain a NUL or a comma')
    }
  })

  it('reports what is malformed, with its path', async () => {
    const opened = await openItem(key, 'space-1', 'x', { v: 1, docId: 'space', kind: 'other' })
    expect(opened.ok).toBe(false)
    if (!opened.ok) {
      expect(opened.error.code).toBe('validation')
      expect(opened.error.path).toMatch(/^items\.x\./)
    }
  })

  it('device announcements round-trip and are bound to their device id', async () => {
    const info = { name: 'Work laptop', lastSeenAt: '2025-01-02T03:04:05.000Z' }
    const entry = await sealDevice(key, 'space-1', 'device-A', info)
    expect(await openDevice(key, 'space-1', 'device-A', entry)).toEqual({ ok: true, value: info })
    expect((await openDevice(key, 'space-1', 'device-B', entry)).ok).toBe(false)
  })
})
