import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'
import { outcomeOf } from '../../../renderer/runtime/understanding/outcome'
import type { Capture } from '../../../renderer/runtime/understanding/types'

/** Wednesday 4 March 2026, 09:00 local. */
const NOW = new Date(2026, 2, 4, 9, 0)
const captures = (text: string): Capture[] =>
  analyze(text, NOW).readings.flatMap((r) => (r.type === 'capture' ? r.captures : []))
const said = (text: string): string[] => captures(text).map((c) => `${c.kind}: ${c.text}`)

describe('several things in one message', () => {
  it('reads a second thing said after "but" without saying "I" again', () => {
    expect(said("I love literary fiction but can't stand Westerns")).toEqual([
      'preference: I love literary fiction',
      'preference: I cannot stand Westerns',
    ])
    expect(said('My home town is Madurai but staying in Chennai since 2021')).toEqual([
      'fact: My home town is Madurai',
      'fact: I have lived in Chennai since 2021',
    ])
  })

  it('keeps a medicine apart from the condition only when both are the speaker’s', () => {
    expect(said("I'm asthmatic, on salbutamol 100mcg when needed")).toEqual([
      'fact: I am asthmatic',
      'fact: I am on salbutamol 100mcg when needed',
    ])
    // Dad's medicine is not the speaker's.
    expect(captures("dad's got angina, on bisoprolol 5mg").map((c) => c.text)).toEqual([
      "My dad's got angina, on bisoprolol 5mg",
    ])
  })

  it('remembers who someone is when they are named on the way to something else', () => {
    expect(said('me and my husband Tomasz are flying to Gdansk on the 9th')).toContain(
      'fact: My husband is Tomasz',
    )
    expect(said('my sister Ines and I run a bakery in Braga')).toContain('fact: My sister is Ines')
    expect(said('we went to the lakes with my friend Oluwaseun')).toContain(
      'fact: My friend is Oluwaseun',
    )
    // The person as the subject of the sentence is one fact, as said.
    expect(said('my brother Kofi works at Heathrow')).toEqual([
      'fact: My brother Kofi works at Heathrow',
    ])
  })

  it('reads a second named role said the way the first was', () => {
    expect(said('my GP is Dr Mensah, dentist Dr Kowalski')).toEqual([
      'fact: My GP is Dr Mensah',
      'fact: My dentist is Dr Kowalski',
    ])
  })

  it('reads who holds a role, said after a comma, as its own fact — not an errand', () => {
    expect(said('my manager is Kasia Nowak, head of data is Tunde Bello')).toEqual([
      'fact: My manager is Kasia Nowak',
      'fact: Head of data is Tunde Bello',
    ])
    expect(captures('contact person is Ingrid')[0]!.kind).toBe('fact')
  })

  it('does not drop where someone works from home', () => {
    expect(said("I'm a copywriter, mostly adverts, working from home in Cork")).toContain(
      'fact: I am working from home in Cork',
    )
    expect(captures("I'm working from home today")).toEqual([])
  })

  it('keeps a place named for its owner and "has" in "it\'s been"', () => {
    expect(said("I'm a porter at St Thomas's in Lambeth").join()).toContain(
      "St Thomas's in Lambeth",
    )
    expect(said("the council still hasn't collected the bins, it's been 3 weeks").join()).toContain(
      'it has been 3 weeks',
    )
  })
})

describe('why, said after what', () => {
  it('keeps the reason with the request it explains', () => {
    expect(
      said("no emojis please, I read these on a work laptop and I'd rather keep it clean"),
    ).toHaveLength(1)
    expect(said('short answers please, I usually read on my phone')).toEqual([
      'preference: I want short answers, I usually read on my phone',
    ])
  })
  it('keeps what points back at a fact with it', () => {
    expect(said("I'm allergic to latex, I use nitrile gloves instead")).toHaveLength(1)
    expect(said('Students call me Dr Funmi, and I prefer that you do as well')).toHaveLength(1)
    // A thing of its own, with a new name in it, stays apart.
    expect(said('my GP is Dr Lee, I see Dr Okafor for my knee as well')).toHaveLength(2)
  })
  it('keeps how a task stands with the task', () => {
    expect(said('I need to renew my passport, I keep putting it off')).toEqual([
      'task: Renew my passport, I keep putting it off',
    ])
  })
  it('still files a second request of its own', () => {
    expect(said("I love thrillers, I can't stand horror")).toHaveLength(2)
  })
})

describe('facts said in the ways work and letters say them', () => {
  it('keeps who the main client is, one at a time', () => {
    const [c] = captures('main client at the moment is Harrow & Vale Solicitors')
    expect(c).toMatchObject({ kind: 'fact', subject: 'main client' })
    expect(captures('new client is a bakery in Hove')[0]).toMatchObject({
      kind: 'fact',
      subject: null,
    })
  })
  it('reads a letter signed with a name as the person’s name', () => {
    expect(said('Kind regards, Dr. Ifeoma Eze')).toEqual(['fact: My name is Dr. Ifeoma Eze'])
    expect(captures('cheers, thanks again')).toEqual([])
  })
  it('keeps what others owe the person, and where their family still lives', () => {
    expect(said('my flatmate owes me £45 for the gas bill')).toHaveLength(1)
    expect(captures('my grandparents still live in Ballymena')[0]).toMatchObject({ kind: 'fact' })
  })
})

describe("other people's news", () => {
  it('is theirs, not a fact of the person’s life', () => {
    expect(captures('my cousin just bought a flat in Salford')).toEqual([])
    expect(captures('my colleague Priya got engaged!')).toEqual([])
  })
  it('still keeps where they work, live or how old they are', () => {
    expect(said('my cousin Ade just started at Arup')).toEqual([
      'fact: My cousin Ade just started at Arup',
    ])
    expect(said('my sister got married in 2019')).toEqual(['fact: My sister got married in 2019'])
  })
})

describe('work in progress keeps its words', () => {
  it('keeps "for", "up" and "together" after the verb', () => {
    expect(captures('training for the Leeds half in May')[0]!.text).toMatch(
      /^Training for the Leeds half/u,
    )
    expect(captures("I'm setting up the new till")[0]!.text).toBe('Setting up the new till')
  })
})

describe('small things said in passing', () => {
  it('is nothing to keep when they step away for a moment', () => {
    expect(captures('off to make a cuppa, brb')).toEqual([])
    expect(captures('back in 5 mins')).toEqual([])
    expect(captures('going to grab a coffee with Imogen on Friday')).toHaveLength(1)
  })
  it('reads an appliance not keeping cold as a problem', () => {
    expect(captures('the chest freezer is not keeping cold, minus 4 this morning')[0]!.kind).toBe(
      'issue',
    )
  })
})

describe('mishaps are problems', () => {
  it.each([
    'the photographer we booked cancelled on us',
    'someone nicked my bike from outside the gym',
    'my E string snapped halfway through the gig',
    'the rent payment bounced',
    'the plasterer never turned up',
  ])('%s', (text) => {
    expect(captures(text).map((c) => c.kind)).toEqual(['issue'])
  })

  it('reads a thing "playing up again" as a problem, in English', () => {
    expect(captures('printer playing up again today, same as before')[0]!.kind).toBe('issue')
  })

  it('is not a mishap when it is a "what if"', () => {
    expect(
      captures('if someone nicked my bike I would be gutted').map((c) => c.kind),
    ).not.toContain('issue')
  })
})

describe('an outcome names the problem by a word the tagger reads as a verb', () => {
  it('resolves "deposit came back" against the open problem about the deposit', () => {
    const open = [
      { id: 'i1', kind: 'issue' as const, text: 'The agency still has not returned my deposit' },
      { id: 't1', kind: 'task' as const, text: 'Cancel the gym' },
    ]
    expect(outcomeOf('deposit finally came back', open)).toMatchObject({
      item: { id: 'i1' },
      status: 'resolved',
    })
  })
})

describe('times as people say them', () => {
  it('keeps the time in their words and reads a bare appointment hour as the afternoon', () => {
    const [c] = captures('physio appointment friday at 4')
    expect(c!.text).toContain('at 4')
    expect(c!.text).not.toContain('04:00')
    const due = analyze('physio appointment friday at 4', NOW).readings.flatMap((r) =>
      r.type === 'capture' ? r.captures : [],
    )[0]!.due
    expect(due === null ? null : new Date(due).getHours()).toBe(16)
  })
  it('keeps "6am" and a morning hour as said', () => {
    expect(captures('spin class at 6am tomorrow')[0]!.text).toContain('6am')
    expect(captures('spin class at 6am tomorrow')[0]!.text).not.toContain('18:')
  })
})
