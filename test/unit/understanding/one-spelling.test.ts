import { describe, expect, it } from 'vitest'
import { oneSpelling } from '../../../renderer/runtime/understanding/one-spelling'
import { sayInTurn } from '../../support/understanding/say-in-turn'

describe('one spelling for a word spelt two ways', () => {
  it.each([
    ['licence', 'license'],
    ['colour', 'color'],
    ['favourite', 'favorite'],
    ['neighbours', 'neighbors'],
    ['labourer', 'laborer'],
    ['centre', 'center'],
    ['litres', 'liters'],
    ['theatre', 'theater'],
    ['tyres', 'tires'],
    ['mould', 'mold'],
    ['grey', 'gray'],
    ['programme', 'program'],
    ['organise', 'organize'],
    ['realised', 'realized'],
    ['apologising', 'apologizing'],
    ['prioritise', 'prioritize'],
    ['recognise', 'recognize'],
    ['analyse', 'analyze'],
    ['paediatrician', 'pediatrician'],
    ['anaesthetic', 'anesthetic'],
    ['oesophagus', 'esophagus'],
  ])('%s is %s', (word, one) => {
    expect(oneSpelling(word)).toBe(one)
  })

  it.each([
    'four',
    'hour',
    'tours',
    'pour',
    'flour',
    'detour',
    'promise',
    'compromise',
    'exercise',
    'surprise',
    'advise',
    'raise',
    'noise',
    'premise',
    'acre',
    'genre',
    'license',
    'color',
  ])('%s stays as it is', (word) => {
    expect(oneSpelling(word)).toBe(word)
  })
})

/** Each task's text and status after saying each message in turn. */
const tasksAfter = async (messages: readonly string[]): Promise<string[]> =>
  (await sayInTurn(messages))
    .filter((i) => i.kind === 'task' && i.status === 'active')
    .map((i) => `${i.text} [${i.kind === 'task' ? i.taskStatus : ''}]`)

describe('an update that spells the thing the other way', () => {
  it.each([
    ['Must renew my tourism driver license in Potosí before 24 April', 'Licence renewed in Potosí'],
    ['book the theatre for Saturday', 'theater booked'],
    ['need to renew the TV licence before the end of the month', 'license renewed online'],
    ['have to get new tyres on the van before the MOT', 'tires sorted'],
    ['must send the programme for the open day to the printers by Friday', 'program sent'],
  ])('"%s", then "%s": the task is done', async (task, update) => {
    const tasks = await tasksAfter([task, update])
    expect(tasks).toHaveLength(1)
    expect(tasks[0]).toMatch(/\[done\]$/u)
  })
})
