import { describe, expect, it } from 'vitest'
import { outcomeOf, type OpenThing } from '../../../renderer/runtime/understanding/outcome'
import { stemOf } from '../../../renderer/runtime/understanding/similarity'

describe('a symptom named as a thing ends the problem told with it as a verb', () => {
  it.each([
    ['the freezing stopped after the update', 'My laptop keeps freezing'],
    [
      "the grinding's gone since the new pads went on",
      'The car makes a grinding noise when I brake',
    ],
    ['the clicking has stopped', "My knee's been clicking when I climb stairs"],
  ])('%s', (text, problem) => {
    const open: OpenThing[] = [
      { id: 'i1', kind: 'issue', text: problem },
      { id: 't1', kind: 'task', text: 'Renew the car insurance before May' },
    ]
    expect(outcomeOf(text, open)).toMatchObject({ item: { id: 'i1' }, status: 'resolved' })
  })

  it('ends nothing when the word is another one that starts the same', () => {
    const open: OpenThing[] = [
      { id: 'i1', kind: 'issue', text: 'The paint on the door is peeling' },
    ]
    expect(outcomeOf('the pain has gone', open)).toBeNull()
  })

  it.each([
    ['freezing', 'freeze'],
    ['grinding', 'grind'],
    ['leaking', 'leak'],
    ['dropped', 'drop'],
  ])('%s and %s have one stem', (a, b) => {
    expect(stemOf(a)).toBe(stemOf(b))
  })

  it('pain and paint have two', () => {
    expect(stemOf('pain')).not.toBe(stemOf('paint'))
  })
})
