import fc from 'fast-check'
import { afterEach, expect, test, vi } from 'vitest'
import { chatGptToSession } from '../../../shared/session/import-chatgpt'
import { claudeToSession } from '../../../shared/session/import-claude'
import { listSpans } from '../../../shared/session/json-list'
import { DEFAULT_LIMITS } from '../../../shared/session/limits'
import type { Checked } from '../../../shared/session/problems'
import { readJsonFile, readJsonList } from '../../../shared/session/read-json-file'
import { chatGptConversations } from '../../fixtures/imports/chatgpt-export'
import { claudeConversations } from '../../fixtures/imports/claude-export'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
const options = {
  spaceName: 'Imported',
  spaceId: 'space-1',
  now: new Date('2026-06-01T12:00:00.000Z'),
  appVersion: 'test',
}

/** What reading a file as a list gives, whole: the elements' values, or the problems it stopped at. */
function readAll(bytes: Uint8Array, name: string | null): Checked<unknown> {
  const file = readJsonList(bytes, name, DEFAULT_LIMITS)
  if (!file.ok) return file
  if (!file.value.list) return { ok: true, value: file.value.value }
  const values: unknown[] = []
  for (const element of file.value.elements) {
    if (!element.ok) return element
    values.push(element.value)
  }
  return { ok: true, value: values }
}

afterEach(() => vi.restoreAllMocks())

test('the elements of a list are found in its bytes, strings and all', () => {
  const text = '\uFEFF [ {"a":"x, ] } \\" [","b":[1,{}]} ,\t"é ünïcödé 🎉",null , [ ] ]\n'
  const bytes = utf8(text)
  const spans = listSpans(bytes, DEFAULT_LIMITS)
  expect(spans).not.toBeNull()
  const decoder = new TextDecoder()
  const pieces = []
  for (let k = 0; k + 1 < (spans ?? []).length; k += 2)
    pieces.push(JSON.parse(decoder.decode(bytes.subarray(spans?.[k], spans?.[k + 1]))) as unknown)
  expect(pieces).toEqual([{ a: 'x, ] } " [', b: [1, {}] }, 'é ünïcödé 🎉', null, []])
  expect(listSpans(utf8('[]'), DEFAULT_LIMITS)).toEqual([])
  expect(listSpans(utf8('[{"a":1}, 2]'), DEFAULT_LIMITS)).toEqual([1, 8, 10, 11])
})

test('what is not plainly a list is left to the whole-file parse', () => {
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
    expect(listSpans(utf8(text), DEFAULT_LIMITS), text).toBeNull()
  expect(listSpans(utf8('[[[1]]]'), { maxDepth: 2, maxContainers: 100 })).toBeNull()
  expect(listSpans(utf8('[{},{},{}]'), { maxDepth: 10, maxContainers: 3 })).toBeNull()
})

test('reading a list one element at a time gives what reading it whole gives, problems included', () => {
  const lists = fc.array(fc.jsonValue(), { maxLength: 6 }).map((v) => JSON.stringify(v, null, 1))
  // Damaged lists: a character dropped, doubled or replaced somewhere.
  const damaged = fc
    .tuple(lists, fc.nat(), fc.constantFrom('', ',', ']', '[', '"', '\\', '}', '{', ' ', 'x'))
    .map(([text, at, c]) => {
      const i = text.length === 0 ? 0 : at % text.length
      return text.slice(0, i) + c + text.slice(i + 1)
    })
  fc.assert(
    fc.property(
      fc.oneof(lists, damaged),
      fc.constantFrom(null, 'conversations-000.json'),
      (text, name) => {
        const bytes = utf8(text)
        const whole = readJsonFile(bytes, name, DEFAULT_LIMITS)
        expect(readAll(bytes, name)).toEqual(whole)
      },
    ),
    { numRuns: 400 },
  )
  // A forbidden key and a bad byte inside an element are named as in a whole read.
  for (const bytes of [
    utf8('[{"a":1},{"mapping":{"__proto__":{}}}]'),
    new Uint8Array([...utf8('[{"a":"'), 0xff, ...utf8('"}]')]),
  ])
    expect(readAll(bytes, 'c.json')).toEqual(readJsonFile(bytes, 'c.json', DEFAULT_LIMITS))
})

test("an export's conversations are parsed one at a time, never the whole file at once", () => {
  const longestParsed = (read: () => boolean): number => {
    const parse = vi.spyOn(JSON, 'parse')
    expect(read()).toBe(true)
    const longest = Math.max(...parse.mock.calls.map(([text]) => text.length))
    parse.mockRestore()
    return longest
  }
  const longestOf = (list: unknown[]): number =>
    Math.max(...list.map((c) => JSON.stringify(c).length))
  const chatgpt = chatGptConversations()
  const claude = claudeConversations()
  expect(
    longestParsed(() => chatGptToSession(utf8(JSON.stringify(chatgpt)), options).ok),
  ).toBeLessThanOrEqual(longestOf(chatgpt))
  expect(
    longestParsed(() => claudeToSession(utf8(JSON.stringify(claude)), null, options).ok),
  ).toBeLessThanOrEqual(longestOf(claude))
})
