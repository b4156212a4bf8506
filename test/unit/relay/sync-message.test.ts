import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { updateCarriedBy } from '../../../electron/relay/sync-message'

const frame = (type: number, syncType: number | null, payload: Uint8Array | null): Uint8Array => {
  const e = encoding.createEncoder()
  encoding.writeVarString(e, 'space:s1')
  encoding.writeVarUint(e, type)
  if (syncType !== null) encoding.writeVarUint(e, syncType)
  if (payload !== null) encoding.writeVarUint8Array(e, payload)
  return encoding.toUint8Array(e)
}

const doc = new Y.Doc()
doc.getMap('items').set('x', 1)
const update = Y.encodeStateAsUpdate(doc)

describe('updateCarriedBy', () => {
  it('extracts the update of sync step 2 and update messages', () => {
    for (const syncType of [1, 2]) {
      const carried = updateCarriedBy(frame(0, syncType, update))
      expect(carried.ok && carried.value && Array.from(carried.value)).toEqual(Array.from(update))
    }
  })

  it('ignores other messages', () => {
    expect(updateCarriedBy(frame(0, 0, Y.encodeStateVector(doc)))).toEqual({
      ok: true,
      value: null,
    })
    expect(updateCarriedBy(frame(1, null, new Uint8Array([1])))).toEqual({ ok: true, value: null })
  })

  it('refuses a malformed frame or update as a value', () => {
    expect(updateCarriedBy(new Uint8Array([200])).ok).toBe(false)
    expect(updateCarriedBy(frame(0, 2, new Uint8Array([1, 2, 3, 250, 250]))).ok).toBe(false)
  })
})
