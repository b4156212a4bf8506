import { describe, expect, it } from 'vitest'
import type { Turn } from '../../support/understanding/corpus'
import { evaluate } from '../../support/understanding/evaluate'

/** Plays one conversation through the offline assistant and returns what went wrong. */
async function problems(turns: Turn[], now = '2026-05-18T09:00:00Z'): Promise<string[]> {
  const s = await evaluate({ description: 'inline', scenarios: [{ id: 'inline', now, turns }] })
  return s.failures.map((f) => `${f.turn}: ${f.problem}`)
}

describe('work reported part done', () => {
  it.each([
    ["roster's half done", 'need to do the roster for June by Sunday', 'roster'],
    [
      'postmortem draft is about half done',
      'I have to write the postmortem by Friday',
      'postmortem',
    ],
    ['done 10 of the reports so far', "I've 28 reports to write before the end of May", 'reports'],
    [
      'hospital bag: started, about half packed',
      'pack the hospital bag by mid June',
      'hospital bag',
    ],
    [
      'garage is half cleared, did the shelves today',
      'I have to clear out the garage before the move',
      'garage',
    ],
  ])('%s is under way, not done', async (report, task, word) => {
    expect(
      await problems([
        { say: task, expect: [{ kind: 'task', words: [word] }] },
        {
          say: report,
          expect: [{ kind: 'task', words: [word], action: 'update', status: 'in_progress' }],
        },
      ]),
    ).toEqual([])
  })
})

describe('several updates in one message', () => {
  it('marks each thing named done, the last after a comma too', async () => {
    expect(
      await problems([
        {
          say: 'things to sort: change my address with the bank, redirect post, cancel the gym',
          expect: [
            { kind: 'task', words: ['bank'] },
            { kind: 'task', words: ['post'] },
            { kind: 'task', words: ['gym'] },
          ],
        },
        {
          say: 'bank and post are done, gym cancelled too',
          expect: [
            { kind: 'task', words: ['bank'], action: 'update', status: 'done' },
            { kind: 'task', words: ['post'], action: 'update', status: 'done' },
            { kind: 'task', words: ['gym'], action: 'update', status: 'done' },
          ],
        },
      ]),
    ).toEqual([])
  })

  it('closes the problem a fixer fixed, and leaves what is still there as it was', async () => {
    expect(
      await problems([
        {
          say: 'the kitchen tap has been dripping for a week',
          expect: [{ kind: 'issue', words: ['tap'] }],
        },
        {
          say: 'I need to email the landlord about the tap and the mould in the bathroom',
          expect: [{ kind: 'task', words: ['email'] }],
        },
        {
          say: 'plumber sorted the tap yesterday, mould still there though',
          expect: [{ kind: 'issue', words: ['tap'], action: 'update', status: 'resolved' }],
        },
      ]),
    ).toEqual([])
  })

  it('ends one errand and does not take who was there for another problem', async () => {
    expect(
      await problems([
        {
          say: 'need to give notice by end of month',
          expect: [{ kind: 'task', words: ['notice'] }],
        },
        {
          say: "the landlord still hasn't fixed the extractor fan in the bathroom",
          expect: [{ kind: 'issue', words: ['extractor fan'] }],
        },
        {
          say: 'gave notice today, landlord was fine about it',
          expect: [{ kind: 'task', words: ['notice'], action: 'update', status: 'done' }],
        },
      ]),
    ).toEqual([])
  })
})

describe('reports that read like new items', () => {
  it('a problem told again as still there is the open one, not a second', async () => {
    expect(
      await problems([
        {
          say: 'the bathroom fan also makes this horrible rattling noise',
          expect: [{ kind: 'issue', words: ['bathroom fan'] }],
        },
        {
          say: 'fan is still rattling and Viktor keeps ignoring my texts',
          expect: [{ kind: 'issue', words: ['bathroom fan'], action: 'update', status: 'blocked' }],
        },
      ]),
    ).toEqual([])
  })

  it('a new problem that shares one word with a task stays a new problem', async () => {
    expect(
      await problems([
        {
          say: 'remind me to call the bank about the card fraud thing on Tuesday',
          expect: [{ kind: 'task', words: ['bank'] }],
        },
        {
          say: "card got cloned last week and they still haven't refunded the £320",
          expect: [{ kind: 'issue', words: ['320'] }],
        },
      ]),
    ).toEqual([])
  })

  it('an errand told as done marks the task done instead of replacing it', async () => {
    expect(
      await problems([
        {
          say: 'I need to order a repeat prescription before the 20th',
          expect: [{ kind: 'task', words: ['prescription'] }],
        },
        {
          say: 'I have now ordered the prescription',
          expect: [{ kind: 'task', words: ['prescription'], action: 'update', status: 'done' }],
        },
      ]),
    ).toEqual([])
  })

  it('a problem told as gone is resolved', async () => {
    expect(
      await problems([
        {
          say: 'Biscuit has been limping on her back left leg since yesterday',
          expect: [{ kind: 'issue', words: ['limping'] }],
        },
        {
          say: "limp's gone, vet said probably just a sprain 👍",
          expect: [{ kind: 'issue', words: ['limping'], action: 'update', status: 'resolved' }],
        },
      ]),
    ).toEqual([])
  })
})

describe('an errand done, named by its verb', () => {
  it('"emailed Gareth" finishes "email him about the tap"', async () => {
    expect(
      await problems([
        {
          say: 'the kitchen tap has been dripping for a week',
          expect: [{ kind: 'issue', words: ['tap'] }],
        },
        {
          say: 'I need to email him about the tap before Friday',
          expect: [{ kind: 'task', words: ['email'] }],
        },
        {
          say: 'emailed Gareth',
          expect: [{ kind: 'task', words: ['email'], action: 'update', status: 'done' }],
        },
      ]),
    ).toEqual([])
  })

  it('"registered for the DELE" finishes "register for it", and adds no task', async () => {
    expect(
      await problems([
        {
          say: 'DELE B1 exam is on July 18',
          expect: [{ kind: 'fact', words: ['DELE'] }],
        },
        {
          say: 'need to register for it by june 19',
          expect: [{ kind: 'task', words: ['register'] }],
        },
        {
          say: 'registered for the DELE ✅',
          expect: [{ kind: 'task', words: ['register'], action: 'update', status: 'done' }],
        },
      ]),
    ).toEqual([])
  })

  it('a visit finishes the task to get that person in, beside the fix it made', async () => {
    expect(
      await problems([
        {
          say: 'the big deck oven is making a weird clicking noise',
          expect: [{ kind: 'issue', words: ['oven'] }],
        },
        {
          say: 'need to call the technician, Bertrand, before the weekend rush',
          expect: [{ kind: 'task', words: ['Bertrand'] }],
        },
        {
          say: 'Bertrand came, oven fixed — it was the thermostat',
          expect: [
            { kind: 'issue', words: ['oven'], action: 'update', status: 'resolved' },
            { kind: 'task', words: ['Bertrand'], action: 'update', status: 'done' },
          ],
        },
      ]),
    ).toEqual([])
  })
})

describe('what was waited for', () => {
  it('is blocked while waiting and done when it comes through', async () => {
    expect(
      await problems([
        {
          say: 'need to get the japan visa sorted, will apply by april 1',
          expect: [{ kind: 'task', words: ['visa'] }],
        },
        {
          say: 'visa applied at VFS, now still waiting on the embassy 🤞',
          expect: [{ kind: 'task', words: ['visa'], action: 'update', status: 'blocked' }],
        },
        {
          say: 'visa came through!! passports back',
          expect: [{ kind: 'task', words: ['visa'], action: 'update', status: 'done' }],
        },
      ]),
    ).toEqual([])
  })

  it('"no bluescreens for 2 streams" says the bluescreens are gone', async () => {
    expect(
      await problems([
        {
          say: 'my pc keeps bluescreening mid stream its so annoying',
          expect: [{ kind: 'issue', words: ['bluescreen'] }],
        },
        {
          say: 'need to update my gpu drivers tonight maybe thats it',
          expect: [{ kind: 'task', words: ['gpu drivers'] }],
        },
        {
          say: 'drivers updated, no bluescreens for 2 streams 🙏',
          expect: [
            { kind: 'task', words: ['drivers'], action: 'update', status: 'done' },
            { kind: 'issue', words: ['bluescreen'], action: 'update', status: 'resolved' },
          ],
        },
      ]),
    ).toEqual([])
  })
})

describe('someone else’s word on an open item', () => {
  it('"Jonah said yes to the shift swap" finishes the task to swap with Jonah', async () => {
    expect(
      await problems([
        {
          say: 'I have to swap shifts with Jonah for Saturday',
          expect: [{ kind: 'task', words: ['Jonah'] }],
        },
        {
          say: 'the boiler pressure keeps dropping',
          expect: [{ kind: 'issue', words: ['boiler'] }],
        },
        {
          say: 'Jonah said yes to the shift swap',
          at: '2026-05-20T18:00:00Z',
          expect: [{ kind: 'task', words: ['Jonah'], action: 'update', status: 'done' }],
        },
      ]),
    ).toEqual([])
  })

  it('news about someone else that names no open item stays aside', async () => {
    expect(
      await problems([
        {
          say: 'I have to get Jonah to cover my Saturday shift',
          expect: [{ kind: 'task', words: ['Jonah'] }],
        },
        { say: 'my sister said her new flat is lovely', expect: [] },
      ]),
    ).toEqual([])
  })
})

describe('work under way is not work done', () => {
  it.each([
    [
      'the personal statement is nearly finished, just the conclusion left',
      'need to write my personal statement for the uni application',
      'personal statement',
    ],
    [
      'painted two walls of the spare room so far',
      'I have to paint the spare room before my parents visit',
      'spare room',
    ],
    [
      "migration's underway, about 60% done",
      'need to finish the migration to the new server by the end of the month',
      'migration',
    ],
  ])('%s', async (report, task, word) => {
    expect(
      await problems([
        { say: task, expect: [{ kind: 'task', words: [word] }] },
        {
          say: report,
          at: '2026-05-22T10:00:00Z',
          expect: [{ kind: 'task', words: [word], action: 'update', status: 'in_progress' }],
        },
      ]),
    ).toEqual([])
  })
})

describe('a problem that went away', () => {
  it.each([
    [
      'the fan noise went away by itself',
      'the bathroom extractor fan is making a horrible noise',
      'fan',
    ],
    ['headaches have eased off', 'the headaches have been bad this week', 'headaches'],
    ['no crashes since Tuesday', 'the build server keeps crashing overnight', 'build server'],
  ])('%s', async (report, problem, word) => {
    expect(
      await problems([
        { say: problem, expect: [{ kind: 'issue', words: [word] }] },
        {
          say: 'I need to book the venue for the party',
          expect: [{ kind: 'task', words: ['venue'] }],
        },
        {
          say: report,
          at: '2026-05-22T10:00:00Z',
          expect: [{ kind: 'issue', words: [word], action: 'update', status: 'resolved' }],
        },
      ]),
    ).toEqual([])
  })
})
