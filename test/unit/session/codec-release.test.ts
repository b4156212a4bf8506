import { expect, test, vi } from 'vitest'
import { Packr } from 'msgpackr'
import { gunzipSync } from 'node:zlib'
import { nodeGzip } from '../../../electron/cli/node-gzip'
import { decodeSessionBytes } from '../../../shared/session/codec'
import { releaseBytes } from '../../../shared/release-bytes'

vi.mock('../../../shared/release-bytes', async (original) => {
  const actual = await original<typeof import('../../../shared/release-bytes')>()
  return { releaseBytes: vi.fn(actual.releaseBytes) }
})

test('the decompressed file is released once decoded, and the decoded bytes are copies that stay whole', async () => {
  const pack = new Packr({ useRecords: false, moreTypes: false, structuredClone: false })
  const yjs = Uint8Array.from({ length: 50_000 }, (_, i) => i % 251)
  const value = { messages: Array.from({ length: 2_000 }, (_, i) => ({ id: `m${i}` })), yjs }
  const file = await nodeGzip.compress(pack.pack(value))
  const inflatedLength = gunzipSync(file).length
  const released: number[] = []
  vi.mocked(releaseBytes).mockImplementation((bytes) => {
    released.push(bytes.length)
    const buffer = bytes.buffer as ArrayBuffer
    structuredClone(buffer, { transfer: [buffer] })
    return true
  })
  const decoded = await decodeSessionBytes(file, nodeGzip)
  if (!decoded.ok) throw new Error('did not decode')
  expect(released).toContain(inflatedLength)
  const out = decoded.value.value as typeof value
  expect(out.messages).toHaveLength(2_000)
  expect(out.yjs).toEqual(yjs)
})
