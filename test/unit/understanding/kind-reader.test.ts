import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'
import { examples, train, TRAINING } from '../../support/understanding/train-kind-reader'

const MODEL = resolve(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'renderer',
  'runtime',
  'understanding',
  'kind-model.json',
)
const now = new Date('2026-05-11T09:00:00Z')
const kinds = (text: string): string[] =>
  analyze(text, now).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => c.kind) : [],
  )

describe('the learned kind reader', () => {
  it('is the model the corpora train (run `npm run train:kinds` after changing them)', () => {
    const trained = JSON.parse(train(examples(TRAINING)).exportJSON()) as unknown
    expect(JSON.parse(readFileSync(MODEL, 'utf8'))).toEqual(trained)
  }, 60_000)

  // Sentences written for this test, in none of the corpora: the rules let them through without a
  // kind of their own, and the learned reader files them.
  it.each([
    ["the boiler's been making a clicking sound all week", 'issue'],
    ['chilli in everything, that is me', 'preference'],
  ])('files "%s" as %s', (text, kind) => {
    expect(kinds(text)).toEqual([kind])
  })

  it.each(["Monday's going to be a slog", "Friday's going to be manic"])(
    'keeps nothing from "%s"',
    (text) => {
      expect(kinds(text)).toEqual([])
    },
  )

  // "Nothing to keep" is the reader's likeliest reading of these, though less likely than all the
  // kinds of memory together: stepping away for a moment, not a fact or a request.
  it.each(["hold on the kettle's boiling", "hold on my son's shouting for me"])(
    'keeps nothing from "%s", which reads most like chat',
    (text) => {
      expect(kinds(text)).toEqual([])
    },
  )
})
