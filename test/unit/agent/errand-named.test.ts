import { describe, expect, it } from 'vitest'
import { errandNamed } from '../../../renderer/runtime/agent/offline/errand-named'
import { loadWordLinks } from '../../../renderer/runtime/agent/offline/word-links'

const tasks = [
  { id: 'apply', kind: 'task' as const, text: 'Apply for the band 4 associate practitioner job' },
  { id: 'gp', kind: 'task' as const, text: 'Register with the GP' },
  { id: 'meet', kind: 'task' as const, text: 'Meet Sarah about the budget' },
]

describe('the errand a report names by the noun of its verb', () => {
  it.each([
    ['application in!', 'apply'],
    ["my application's in 🎉", 'apply'],
    ['registration done at Boldmere surgery', 'gp'],
    ['meeting done, she signed it off', 'meet'],
  ])('"%s" finishes %s', async (report, id) => {
    expect(errandNamed(report, tasks, await loadWordLinks())?.id).toBe(id)
  })

  it.each([
    ["the meeting's in an hour", 'a time ahead, not handed in'],
    ['application form is on the website', 'no word that ends it'],
    ['the cleaning is done', 'a noun of no task’s verb'],
  ])('none for "%s" (%s)', async (report) => {
    expect(errandNamed(report, tasks, await loadWordLinks())).toBeNull()
  })
})
