import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'
import type { Capture } from '../../../renderer/runtime/understanding/types'

/** Monday 11 May 2026, 09:00 local. */
const NOW = new Date(2026, 4, 11, 9, 0)
const captures = (text: string): Capture[] =>
  analyze(text, NOW).readings.flatMap((r) => (r.type === 'capture' ? r.captures : []))
const kinds = (text: string): string[] => captures(text).map((c) => `${c.kind}:${c.subject ?? ''}`)

describe('introductions, however people type them', () => {
  it.each([
    [
      "i'm Femi by the way, Lagos born, Manchester based",
      ['fact:name', 'fact:birthplace', 'fact:home'],
    ],
    [
      // The town of the firm just named is where the job is, not a second thing said.
      'Hello, myself Priya Natarajan, working as data analyst in Orbitel, Chennai',
      ['fact:name', 'fact:job'],
    ],
    ["g'day, Tom Whitlock here", ['fact:name']],
    ["I'm a nurse, live in Derby with my partner", ['fact:job', 'fact:home']],
  ])('%s', (text, expected) => {
    expect(kinds(text)).toEqual(expected)
  })
})

describe('problems told by their symptoms', () => {
  it.each([
    'the dishwasher has been grinding since Tuesday',
    "our cat's been limping on her front paw",
    'the fan belt is still slipping',
    'bathroom tap keeps dripping all night',
    'the garage door has been sticking all week',
  ])('%s', (text) => {
    expect(captures(text).map((c) => c.kind)).toEqual(['issue'])
  })
  it.each([
    'Rust is such a nice language',
    'the weather is awful today',
    'that film was terrible',
    'I hate it when the bus is late',
  ])('is not a problem: %s', (text) => {
    expect(captures(text).filter((c) => c.kind === 'issue')).toEqual([])
  })
})

describe('names of people and things', () => {
  it('keeps a named relation whatever is said of them', () => {
    expect(captures('My husband Idris retired last spring')).toMatchObject([
      { kind: 'fact', value: 'Idris' },
    ])
  })
  it('reads "my X is called Y" for anything', () => {
    expect(captures('my allotment shed is called Fort Knox')).toMatchObject([
      { kind: 'fact', subject: 'allotment shed name', value: 'Fort Knox' },
    ])
  })
})

describe('chat shorthand', () => {
  it.each([
    ['shld probs renew the car insurance b4 friday', 'task'],
    ['need more printer ink before the exam', 'task'],
    ['I should really get the boiler serviced', 'task'],
  ])('%s', (text, kind) => {
    expect(captures(text).map((c) => c.kind)).toEqual([kind])
  })
})

describe('preferences said in passing', () => {
  it.each([
    ["My name's Eleni Christou but call me Lena", 'preference:address', 'Lena'],
    ['you can call me Zoë with the dots, it matters to me', 'preference:address', 'Zoë'],
    ["I'm on CET these days", 'preference:timezone', 'CET'],
    [
      'Telegram, not WhatsApp, if you ever need to suggest an app',
      'preference:choice: telegram vs whatsapp',
      'Telegram',
    ],
    ['oat milk over dairy, always', 'preference:choice: dairy vs oat milk', 'oat milk'],
  ])('%s', (text, kind, value) => {
    const c = captures(text).find((x) => `${x.kind}:${x.subject ?? ''}` === kind)
    expect(c?.value).toBe(value)
  })
  it.each([
    'leaning towards the Brompton for commuting',
    "I'm firmly team vim",
    'could you not use so many exclamation marks',
    'go easy on the jargon',
    "I can't stand it when people say 'per my last email'",
    'evenings are best for calls',
  ])('%s', (text) => {
    expect(captures(text).map((c) => c.kind)).toEqual(['preference'])
  })
})

describe('what professionals say about the person', () => {
  it.each([
    'my GP said my iron is a bit low',
    'the physio reckons it is a torn calf muscle',
    'Dr. Osei says I should cut down on salt',
  ])('%s', (text) => {
    expect(captures(text).map((c) => c.kind)).toEqual(['fact'])
  })
  it("is still nothing when it is someone's opinion of the world", () => {
    expect(captures('my coworker says Kubernetes is overkill')).toEqual([])
  })
})

describe('a pick that replaces the last one', () => {
  it('reads "went with X instead" after a setting', () => {
    expect(captures('after the trial we went with Linear instead')).toMatchObject([
      { kind: 'preference', value: 'Linear', replaces: '*switch*', correction: true },
    ])
  })
})

describe('what someone is, without a verb', () => {
  it('reads a role with its organisation as a job', () => {
    expect(captures('Paramedic with the county ambulance service, mostly nights')).toMatchObject([
      { kind: 'fact', subject: 'job' },
    ])
  })
  it('does not read a thing as a role', () => {
    expect(captures('the cover for The Fox Who Stayed is due 13 November')[0]?.kind).toBe('task')
  })
})

describe('seen in screenshots', () => {
  it('reads "switched to X from Y" with the old one after the new', () => {
    expect(captures('actually I switched to Qdrant from pgvector')).toMatchObject([
      { kind: 'preference', text: 'I use Qdrant instead of pgvector', replaces: 'pgvector' },
    ])
  })
  it('drops chat fillers in the middle of a statement', () => {
    expect(captures("can't eat gluten btw, coeliac")[0]?.text).toBe('I cannot eat gluten, coeliac')
  })
})

describe('two things said about one subject', () => {
  it.each([
    [
      "I'm building a RAG pipeline and prefer pgvector over Pinecone",
      ['task:', 'preference:choice: pgvector vs pinecone'],
    ],
    ['I live in Hackney and work as a UX researcher for an NHS trust', ['fact:home', 'fact:job']],
    ['I need to email Sam and work on the deck tonight', ['task:', 'task:']],
  ])('%s', (text, expected) => {
    expect(kinds(text)).toEqual(expected)
  })
  it.each(['I need to call mom and book the car', 'I have a dog and a cat'])(
    'keeps "%s" whole',
    (text) => {
      expect(captures(text)).toHaveLength(1)
    },
  )
})

describe('where they live and who someone is, said in passing', () => {
  it.each([
    [
      "I'm Oona, a 41-year-old UX researcher living in Tampere",
      ['fact:name', 'fact:job', 'fact:home'],
    ],
    [
      'I rent a flat in Leslieville, landlord is a guy called Viktor',
      ['fact:', 'fact:landlord name'],
    ],
  ])('%s', (text, expected) => {
    expect(kinds(text)).toEqual(expected)
  })
})

describe('something to do about what was just said', () => {
  it.each([
    ['MOT is due on the 19th, need to book it', 'book it', '2026-05-19'],
    ['my passport expires on 3 June, gotta renew it before the trip', 'renew it', '2026-06-03'],
    ['the dentist bill is 80 quid. dont let me forget', '80 quid', null],
    ['the car tax runs out on the 30th, put that on my list', 'car tax', '2026-05-30'],
    [
      'my C1 medical for the licence is due, must get it done before 15 August',
      'C1 medical',
      '2026-08-15',
    ],
  ])('%s', (text, words, due) => {
    const found = captures(text)
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ kind: 'task' })
    expect(found[0]!.text).toContain(words)
    expect(found[0]!.due?.slice(0, 10) ?? null).toBe(due)
  })
})

describe('a new value for something that holds one at a time', () => {
  it.each([
    ['landlord emailed, rent is now €1,520', 'fact:rent', true],
    ['my dose went up to 80mg', 'fact:dose', true],
    ['promoted!! head chef now', 'fact:job', true],
    ['new job is at the University of Glasgow, same kind of research', 'fact:employer', true],
    ["I'm in a flat in Partick, Glasgow now", 'fact:home', true],
  ])('%s', (text, kind, correction) => {
    const found = captures(text)
    expect(found.map((c) => `${c.kind}:${c.subject ?? ''}`)).toEqual([kind])
    expect(found[0]!.correction).toBe(correction)
  })
})

describe('a time zone by its name, and emoji between two things said', () => {
  it.each([
    ["I'm in Atlanta so eastern time for everything", ['fact:', 'preference:timezone']],
    ['use central european time please', ['preference:timezone']],
    ['GOT THE JOB 🎉🎉 starting at Stripe as a solutions engineer', ['fact:employer']],
    ['guitar lessons 🎸 wednesdays at 6', ['fact:guitar lessons time']],
  ])('%s', (text, expected) => {
    expect(kinds(text)).toEqual(expected)
  })
})

describe('a follow-up after a problem', () => {
  it('leaves the problem a problem', () => {
    expect(kinds('the boiler is broken, need to fix it')).toEqual(['issue:'])
  })
})
