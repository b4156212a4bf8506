import { describe, expect, it } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'
import { othersTrouble } from '../../../renderer/runtime/understanding/friends-news'
import { itemExtras } from '../../../shared/schema/item-extras'
import { converse } from '../../support/understanding/say-in-turn'

/** Wednesday 4 March 2026, 09:00 local. */
const NOW = new Date(2026, 2, 4, 9, 0)
const stored = (text: string): string[] =>
  analyze(text, NOW).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => `${c.kind}: ${c.text}`) : [],
  )

const due = (i: Parameters<typeof itemExtras>[0]): string => {
  const at = itemExtras(i).extras.due
  return at ? ` ${at.slice(0, 10)}` : ''
}

/** Says each message in turn; returns each task with its status and due day. */
async function tasksAfter(messages: string[]): Promise<string[]> {
  const { items } = await converse(messages)
  return items.flatMap((i) => (i.kind === 'task' ? [`${i.taskStatus}${due(i)}: ${i.text}`] : []))
}

describe("someone else's trouble", () => {
  it.each([
    'my mate Dev got his bike nicked outside Piccadilly',
    'my assistant baker Tom is off with a broken wrist',
    'Our flyhalf Sipho has a niggly hamstring, physio says 2 weeks',
    'my colleague Priya is off sick again',
    'my boss Karen broke her ankle skiing',
  ])('%s is theirs, not a problem of the person', (text) => {
    expect(othersTrouble(text)).toBe(true)
    expect(stored(text).filter((s) => s.startsWith('issue'))).toEqual([])
  })

  it.each([
    'my husband has a chest infection',
    "my dog's been limping since Sunday",
    'my knee is injured',
    'my colleague Raj is covering my shifts',
  ])('%s stays the person’s own', (text) => {
    expect(othersTrouble(text)).toBe(false)
  })
})

describe('what a problem costs, told after it', () => {
  it.each([
    [
      'the scanner gun keep logging me out every 20 minutes so i lose my pick rate',
      'issue: The scanner gun keep logging me out every 20 minutes',
    ],
    [
      "there's black mould on my window frame and i keep coughing",
      'issue: There is black mould on my window frame',
    ],
  ])('%s is one problem', (text, only) => {
    expect(stored(text)).toEqual([only])
  })

  it('leaves what the person keeps meaning to do as a task', () => {
    expect(
      stored('the printer is jammed again and I keep forgetting to call the engineer'),
    ).toHaveLength(2)
  })
})

describe('a thing due by a day, said with what must happen to it', () => {
  it.each([
    ["Kuba's trip form has to be in by Thursday", '2026-05-21'],
    ['the school trip money has to be paid by friday', '2026-05-22'],
    ['the waiting list dashboard has to be ready for the board meeting by the 26th', '2026-05-26'],
  ])('%s is a task due that day', async (text, day) => {
    const [task] = await tasksAfter([text])
    expect(task).toMatch(new RegExp(`^in_progress ${day}: `, 'u'))
  })

  it('is not the day someone has to be somewhere', () => {
    expect(stored('I have to be at work by 8 on Thursday').join()).not.toMatch(/has to be/u)
  })

  it('is not a report that ends another task', async () => {
    const tasks = await tasksAfter([
      "Kuba's trip form has to be in by Thursday",
      'the school trip money has to be paid by friday',
    ])
    expect(tasks.map((t) => t.split(' ')[0])).toEqual(['in_progress', 'in_progress'])
  })
})

describe('done, but waiting for an answer', () => {
  it('keeps the errand in progress with what was said', async () => {
    const { items } = await converse([
      'need to email Dr Rees about swapping placement weeks by Tuesday',
      'emailed Rees, waiting for her to reply',
    ])
    const task = items.find((i) => i.kind === 'task')
    expect(task?.kind === 'task' && task.taskStatus).toBe('in_progress')
    expect(task?.kind === 'task' && task.lastAction).toMatch(/waiting for her to reply/u)
  })

  it('holds up a task done "but waiting on" someone else', async () => {
    const tasks = await tasksAfter([
      'funding bid to the Lottery has to go in by 20 November',
      'bid is written but waiting on the treasurer to sign the accounts',
    ])
    expect(tasks[0]).toMatch(/^blocked\b/u)
  })

  it('keeps practice under way when it is "getting quicker"', async () => {
    const tasks = await tasksAfter([
      'practise jointing a chicken before the knife skills assessment on the 28th',
      'did 3 chickens tonight, getting quicker',
    ])
    expect(tasks[0]).toMatch(/^in_progress\b/u)
  })

  it.each([
    'two modules left, the safeguarding one and the blood transfusion one',
    'only the modules on safeguarding left now',
  ])('keeps a task under way when "%s"', async (said) => {
    const tasks = await tasksAfter([
      'need to finish my mandatory training by end of month, 5 modules',
      said,
    ])
    expect(tasks[0]).toMatch(/^in_progress\b/u)
  })

  it('still finishes a task done with nothing awaited', async () => {
    const tasks = await tasksAfter([
      'need to send the contract to Priya',
      'sent the contract to Priya',
    ])
    expect(tasks[0]).toMatch(/^done: /u)
  })
})

describe('a lot to do', () => {
  it.each(["I've got a lot to do this week", 'we have got too much to do before the move'])(
    '%s is no task and finishes none',
    async (text) => {
      expect(await tasksAfter(['need to book the dentist this week', text])).toEqual([
        'in_progress: Book the dentist this week',
      ])
    },
  )
})
