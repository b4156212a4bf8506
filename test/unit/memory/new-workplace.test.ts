import { describe, expect, it } from 'vitest'
import { currentAfter } from '../../support/understanding/say-in-turn'

describe('a new place of work told as news', () => {
  it('"agency moved me to the Corby site last week" replaces where the speaker worked', async () => {
    const current = await currentAfter([
      'i work as picker in the big Rexa warehouse outside Daventry',
      'my sister lives in Cork',
      'oh and agency moved me to the Corby site last week',
    ])
    expect(current.some((t) => t.includes('Daventry'))).toBe(false)
    expect(current.some((t) => t.includes('Corby'))).toBe(true)
    expect(current).toContain('My sister lives in Cork')
  })

  it('"I don\'t work there anymore, since last week I am in Revolut, same job" replaces the old employer', async () => {
    const current = await currentAfter([
      'I work like software tester in a company of e-commerce, Farfetch',
      "I don't work there anymore, since last week I am in Revolut, same job",
    ])
    expect(current.some((t) => t.includes('Farfetch'))).toBe(false)
    expect(current.some((t) => t.includes('Revolut'))).toBe(true)
  })

  it('a move still to come ("from next monday") leaves where the speaker works now', async () => {
    const current = await currentAfter([
      'i work as picker in the big Rexa warehouse outside Daventry',
      'oh and agency move me to the Corby site from next monday',
    ])
    expect(current.some((t) => t.includes('Daventry'))).toBe(true)
  })

  it('someone else moved, or the speaker now in a town, replaces nothing', async () => {
    const current = await currentAfter([
      'I work at Acme as a nurse',
      'my sister got moved to the Leeds office',
      'same job, but I am in London now',
    ])
    expect(current).toContain('I work at Acme as a nurse')
  })
})

describe('a move to another site of the same work keeps the rest of the job', () => {
  it('"agency moved me to the Corby site" keeps "agency contract through StaffLine"', async () => {
    const current = await currentAfter([
      'i work as picker in the big Rexa warehouse outside Daventry, agency contract thru StaffLine',
      'oh and agency moved me to the Corby site last week',
    ])
    const work = current.filter((t) => t.includes('Corby'))
    expect(work).toHaveLength(1)
    expect(work[0]).toContain('StaffLine')
    expect(work[0]).not.toContain('Daventry')
  })

  it('a new employer keeps nothing of the old job', async () => {
    const current = await currentAfter([
      'I work like software tester in a company of e-commerce, Farfetch',
      "I don't work there anymore, since last week I am in Revolut, same job",
    ])
    expect(current.filter((t) => t.includes('Revolut')).join(' ')).not.toContain('Farfetch')
  })
})
