import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'
import { splitSentences } from '../../../renderer/runtime/understanding/sentences'
import { toSecondPerson } from '../../../renderer/runtime/agent/offline/voice'
import type { Capture, Reading } from '../../../renderer/runtime/understanding/types'

/** Wednesday 4 March 2026, 09:00 local. */
const NOW = new Date(2026, 2, 4, 9, 0)
const captures = (text: string): Capture[] =>
  analyze(text, NOW).readings.flatMap((r) => (r.type === 'capture' ? r.captures : []))
const types = (text: string): Reading['type'][] => analyze(text, NOW).readings.map((r) => r.type)

describe('sentence splitting', () => {
  it('keeps abbreviations, decimals and emoji inside their sentence', () => {
    expect(
      splitSentences(
        'Remember that Dr. Lee is my dentist. I live in St. Louis, e.g. near the arch. v3.5 is out 🎉',
      ),
    ).toEqual([
      'Remember that Dr. Lee is my dentist.',
      'I live in St. Louis, e.g. near the arch.',
      'v3.5 is out 🎉',
    ])
  })
  it('reads a list under a header of their own words as tasks when it lists things to do', () => {
    expect(
      captures('before the move: cancel the broadband, book a van, return the library books').map(
        (c) => c.kind,
      ),
    ).toEqual(['task', 'task', 'task'])
    expect(captures('my favourite bands: Blur, Pulp, Suede').map((c) => c.kind)).toEqual([
      'preference',
    ])
  })
  it('reads a list under a TODO header as tasks', () => {
    expect(splitSentences('TODO:\n- buy milk\n- call the bank')).toEqual([
      'TODO: buy milk',
      'TODO: call the bank',
    ])
  })
})

describe('capture', () => {
  it.each([
    ['I live in Berlin.', 'fact', 'home', 'Berlin'],
    ['I work at Acme Corp.', 'fact', 'employer', 'Acme Corp'],
    ['Remember that Dr. Lee is my dentist', 'fact', 'dentist', 'Dr. Lee'],
    ['My timezone is America/New_York', 'preference', 'timezone', 'America/New_York'],
    ['I prefer pgvector over Pinecone', 'preference', 'choice: pgvector vs pinecone', 'pgvector'],
    ['call me Sam', 'preference', 'address', 'Sam'],
    ['My sister is a nurse in Leeds.', 'fact', 'sister job', null],
  ])('%s → %s about %s', (text, kind, subject, value) => {
    const [c] = captures(text)
    expect(c).toMatchObject({ kind, subject, ...(value ? { value } : {}) })
  })

  it.each([
    ["I can't eat gluten.", 'fact', 'gluten'],
    ['Remind me to call mom tomorrow.', 'task', 'call mom'],
    ['TODO: book the car service', 'task', 'car service'],
    ['Bug: login fails on Safari', 'issue', 'Safari'],
    ['the printer keeps jamming', 'issue', 'printer'],
    ['no bullet points please', 'preference', 'bullet'],
    ['need to renew my passport by Friday', 'task', 'passport'],
    ["I'm working on the Q3 report", 'task', 'Q3 report'],
    ['love spicy food, the hotter the better', 'preference', 'spicy'],
  ])('%s → %s', (text, kind, words) => {
    const found = captures(text)
    expect(found.map((c) => c.kind)).toContain(kind)
    expect(found.find((c) => c.kind === kind)!.text.toLowerCase()).toContain(words.toLowerCase())
  })

  it('files an appointment as a fact with its date, not as a preference', () => {
    const [c] = captures('My flight to Oslo is on March 3')
    expect(c).toMatchObject({ kind: 'fact' })
    expect(c!.due).not.toBeNull()
  })

  it('leaves a weekday that repeats ("every Thursday") as said, without a date', () => {
    expect(captures('we meet every Thursday at 11')[0]!.text).toBe('We meet every Thursday at 11')
  })
  it('leaves a weekday that comes round ("bin day is Tuesday") without a date', () => {
    expect(captures('our bin day is Thursday')[0]!.text).toBe('Our bin day is Thursday')
    expect(captures('my flight is Thursday')[0]!.text).toMatch(/Thursday, March 5/u)
  })
  it("keeps what someone in the person's care takes, not what they eat", () => {
    expect(captures('my mum takes amlodipine 5mg')[0]).toMatchObject({ kind: 'fact' })
    expect(captures('my flatmate eats cereal for dinner')).toEqual([])
  })
  it('keeps a line for the diary ("physio weds 8:30") and not a weekend mood', () => {
    expect(captures('physio weds 8:30')[0]).toMatchObject({ kind: 'fact' })
    expect(captures('school play next thursday 2pm')[0]).toMatchObject({ kind: 'fact' })
    expect(captures('big weekend, barbecue at my cousins')).toEqual([])
    expect(captures('plans for friday: none')).toEqual([])
  })
  it('puts the date beside a day that names a thing ("the weekend rush", "the Friday meeting")', () => {
    expect(captures('need to call the plumber before the weekend rush')[0]!.text).toBe(
      'Call the plumber before the weekend (Saturday, March 7) rush',
    )
    expect(captures('the Friday standup moved to 10am')[0]!.text).toMatch(
      /^The Friday \(March 6\) standup moved/u,
    )
  })
  it('keeps "Monday the 9th" as said, with the date beside it only when they agree', () => {
    expect(captures("Mum's physio appointment is Monday the 9th at the clinic")[0]!.text).toContain(
      'Monday the 9th (March 9',
    )
    expect(
      captures("Mum's physio appointment is Monday the 12th at the clinic")[0]!.text,
    ).toContain('Monday the 12th at the clinic')
  })
  it('resolves a deadline against the message time and writes it out', () => {
    const [c] = captures('I need to renew my passport by Friday')
    expect(new Date(c!.due!).getDate()).toBe(6)
    expect(c!.text).toContain('March 6')
  })

  it('reads several things from one message', () => {
    const found = captures(
      "I can't eat gluten and I'm allergic to peanuts 🥜. My sister is a nurse in Leeds.",
    )
    expect(found).toHaveLength(3)
  })

  it('stores nothing from small talk, thanks, questions, hypotheticals or other languages', () => {
    for (const text of [
      'thanks!',
      'haha nice',
      'if I moved to Lisbon I would learn Portuguese',
      "Je m'appelle Pierre et j'habite à Paris.",
      'Rust is such a nice language',
    ])
      expect(captures(text)).toEqual([])
  })
})

describe('corrections', () => {
  it('takes the new value and names the old one', () => {
    expect(captures('Actually my name is Sam, not Samantha')[0]).toMatchObject({
      subject: 'name',
      value: 'Sam',
      replaces: 'Samantha',
      correction: true,
    })
  })
  it('applies "no wait" to the value just said', () => {
    const found = captures("My timezone is CET. No wait, it's CEST.")
    expect(found).toHaveLength(1)
    expect(found[0]).toMatchObject({ subject: 'timezone', value: 'CEST' })
  })
  it('applies "wait no" to the value just said', () => {
    const [c] = captures('my pottery class is on Tuesday. wait no its Thursday')
    expect(c!.text).toMatch(/Thursday/u)
    expect(c!.text).not.toMatch(/\bno its\b/u)
  })
  it('reads "switched to" as a correction of an earlier choice', () => {
    expect(captures('actually I switched to Qdrant')[0]).toMatchObject({
      kind: 'preference',
      correction: true,
      value: 'Qdrant',
    })
  })
})

describe('status updates and questions', () => {
  it('reads a report of work done as a status update, not a new task', () => {
    expect(types('I finished the slides')).toEqual(['status'])
    expect(types('sent the slides to Maria')).toEqual(['status'])
  })
  it.each([
    'where do I work?',
    "what's my timezone",
    'who is my dentist?',
    "what's due this week?",
    'What do you know about me?',
    'What did I say about databases?',
    'Why is the release stuck?',
    'When is my gym class?',
  ])('%s is a question', (text) => {
    expect(types(text)).toEqual(['question'])
  })
})

describe('what a question is about', () => {
  it('reads "what did I study?" as about what they studied, not their job', () => {
    const [r] = analyze('what did I study at uni?', NOW).readings
    expect(r).toMatchObject({ type: 'question', question: { type: 'lookup' } })
    expect(r!.type === 'question' && 'subjects' in r.question && r.question.subjects).not.toContain(
      'job',
    )
  })
  it('reads "when did I say the MOT was due?" as about the MOT, not every deadline', () => {
    const [r] = analyze('when did I say the MOT was due?', NOW).readings
    expect(r).toMatchObject({ type: 'question', question: { type: 'lookup', ask: 'when' } })
  })
})

describe('speaking back', () => {
  it('flips pronouns both ways', () => {
    expect(toSecondPerson('I like it when you explain your reasoning')).toBe(
      'You like it when I explain my reasoning',
    )
    expect(toSecondPerson('Dr. Lee is my dentist')).toBe('Dr. Lee is your dentist')
    expect(toSecondPerson("I'm working on my thesis")).toBe("You're working on your thesis")
    expect(toSecondPerson('I would prefer you did not suggest podcasts')).toBe(
      'You would prefer I did not suggest podcasts',
    )
    expect(toSecondPerson('I want you to use code blocks')).toBe('You want me to use code blocks')
  })
  it('reads "from now on" and "even though" as the words they are', () => {
    expect(captures('from now on please use 24-hour time')[0]).toMatchObject({
      kind: 'preference',
      text: 'I want you to use 24-hour time',
    })
    expect(
      captures('I usually order the fish when we eat out, even though I eat meat').map(
        (c) => c.text,
      ),
    ).toEqual(['I usually order the fish when we eat out, even though I eat meat'])
  })
})

describe('what is not a statement', () => {
  it('reads a long paste as a document, not as hundreds of statements', () => {
    const paste = Array.from({ length: 40 }, (_, i) => `Line ${i}: the service restarted.`).join(
      ' ',
    )
    expect(types(paste)).toEqual(['document'])
  })
  it('leaves out what explains a problem or a status change', () => {
    expect(
      captures('our router is acting up again, drops every evening around 8').map((c) => c.kind),
    ).toEqual(['issue'])
  })
  it('leaves out what a problem stops the person doing', () => {
    expect(
      captures('the garage door opener died, I cannot get the car out').map((c) => c.kind),
    ).toEqual(['issue'])
  })
  it('does not read a filler "like" as something the person likes', () => {
    expect(types('the dishwasher leaked again. like every other day')).toEqual(['capture', 'chat'])
  })
  it('does not store a hot take ("vim > emacs, fight me") as a setting', () => {
    expect(captures('vim > emacs, fight me')).toEqual([])
    expect(captures('Coltrane > everyone')).toEqual([])
    expect(captures('controller > mouse for racing games')[0]).toMatchObject({ kind: 'preference' })
  })
  it('does not take a word that only ends like a job ("whatever") for one', () => {
    expect(captures('whatever')).toEqual([])
  })
  it('keeps what a boss or landlord says only when it concerns the person', () => {
    expect(captures('my boss said the canteen is closing in June')).toEqual([])
    expect(captures("landlord says the rent's going up 4% from May")[0]).toMatchObject({
      kind: 'fact',
    })
  })
  it('keeps a pasted-in list item that says what to do', () => {
    expect(captures('📝 renew the bike insurance by the 15th')[0]).toMatchObject({ kind: 'task' })
  })
})

describe('introductions', () => {
  it('reads "I\'m Sam, I work at Acme Corp and I can\'t eat gluten" as three plain statements', () => {
    const found = captures("I'm Sam, I work at Acme Corp and I can't eat gluten.")
    expect(found.map((c) => [c.kind, c.text])).toEqual([
      ['fact', 'My name is Sam'],
      ['fact', 'I work at Acme Corp'],
      ['fact', 'I cannot eat gluten'],
    ])
  })
  it('reads what follows a name as more about the person', () => {
    const found = captures("hi! I'm Priya, backend dev at Northwind Traders")
    expect(found.map((c) => c.text)).toEqual([
      'My name is Priya',
      'I am a backend dev at Northwind Traders',
    ])
  })
})

describe('who the person lives with', () => {
  it('reads where they live and who they live with, by name, as two things', () => {
    expect(captures('I live in Truro with my brother Callum').map((c) => c.text)).toEqual([
      'I live in Truro',
      'I live with my brother Callum',
    ])
  })
  it('keeps "me and my partner" as the person and their partner', () => {
    expect(captures('me and my partner Ines are flying to Crete on July 9')[0]!.text).toMatch(
      /^My partner Ines and I are flying to Crete/u,
    )
  })
})

describe('introductions typed fast', () => {
  it('reads a lower-case name and what follows it', () => {
    expect(captures('heyy im priya, 3rd year law at uni of york').map((c) => c.text)).toEqual([
      'My name is Priya',
      'I am 3rd year law at uni of york',
    ])
  })
  it('does not take a feeling for a name', () => {
    expect(captures('im tired, long shift').map((c) => c.subject)).not.toContain('name')
  })
  it('splits "I live in Denver, work as a nurse" into home and work', () => {
    expect(captures('I live in Galway, work as a physio').map((c) => c.text)).toEqual([
      'I live in Galway',
      'I work as a physio',
    ])
  })
})

describe('other languages', () => {
  it.each([
    'Ich muss morgen meine Mutter anrufen',
    'Tengo que renovar el pasaporte antes de junio',
    "Je m'appelle Hélène et j'habite à Lyon",
    'Devo pagare la bolletta del gas domani',
  ])('keeps %s unanalysed', (text) => {
    expect(analyze(text, NOW).readings.map((r) => r.type)).toEqual(['not-english'])
  })

  it.each([
    "when's bin day",
    'my favourite poet is Federico García Lorca',
    'favourite band: Die Ärzte, since I was a teen',
    'we had dinner at La Tasca on Friday',
  ])('reads %s as English', (text) => {
    expect(analyze(text, NOW).readings.map((r) => r.type)).not.toContain('not-english')
  })
})
