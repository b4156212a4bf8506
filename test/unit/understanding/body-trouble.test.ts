import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'

/** Monday 4 May 2026, 09:00 local. */
const NOW = new Date(2026, 4, 4, 9, 0)
/** The kinds kept from a message; a status update with no open item keeps what it otherwise is. */
const kinds = (text: string): string[] =>
  analyze(text, NOW).readings.flatMap((r) =>
    r.type === 'capture'
      ? r.captures.map((c) => c.kind)
      : r.type === 'status' && r.update.otherwise
        ? [r.update.otherwise.kind]
        : [],
  )

describe('a trouble of the body told by how it feels', () => {
  it.each([
    'my lower back is painful since I lifted the fridge',
    'my shoulder very pain cannot lift the baby',
    'Hamstring is tight since the Sunday league game',
    'me knees are shot from the ladder all week',
    'Knee is bad on the walk down to the bus',
    'my throat is hoarse every night from the call centre',
    'ma heid is pounding since this morning',
    'my eyes are strained from the night shifts',
    'I have pain in my right wrist from the mouse, going on 3 weeks',
    'got an ache in me hip when I climb the ladder',
    'Elbow still painful when I lift the kettle',
  ])('%s is a problem', (text) => {
    expect(kinds(text)).toContain('issue')
  })

  it.each([
    ['I have a bad knee', 'fact'],
    ['my left knee hurts after anything over 10k', 'fact'],
    ['my eyes are brown', 'fact'],
    ['my eye test is on Friday the 15th', 'fact'],
  ])('%s stays a %s', (text, kind) => {
    expect(kinds(text)).toEqual([kind])
  })

  it.each([
    'my head is bad at remembering names',
    'my knee is fine now',
    'my back door needs a new hinge',
  ])('%s is no trouble of the body', (text) => {
    expect(kinds(text)).not.toContain('issue')
  })
})
