import fc from 'fast-check'
import { expect, test } from 'vitest'
import { listSpans } from '../../../shared/session/json-list'
import { streamListElements } from '../../../shared/session/json-list-stream'
import { DEFAULT_LIMITS } from '../../../shared/session/limits'
import { passed, type Checked } from '../../../shared/session/problems'
import { readJsonFile, readJsonList } from '../../../shared/session/read-json-file'
import type { StreamedFile } from '../../../shared/session/streamed-file'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

/** `bytes` cut at `cuts` (positions, any order), as an unpacking zip hands them over. */
function chunked(bytes: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)
  return [0, ...at].map((from, i) => bytes.slice(from, at[i] ?? bytes.length))
}

const streamed = (bytes: Uint8Array, cuts: readonly number[]): StreamedFile => ({
  size: bytes.length,
  chunks: () => chunked(bytes, cuts).map((c) => passed(c)),
  whole: () => passed(bytes),
})

/** The elements' values, or the problems the reading stopped at. */
function readAll(file: StreamedFile | Uint8Array, name: string | null): Checked<unknown> {
  const list = readJsonList(file, name, DEFAULT_LIMITS)
  if (!list.ok) return list
  if (!list.value.list) return { ok: true, value: list.value.value }
  const values: unknown[] = []
  for (const element of list.value.elements) {
    if (!element.ok) return element
    values.push(element.value)
  }
  return { ok: true, value: values }
}

test('the elements found as chunks arrive are the ones found in the whole bytes, however they are cut', () => {
  const text = '\uFEFF [ {"a":"x, ] } \\" [","b":[1,{}]} ,\t"é ünïcödé 🎉",null , [ ] ]\n'
  const bytes = utf8(text)
  const spans = listSpans(bytes, DEFAULT_LIMITS) ?? []
  const expected: string[] = []
  for (let k = 0; k + 1 < spans.length; k += 2)
    expected.push(new TextDecoder().decode(bytes.subarray(spans[k], spans[k + 1])))
  // Every single cut, and every pair of cuts, including inside the BOM, a string escape and 🎉.
  for (let a = 0; a <= bytes.length; a++)
    for (let b = a; b <= bytes.length; b += 3) {
      // Each piece read before the next is asked for: its bytes are good only until then.
      const read: string[] = []
      for (const p of streamListElements(
        chunked(bytes, [a, b]).map((c) => passed(c)),
        DEFAULT_LIMITS,
      ))
        read.push(p.kind === 'element' ? new TextDecoder().decode(p.bytes) : p.kind)
      expect(read).toEqual(expected)
    }
})

test('what is not plainly a list stops the stream, as listSpans refuses it', () => {
  for (const text of [
    '{"a":[1]}',
    '[1,]',
    '[,1]',
    '[1,,2]',
    '[1] x',
    '[1',
    '[}]',
    '[1]]',
    '"[1]"',
    '',
  ])
    for (let cut = 0; cut <= text.length; cut++) {
      const pieces = [
        ...streamListElements(
          chunked(utf8(text), [cut]).map((c) => passed(c)),
          DEFAULT_LIMITS,
        ),
      ]
      expect(pieces.at(-1)?.kind, `${text} cut at ${cut}`).toBe('not-a-list')
    }
  const deep = [
    ...streamListElements([passed(utf8('[[[1]]]'))], { maxDepth: 2, maxContainers: 100 }),
  ]
  expect(deep.at(-1)?.kind).toBe('not-a-list')
  expect([...streamListElements([passed(utf8('[ ]'))], DEFAULT_LIMITS)]).toEqual([])
})

test('a list read as it unpacks gives what reading it whole gives, problems included', () => {
  const lists = fc.array(fc.jsonValue(), { maxLength: 6 }).map((v) => JSON.stringify(v, null, 1))
  const damaged = fc
    .tuple(lists, fc.nat(), fc.constantFrom('', ',', ']', '[', '"', '\\', '}', '{', ' ', 'x'))
    .map(([text, at, c]) => {
      const i = text.length === 0 ? 1 : 1 + (at % text.length)
      return text.slice(0, i) + c + text.slice(i + 1)
    })
  fc.assert(
    fc.property(
      fc.oneof(lists, damaged),
      fc.array(fc.nat(), { maxLength: 5 }),
      fc.constantFrom(null, 'conversations-000.json'),
      (text, cuts, name) => {
        const bytes = utf8(text)
        expect(readAll(streamed(bytes, cuts), name)).toEqual(
          readJsonFile(bytes, name, DEFAULT_LIMITS),
        )
      },
    ),
    { numRuns: 400 },
  )
  // A damaged chunk (the zip entry cannot be unpacked) ends the reading with its own failure.
  const broken: StreamedFile = {
    size: 9,
    chunks: () => [
      passed(utf8('[1,')),
      {
        ok: false,
        code: 'file-invalid',
        problems: [{ path: 'a.zip: c.json', message: 'the file cannot be unpacked' }],
      },
    ],
    whole: () => passed(utf8('[1,2]')),
  }
  expect(readAll(broken, null)).toEqual({
    ok: false,
    code: 'file-invalid',
    problems: [{ path: 'a.zip: c.json', message: 'the file cannot be unpacked' }],
  })
})
