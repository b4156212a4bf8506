import { readFileSync } from 'node:fs'
import * as Y from 'yjs'
import { expect, test } from 'vitest'
import { fromBase64Chunks, toBase64Chunks } from '../../../shared/session/base64'
import { loadSession } from '../../../shared/session/load-session'
import { describeProblem } from '../../../shared/session/problems'
import { nestingProblem } from '../../../shared/session/yjs-hidden'

type Envelope = {
  conversations: { yjs: string[] }[]
  yjs: { space: string[] }
}

const good = (): Envelope =>
  JSON.parse(
    readFileSync(
      new URL('../../fixtures/session/format-v1.keepsake.json', import.meta.url),
      'utf8',
    ),
  ) as Envelope

const problems = (raw: unknown): string[] => {
  const r = loadSession(raw)
  return r.ok ? [] : r.problems.map(describeProblem)
}

/** The fixture with `change` applied to one of its Yjs states, as a crafted file would carry it. */
const tampered = (which: 'space' | 'conversation', change: (doc: Y.Doc) => void): Envelope => {
  const file = good()
  const first = file.conversations[0]
  const chunks = which === 'space' ? file.yjs.space : (first?.yjs ?? [])
  const doc = new Y.Doc()
  Y.applyUpdate(doc, fromBase64Chunks(chunks))
  change(doc)
  const state = toBase64Chunks(Y.encodeStateAsUpdate(doc))
  if (which === 'space') file.yjs.space = state
  else if (first) first.yjs = state
  return file
}

const nested = (depth: number): unknown => {
  let value: unknown = 'bottom'
  for (let i = 0; i < depth; i++) value = { inner: value }
  return value
}

test('a root the readable records cannot show is refused with its document', () => {
  const file = tampered('space', (doc) => doc.getMap('payload').set('x', 'hidden'))
  expect(problems(file)).toEqual([
    'yjs.space: holds a root "payload" that Keepsake does not use; it would travel unseen',
  ])
  const conversation = tampered('conversation', (doc) => doc.getText('notes').insert(0, 'psst'))
  expect(problems(conversation)).toEqual([
    'conversations[0].yjs: holds a root "notes" that Keepsake does not use; it would travel unseen',
  ])
})

test('a 3000-deep value and a nested Yjs type in the meta map are refused', () => {
  const deep = tampered('space', (doc) => doc.getMap('meta').set('extra', nested(3000)))
  expect(problems(deep)).toEqual([
    'yjs.space: meta["extra"] is nested deeper than the limit of 64 levels',
  ])
  const typed = tampered('space', (doc) => doc.getMap('meta').set('extra', new Y.Map()))
  expect(problems(typed)).toEqual([
    'yjs.space: meta["extra"] holds a nested Yjs type, which no record has',
  ])
})

test('the untouched fixture still loads', () => {
  expect(problems(good())).toEqual([])
})

test('nesting is counted to the limit exactly, through arrays and objects alike', () => {
  const inArrays = (depth: number): unknown => {
    let value: unknown = 1
    for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [0, value] : { a: 'x', b: value }
    return value
  }
  const where = (): string => 'messages["7"]'
  expect(nestingProblem(where, nested(64))).toBeNull()
  expect(nestingProblem(where, inArrays(64))).toBeNull()
  expect(nestingProblem(where, nested(65))).toBe(
    'messages["7"] is nested deeper than the limit of 64 levels',
  )
  expect(nestingProblem(where, inArrays(65))).toBe(
    'messages["7"] is nested deeper than the limit of 64 levels',
  )
  expect(nestingProblem(where, { a: [1, { b: new Y.Array() }] })).toBe(
    'messages["7"] holds a nested Yjs type, which no record has',
  )
  expect(nestingProblem(where, 'plain')).toBeNull()
  expect(nestingProblem(where, new Uint8Array(3))).toBeNull()
})
