import { describe, expect, it } from 'vitest'
import { saysWorkAt } from '../../../renderer/runtime/agent/offline/works-at'
import { loadWordKinds } from '../../../renderer/runtime/agent/offline/word-kinds'
import { converse } from '../../support/understanding/say-in-turn'

describe('who the person is at a place says where they work', () => {
  it.each([
    ['I am nature guide at the Vallée de Mai on Praslin', 'Vallée de Mai'],
    ['im security guard at the Westgate mall', 'Westgate'],
    ['I am tour guide at the Kruger park, mostly the south', 'Kruger'],
    ['Im Thabo Nkosi, taxi driver in Soweto', 'Soweto'],
    ['I am shift supervisor at nickel smelter in Morowali', 'Morowali'],
    ["I'm lollipop lady at St Mary's primary", "St Mary's"],
  ])('"%s" answers where they work', async (said, where) => {
    const { replies } = await converse([said, 'where do I work?'])
    expect(replies[1]).toContain(where)
  })

  it.each([
    'I am away at the coast this week',
    'I am happy at the new flat',
    "I'm a mum at the school gate every morning",
    'I am home with the kids on Fridays',
  ])('"%s" says no work', async (said) => {
    expect(saysWorkAt(said, await loadWordKinds())).toBe(false)
  })
})
