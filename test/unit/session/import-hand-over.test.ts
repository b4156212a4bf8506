import fc from 'fast-check'
import { zipSync, strToU8 } from 'fflate'
import { expect, test } from 'vitest'
import { nodeGzip } from '../../../electron/cli/node-gzip'
import { readImportFile } from '../../../renderer/runtime/files/read-import'
import { writeSessionFile } from '../../../shared/session/session-file'
import { arbSession, comparable } from './session-builders'

const NOW = new Date('2026-06-01T12:00:00.000Z')
const session = fc.sample(arbSession, { seed: 22, numRuns: 1 })[0]!

test.each(['msgpack', 'json'] as const)(
  'a %s session file handed over is released once decoded, and imports whole',
  async (encoding) => {
    // Its own buffer, as bytes that came across the port are (zlib's output is a view of a larger one).
    const bytes = new Uint8Array(await writeSessionFile(session, encoding, nodeGzip))
    const copy = bytes.slice()
    const handed = await readImportFile('a.keepsake', bytes, NOW, undefined, [], { handOver: true })
    const kept = await readImportFile('a.keepsake', copy, NOW)
    if (!handed.ok || !kept.ok) throw new Error('did not read')
    expect(bytes.length).toBe(0)
    expect(copy.length).toBeGreaterThan(0)
    expect(comparable(handed.value.data)).toBe(comparable(kept.value.data))
  },
)

test('bytes not handed over, files chosen together and zips are never released', async () => {
  const bytes = await writeSessionFile(session, 'msgpack', nodeGzip)
  const length = bytes.length
  expect((await readImportFile('a.keepsake', bytes, NOW)).ok).toBe(true)
  expect(bytes.length).toBe(length)
  const zip = zipSync({ 'a.keepsake.json': strToU8('{}') })
  const zipLength = zip.length
  await readImportFile('export.zip', zip, NOW, undefined, [], { handOver: true })
  expect(zip.length).toBe(zipLength)
  const first = await writeSessionFile(session, 'json', nodeGzip)
  const firstLength = first.length
  await readImportFile(
    'a.keepsake.json',
    first,
    NOW,
    undefined,
    [{ fileName: 'b.json', bytes: strToU8('{}') }],
    { handOver: true },
  )
  expect(first.length).toBe(firstLength)
})

test('a file that fails to decode loses nothing the person needs: the refusal still names the problem', async () => {
  const bytes = new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
  const read = await readImportFile('broken.keepsake', bytes, NOW, undefined, [], {
    handOver: true,
  })
  expect(read.ok).toBe(false)
  if (!read.ok) expect(read.problems[0]?.message).toMatch(/damaged or truncated/)
})
