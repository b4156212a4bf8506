import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'
import { restoreSubject } from '../../../renderer/runtime/understanding/subject-drop'

/** Wednesday 4 March 2026, 09:00 local. */
const NOW = new Date(2026, 2, 4, 9, 0)
const kinds = (text: string): string[] =>
  analyze(text, NOW).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => c.kind) : [],
  )

describe('what someone else did, told as a story', () => {
  it.each([
    'drunk lad just tried to pay me in Greggs vouchers 😂',
    'one of the boys got into Arsenal academy!! so proud of him',
    'this old man on the train started telling me about his pigeons',
    'the delivery guy left my parcel with next door',
  ])('%s keeps no fact or preference', (text) => {
    expect(kinds(text)).toEqual([])
  })

  it.each([
    // What a professional did for the person is their care.
    'physio gave me a strap and eccentric exercises',
    // A new value, a name said with "called", what someone told them: still kept.
    'Dr Reyes switched me to 1000mg of metformin once a day',
    'the recruiter there is called Jenna Moss',
    // A thing of theirs that moved is news of its own, not someone's story.
    'office relocated to Farringdon last month',
    "HR told me I've got 11 days of leave left this year",
    // The person is the subject after a label.
    'bit of background: I grew up on a dairy farm in Wisconsin',
  ])('%s is still kept', (text) => {
    expect(kinds(text)).toEqual(['fact'])
  })
})

describe('a sentence that starts with a verb in the past, "I" left out', () => {
  it('reads the verb in lower case, not "Sat" as Saturday', () => {
    expect(restoreSubject('Sat with a family for three hours')).toBe(
      'I sat with a family for three hours',
    )
    expect(restoreSubject('Spoke to him yesterday')).toBe('I spoke to him yesterday')
  })

  it("so an afternoon's doings are not kept as a fact", () => {
    expect(kinds('It was a heavy day. Sat with a family for three hours this afternoon.')).toEqual(
      [],
    )
  })
})
