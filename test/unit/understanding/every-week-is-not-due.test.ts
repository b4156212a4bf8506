import { describe, expect, it } from 'vitest'
import { findSchedule } from '../../../renderer/runtime/understanding/dates'
import { converse } from '../../support/understanding/say-in-turn'

describe('what comes round every week is kept as such, with no one day due', () => {
  it.each([
    ['we close at 6 on Saturdays', 'we close at 6 on saturdays'],
    ['bins go out Thursday nights', 'bins go out thursday nights'],
    ["I'm off Mondays", 'i am off mondays'],
    ['im busy at weekends with the kids football', 'busy at weekends'],
  ])('"%s" is a fact without a due date', async (said, text) => {
    const { items } = await converse([said])
    const fact = items.find((i) => i.kind === 'fact' && i.text.toLowerCase().includes(text))
    expect(fact).toBeDefined()
    expect(fact && 'due' in fact ? fact.due : null).toBeNull()
  })

  it('reads a part of every such day, and weekends, as a schedule', () => {
    expect(findSchedule('choir practice is Tuesday evenings')).toBe('Tuesday evenings')
    expect(findSchedule('I work on weekends')).toBe('on weekends')
    expect(findSchedule('the dentist is on Tuesday evening')).toBeNull()
  })

  it('still dates a one-off day', async () => {
    const { items } = await converse(['the dentist is on Tuesday evening'])
    const fact = items.find((i) => i.kind === 'fact' && /dentist/iu.test(i.text))
    expect(fact && 'due' in fact ? fact.due : null).not.toBeNull()
  })
})
