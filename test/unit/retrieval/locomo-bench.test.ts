import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { evaluateLocomo, formatLocomoReport } from '../../bench/locomo'
import { normalizeEvidence, parseSessionDate } from '../../bench/locomo-data'

// A made-up conversation in LoCoMo's shape (the real data never enters the repo).
const tiny = [
  {
    sample_id: 'tiny-1',
    conversation: {
      speaker_a: 'Ann',
      speaker_b: 'Bob',
      session_1_date_time: '1:56 pm on 8 May, 2023',
      session_1: [
        { speaker: 'Ann', dia_id: 'D1:1', text: 'I adopted a puppy named Biscuit!' },
        { speaker: 'Bob', dia_id: 'D1:2', text: 'Congrats! What breed is she?' },
        {
          speaker: 'Ann',
          dia_id: 'D1:3',
          text: 'A beagle. She loves the park.',
          blip_caption: 'a photo of a beagle',
        },
      ],
      session_2_date_time: '9:00 am on 20 May, 2023',
      session_2: [],
      session_3_date_time: '10:15 am on 2 June, 2023',
      session_3: [
        { speaker: 'Bob', dia_id: 'D3:1', text: 'I started pottery classes last week.' },
        { speaker: 'Ann', dia_id: 'D3:2', text: 'Nice, I went hiking with Biscuit.' },
      ],
    },
    qa: [
      {
        question: 'What is the name of Ann’s puppy?',
        answer: 'Biscuit',
        evidence: ['D1:1'],
        category: 4,
      },
      {
        question: 'What breed is Biscuit?',
        answer: 'beagle',
        evidence: ['D1:3; D1:1'],
        category: 1,
      },
      {
        question: 'What class did Bob start?',
        answer: 'pottery',
        evidence: ['D:3:1', 'D9:9'],
        category: 2,
      },
      {
        question: 'What is Bob afraid of?',
        adversarial_answer: 'spiders',
        evidence: [],
        category: 5,
      },
    ],
  },
]

let dir = ''

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'keepsake-locomo-'))
  await writeFile(join(dir, 'tiny.json'), JSON.stringify(tiny))
  await writeFile(join(dir, 'broken.json'), '[{"sample_id": 1}]')
})

afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('LoCoMo bench helpers', () => {
  it('repairs malformed evidence and drops ids that do not exist', () => {
    const known = new Set(['D8:6', 'D9:17', 'D11:26'])
    expect(normalizeEvidence(['D8:6; D9:17'], known)).toEqual({
      ids: ['D8:6', 'D9:17'],
      repaired: 1,
      dropped: 0,
    })
    expect(normalizeEvidence(['D:11:26'], known)).toEqual({
      ids: ['D11:26'],
      repaired: 1,
      dropped: 0,
    })
    expect(normalizeEvidence(['D', 'D10:19', 'D8:6', 'D8:6'], known)).toEqual({
      ids: ['D8:6'],
      repaired: 0,
      dropped: 2,
    })
  })

  it('reads session dates as local time', () => {
    expect(parseSessionDate('1:56 pm on 8 May, 2023')).toEqual(new Date(2023, 4, 8, 13, 56))
    expect(parseSessionDate('12:28 am on 8 November, 2023')).toEqual(new Date(2023, 10, 8, 0, 28))
    expect(parseSessionDate('sometime in May')).toBeNull()
  })

  it('scores a tiny conversation the paper’s way, for both retrievers', async () => {
    const result = await evaluateLocomo(join(dir, 'tiny.json'), { ks: [1, 5] })
    if (!result.ok) throw new Error(result.error.message)
    const report = result.value
    expect(report).toMatchObject({ samples: 1, turns: 5, questions: 4, ks: [1, 5] })
    expect(report.evidence).toEqual({ repaired: 2, dropped: 1, questionsWithoutEvidence: 1 })
    // Ours finds every evidence turn: "class"/"classes" by stemming, Bob as speaker, the beagle
    // turn through the question it answers. Plain BM25 misses those: (1 + 1/2 + 0 + 1) / 4.
    expect(report.ours.recall[5]).toBe(100)
    expect(report.baseline.recall[5]).toBe(62.5)
    expect(report.ours.recall[1]).toBeGreaterThan(0)
    expect(report.dragon[10]).toBe(66.2)
    expect(formatLocomoReport(report)).toContain('DRAGON (paper)')
  })

  it('returns an error value when the data is missing or not LoCoMo', async () => {
    const missing = await evaluateLocomo(join(dir, 'absent.json'))
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } })
    if (!missing.ok) expect(missing.error.message).toMatch(/not shipped with the repo/)
    const broken = await evaluateLocomo(join(dir, 'broken.json'))
    expect(broken).toMatchObject({ ok: false, error: { code: 'validation' } })
  })
})
