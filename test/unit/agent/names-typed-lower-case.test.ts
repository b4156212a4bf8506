import { describe, expect, it } from 'vitest'
import { converse } from '../../support/understanding/say-in-turn'
import { readsAsName } from '../../../renderer/runtime/agent/offline/reads-as-name'

/** The reply to `question` after `told`, said in turn. */
const answerTo = async (told: string, question: string): Promise<string> =>
  (await converse([told, question])).replies[1]!

describe('a name typed in lower case answers "what is my X called?"', () => {
  it.each([
    ['my supervisor is dr patel', "what's my supervisor's name?", 'dr patel'],
    ['my supervisor is dr patel', 'whats my supervisor called', 'dr patel'],
    ['my sister is jo, she lives in york', "what's my sister's name?", 'jo'],
    ['my dentist is mrs okafor on high street', 'what is my dentist called?', 'okafor'],
    ['my boss is mike', 'whats my bosses name', 'mike'],
    ['my piano teacher is sarah hughes', "what's my piano teacher's name?", 'sarah hughes'],
  ])('%s → %s', async (told, question, name) => {
    expect((await answerTo(told, question)).toLowerCase()).toContain(name)
  })

  it('a role or a place is not a name', async () => {
    expect(await answerTo('my brother is a nurse', "what's my brother's name?")).toMatch(
      /don't have anything/u,
    )
  })
})

describe('readsAsName', () => {
  it.each([
    ['My supervisor is dr patel', true],
    ['My sister is jo, she lives in york', true],
    ['Your boss is mike', true],
    ['My GP is Dr. Anand at the Ridge surgery', true],
    ['My brother is a nurse', false],
    ['My sister is in leeds', false],
    ['My husband is a plumber', false],
    ['My car is 12 years old', false],
  ])('%s → %s', (text, name) => {
    expect(readsAsName(text)).toBe(name)
  })
})
