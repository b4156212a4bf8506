import { resolve } from 'node:path'
import type { BenchContext } from '../bench-context'
import { ms } from '../report'
import { distribution } from '../stats'
import { readCorpus } from '../../support/understanding/corpus'
import { evaluate, summarize } from '../../support/understanding/evaluate'

const FIXTURES = resolve(import.meta.dirname, '..', '..', 'fixtures', 'understanding')

/** The corpora, and what each one is for (see test/fixtures/understanding/README.md). */
const CORPORA = [
  { file: 'dev.json', label: 'dev (tuned on)', smoke: false },
  { file: 'dev-b.json', label: 'dev-b (tuned on after a first blind run)', smoke: false },
  {
    file: 'heldout.json',
    label: 'held-out (blind: 75.3% / 77.6%, answers 68.8%; looked at since)',
    smoke: false,
  },
  {
    file: 'dev-c.json',
    label: 'dev-c (blind: 69.7% / 76.6%, answers 63.1%; tuned on since)',
    smoke: false,
  },
  {
    file: 'dev-d.json',
    label: 'dev-d (blind: 71.4% / 75.3%, answers 71.8%; tuned on since)',
    smoke: false,
  },
  {
    file: 'dev-e.json',
    label: 'dev-e (blind: 69.2% / 75.4%, answers 74.1%; tuned on since)',
    smoke: false,
  },
  {
    file: 'dev-f.json',
    label:
      'dev-f (written as blind-12; blind: 68.1% / 79.0%, answers 61.9%; tuned on since session 17)',
    smoke: false,
  },
  {
    file: 'dev-g.json',
    label:
      'dev-g (written as blind-13; blind: 72.9% / 78.9%, answers 63.0%; tuned on since session 17)',
    smoke: false,
  },
  {
    file: 'dev-h.json',
    label:
      'dev-h (written as blind-10; blind: 72.8% / 77.5%, answers 67.2%; tuned on since session 24)',
    smoke: false,
  },
  {
    file: 'dev-i.json',
    label:
      'dev-i (written as blind-16; blind: 74.5% / 72.6%, answers 74.0%; tuned on since session 24)',
    smoke: false,
  },
  {
    file: 'dev-j.json',
    label:
      'dev-j (written as blind-20; blind: 70.9% / 74.2%, answers 65.6%; tuned on since session 25)',
    smoke: false,
  },
  {
    file: 'dev-k.json',
    label:
      'dev-k (written as blind-18; blind: 74.3% / 76.5%, answers 74.4%; tuned on since session 26)',
    smoke: false,
  },
  {
    file: 'dev-l.json',
    label:
      'dev-l (written as blind-22; blind: 76.2% / 81.6%, answers 71.1%; tuned on since session 27)',
    smoke: false,
  },
  { file: 'blind.json', label: 'blind (never looked at; only totals)', smoke: true },
  { file: 'blind-2.json', label: 'blind-2 (never looked at; only totals)', smoke: true },
  { file: 'blind-3.json', label: 'blind-3 (never looked at; only totals)', smoke: true },
  { file: 'blind-4.json', label: 'blind-4 (never looked at; only totals)', smoke: true },
  { file: 'blind-5.json', label: 'blind-5 (never looked at; only totals)', smoke: true },
  { file: 'blind-6.json', label: 'blind-6 (never looked at; only totals)', smoke: true },
  {
    file: 'blind-8.json',
    label: 'blind-8 (session 10; blind run 75.7% / 81.4%, answers 67.8%; only totals)',
    smoke: true,
  },
  {
    file: 'blind-9.json',
    label: 'blind-9 (session 11; blind run 73.5% / 79.6%, answers 65.6%; only totals)',
    smoke: true,
  },
  {
    file: 'blind-11.json',
    label: 'blind-11 (session 13; blind run 75.8% / 80.4%, answers 71.1%; only totals)',
    smoke: true,
  },
  {
    file: 'blind-14.json',
    label: 'blind-14 (session 16; blind run 77.7% / 86.8%, answers 72.3%; only totals)',
    smoke: true,
  },
  {
    file: 'blind-15.json',
    label: 'blind-15 (session 17; blind run 72.6% / 78.8%, answers 73.9%; only totals)',
    smoke: true,
  },
  {
    file: 'blind-17.json',
    label: 'blind-17 (session 20; blind run 72.6% / 76.5%, answers 75.6%; only totals)',
    smoke: true,
  },
  {
    file: 'blind-19.json',
    label: 'blind-19 (session 22; blind run 74.5% / 74.7%, answers 71.1%; only totals)',
    smoke: true,
  },
  {
    file: 'blind-21.json',
    label: 'blind-21 (session 24; blind run 68.9% / 78.0%, answers 68.9%; only totals)',
    smoke: true,
  },
  {
    file: 'blind-23.json',
    label: 'blind-23 (session 26; blind run 69.6% / 72.8%, answers 71.1%; only totals)',
    smoke: true,
  },
  {
    file: 'blind-24.json',
    label: 'blind-24 (session 27; blind run 73.3% / 72.3%, answers 70.6%; only totals)',
    smoke: true,
  },
] as const

/**
 * Row 8: offline understanding with no model. Capture recall and precision and answer accuracy per
 * corpus (played through the real offline assistant over a real Yjs memory document), then, in real
 * Chromium, what loading the NLP library costs a fresh runtime and the time to analyse one message.
 */
export async function understandingRow(ctx: BenchContext): Promise<void> {
  const { figures, bench } = ctx
  const messages: string[] = []
  for (const { file, label } of CORPORA.filter((c) => c.smoke || !ctx.smoke)) {
    const corpus = readCorpus(resolve(FIXTURES, file))
    for (const s of corpus.scenarios)
      for (const t of s.turns) messages.push('say' in t ? t.say : t.ask)
    const scores = await evaluate(corpus)
    const sum = summarize(scores)
    const kinds = Object.entries(sum.perKind)
      .map(([k, v]) => `${k} ${v.recall}/${v.precision}`)
      .join(', ')
    figures.add({
      row: 8,
      label: `${label}: capture recall / precision`,
      value: `${sum.overall['capture recall']} / ${sum.overall['capture precision']}`,
      spread: `per kind (recall/precision): ${kinds}`,
      note: `${sum.overall.statements} statements; corrections ${sum.overall.corrections}, status updates ${sum.overall['status updates']}, due dates ${sum.overall['due dates']}`,
      data: sum,
    })
    figures.add({
      row: 8,
      label: `${label}: answers`,
      value: sum.overall.answers ?? '',
      spread: '',
      note: 'a reply must hold every expected word and none of the old values',
      data: scores.questions,
    })
  }
  await bench.open()
  const r = await bench.call('understand', { messages, nowMs: ctx.nowMs })
  const d = distribution(r.latenciesMs)
  figures.add({
    row: 8,
    label: 'analysis of one message in Chromium',
    value: `p95 ${ms(d.p95)}`,
    spread: `p50 ${ms(d.p50)}, p99 ${ms(d.p99)}, max ${ms(d.max)} (n=${d.samples})`,
    note: 'sentences, clauses, rules and dates; memory writes not included',
    data: d,
  })
  figures.add({
    row: 8,
    label: 'NLP library load + first analysis, fresh page',
    value: ms(r.startupMs),
    spread: '',
    note: 'loaded after the runtime is ready (start-up does not wait for it); the first message waits only if it is still loading',
    data: { startupMs: r.startupMs },
  })
  figures.add({
    row: 8,
    label: 'table of kinds of things (WordNet) load, same page',
    value: ms(r.wordKindsMs),
    spread: '',
    note: 'loaded on the first question that names a kind ("what music do I like?"), never at start-up',
    data: { wordKindsMs: r.wordKindsMs },
  })
}
