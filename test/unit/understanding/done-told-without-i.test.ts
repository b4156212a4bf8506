import { describe, expect, it } from 'vitest'
import { isQuestion } from '../../../renderer/runtime/understanding/question'
import { converse, openAfter } from '../../support/understanding/say-in-turn'

describe('"did the …" without a question mark is a thing done, told without "I"', () => {
  it.each([
    'did the hygiene course, passed 90%',
    'did the reset at Goondiwindi',
    'yeah did the big shop',
  ])('"%s" is not a question', (said) => {
    expect(isQuestion(said)).toBe(false)
  })

  it.each([
    'did the plumber come',
    'did my mum ring',
    'did the parcel arrive yet',
    'did the hygiene course?',
  ])('"%s" is still a question', (said) => {
    expect(isQuestion(said)).toBe(true)
  })

  it('finishes the open task it names, after a "yeah" too', async () => {
    const items = await openAfter([
      'I have to pay the gas bill',
      'gotta do the food hygiene course by friday',
      'need to do the 24 hour reset this week',
      'did the hygiene course, passed 90%',
      'yeah did the reset at Goondiwindi',
    ])
    expect(items.map((i) => i.open)).toEqual([true, false, false])
  })
})

describe('a task someone else did', () => {
  it.each([
    [
      'need to print the seed swap posters by Friday',
      'my husband Ade did the posters at his work printer',
    ],
    ['need to get my taxi medical done before the renewal', "GP did the medical, form's gone off"],
  ])('"%s" is finished by "%s"', async (task, report) => {
    const items = await openAfter(['I have to pay the gas bill', task, report])
    expect(items.map((i) => i.open)).toEqual([true, false])
  })

  it('finishes nothing that was not on the list', async () => {
    const items = await openAfter([
      'I have to pay the gas bill',
      'my sister did the flowers for our wedding',
    ])
    expect(items.map((i) => i.open)).toEqual([true])
  })
})

describe('a short form for the open item', () => {
  it('finds the one open item a report names by its initials or a clipped word', async () => {
    const items = await openAfter([
      'I have to pay the gas bill',
      'Access to Work payment late again 2 months, they owe me £640',
      'need to send chapter 3 to my supervisor by Friday',
      'AtW paid finally!!',
      'sent ch3!!!!',
    ])
    expect(items.map((i) => i.open)).toEqual([true, false, false])
  })
})

describe('a thing done with nothing open about it', () => {
  it('is said back whole, not as a quoted scrap', async () => {
    const { replies } = await converse(['I submitted chapter 3 to my supervisor today'])
    expect(replies[0]).toBe(
      "You submitted chapter 3 to your supervisor today — I don't have an open task or problem for that, so I didn't record anything.",
    )
  })
})

describe('a month or a day shared is not the thing done', () => {
  it('"booked Grace an eye exam for Feb 3" leaves "file the notice by Feb 1" open', async () => {
    const items = await openAfter([
      'need to file our notice of intent with the county by Feb 1',
      'booked Grace an eye exam for Feb 3 at 10',
    ])
    expect(items.map((i) => i.open)).toEqual([true])
  })
})

describe('a thing named, then what to do about it', () => {
  it('"MCA survey due, got to book it before 1 sept" is one task about the survey, due that day', async () => {
    const { items, replies } = await converse(['MCA survey due, got to book it before 1 sept'])
    expect(replies[0]).toBe('Added to your tasks: MCA survey due — need to book it before 1 sept.')
    const task = items.find((i) => i.kind === 'task')
    expect(task && 'due' in task ? String(task.due) : '').toContain('2026-09-01')
  })
})

describe('a task done by booking a day ahead', () => {
  it('"survey booked for the 27th" finishes the task and keeps the day', async () => {
    const { items } = await converse([
      'MCA survey due, got to book it before 1 sept',
      'survey booked for the 27th',
    ])
    expect(items.map((i) => [i.kind, i.kind === 'task' ? i.taskStatus : i.text])).toEqual([
      ['task', 'done'],
      ['fact', 'Survey booked for the 27th'],
    ])
  })
})

describe('a thing got done with nothing open for it', () => {
  it('"got the car washed" is kept as done, said so, and is not a thing to do', async () => {
    const { items, replies } = await converse([
      'got the car washed',
      'got the nursery forms done and posted',
    ])
    expect(replies).toEqual([
      'Noted as done: you got the car washed.',
      'Noted as done: you got the nursery forms done and posted.',
    ])
    expect(items.map((i) => (i.kind === 'task' ? i.taskStatus : i.kind))).toEqual(['done', 'done'])
    const open = await openAfter(['got the car washed'])
    expect(open.map((i) => i.open)).toEqual([false])
  })

  it('"got to finish the report by friday" stays a thing to do', async () => {
    const { items, replies } = await converse(['got to finish the report by friday'])
    expect(replies[0]).toMatch(/^Added to your tasks: finish the report by Friday/u)
    expect(items.map((i) => (i.kind === 'task' ? i.taskStatus : i.kind))).toEqual(['in_progress'])
  })
})

describe('"had the …" without a question mark is a thing done, told without "I"', () => {
  it.each(['had the jab this morning, arm’s a bit sore', 'had my interview at 10, went ok'])(
    '"%s" is not a question',
    (said) => {
      expect(isQuestion(said)).toBe(false)
    },
  )

  it('"had the parcel arrived?" is still a question', () => {
    expect(isQuestion('had the parcel arrived?')).toBe(true)
  })
})
