import { strToU8, unzipSync, zipSync } from 'fflate'
import { expect, test } from 'vitest'
import { zipDirectory } from '../../../shared/session/zip-directory'
import { zipFiles } from '../../../shared/session/zip-files'

const text = (n: number, seed: string): Uint8Array =>
  strToU8(`[${Array.from({ length: n }, (_, i) => `{"title":"${seed} ${i} – café"}`).join(',')}]`)

const archive = (): Uint8Array =>
  zipSync({
    'conversations-000.json': text(2000, 'first'),
    'conversations-001.json': text(1500, 'second'),
    'ünïcode/conversations.json': [text(10, 'named'), { level: 6 }],
    'user.json': [strToU8('{"id":"u1"}'), { level: 0 }],
    'images/': new Uint8Array(0),
  })

test('the central directory gives each file where fflate finds it: deflated and stored, UTF-8 names', () => {
  const zip = archive()
  const entries = zipDirectory(zip)
  const expected = unzipSync(zip)
  expect([...(entries?.keys() ?? [])].sort()).toEqual(Object.keys(expected).sort())
  const stored = entries?.get('user.json')
  expect(stored?.method).toBe(0)
  expect(zip.subarray(stored!.start, stored!.start + stored!.size)).toEqual(expected['user.json'])
  expect(entries?.get('conversations-000.json')?.method).toBe(8)
})

test("a zip's files are read into one buffer, each read reusing it, with the same bytes fflate unpacks", () => {
  const zip = archive()
  const expected = unzipSync(zip)
  const files = zipFiles(zip, 'export.zip')
  if (!files.ok) throw new Error('not read')
  const read = (name: string): Uint8Array => {
    const bytes = files.value.find((f) => f.name === name)?.read()
    if (!bytes?.ok) throw new Error(`${name} not read`)
    return bytes.value
  }
  const first = read('conversations-000.json')
  expect(first).toEqual(expected['conversations-000.json'])
  const buffer = first.buffer
  const second = read('conversations-001.json')
  expect(second).toEqual(expected['conversations-001.json'])
  expect(second.buffer).toBe(buffer)
  expect(read('ünïcode/conversations.json')).toEqual(expected['ünïcode/conversations.json'])
  expect(read('user.json')).toEqual(expected['user.json'])
})

test('a file that unpacks to another size than its zip says is refused with its name, never cut short', () => {
  const zip = archive()
  const entry = zipDirectory(zip)?.get('conversations-001.json')
  if (!entry) throw new Error('no entry')
  for (const [stated, word] of [
    [entry.size - 10, 'more'],
    [entry.size + 10, 'fewer'],
  ] as const) {
    const lying = zip.slice()
    const view = new DataView(lying.buffer)
    // The size in the local header and in the central directory entry.
    let local = entry.start - 30 - 'conversations-001.json'.length
    while (view.getUint32(local, true) !== 0x04034b50) local--
    view.setUint32(local + 22, stated, true)
    for (let at = 0; at + 4 <= lying.length; at++)
      if (view.getUint32(at, true) === 0x02014b50 && view.getUint32(at + 42, true) === local)
        view.setUint32(at + 24, stated, true)
    const files = zipFiles(lying, 'export.zip')
    if (!files.ok) throw new Error('not listed')
    const file = files.value.find((f) => f.name === 'conversations-001.json')
    const read = file?.read()
    expect(read?.ok).toBe(false)
    if (read && !read.ok) expect(read.problems[0]?.path).toBe('export.zip: conversations-001.json')
    if (read && !read.ok) expect(read.problems[0]?.message).toContain(word)
    // Read as it unpacks, the same file ends with the same refusal after what it gave.
    const last = [...(file?.streamed?.().chunks() ?? [])].at(-1)
    expect(last?.ok).toBe(false)
    if (last && !last.ok)
      expect(last.problems[0]).toEqual(read && !read.ok ? read.problems[0] : null)
  }
})

test('the buffer is made for the largest file the caller will read, so a larger shard read later reuses it', () => {
  const zip = archive()
  const files = zipFiles(zip, 'export.zip', undefined, (name) => name.startsWith('conversations-'))
  if (!files.ok) throw new Error('not read')
  const read = (name: string): Uint8Array => {
    const bytes = files.value.find((f) => f.name === name)?.read()
    if (!bytes?.ok) throw new Error(`${name} not read`)
    return bytes.value
  }
  // The smaller shard first: the larger one still fits the buffer it was read into.
  const smaller = read('conversations-001.json')
  const larger = read('conversations-000.json')
  expect(larger).toEqual(unzipSync(zip)['conversations-000.json'])
  expect(larger.buffer).toBe(smaller.buffer)
})
