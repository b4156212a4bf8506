import { describe, expect, it } from 'vitest'
import { restoreSubject } from '../../../renderer/runtime/understanding/subject-drop'
import { converse } from '../../support/understanding/say-in-turn'

describe('a job said with how it is held reads back with its article', () => {
  it.each([
    ['freelance electrician', 'I am a freelance electrician'],
    ['retired nurse', 'I am a retired nurse'],
    ['self-employed plumber', 'I am a self-employed plumber'],
    ['unemployed architect', 'I am an unemployed architect'],
  ])('"%s" → "%s"', (said, restored) => {
    expect(restoreSubject(said)).toBe(restored)
  })

  it.each([
    ['freelance since 2019', 'I am freelance since 2019'],
    ['retired', 'I am retired'],
    ['self-employed now', 'I am self-employed now'],
  ])('a state, not a job, gets no article: "%s"', (said, restored) => {
    expect(restoreSubject(said)).toBe(restored)
  })

  it('"I\'m Tom, freelance electrician, based in Bristol" is told back in good English', async () => {
    const { replies } = await converse([
      "morning! I'm Tom, freelance electrician, based in Bristol",
    ])
    expect(replies[0]).toContain('you are a freelance electrician')
  })
})
