import { describe, expect, it } from 'vitest'
import { choiceOf, choosingTask } from '../../../renderer/runtime/agent/offline/decided'
import { converse } from '../../support/understanding/say-in-turn'

describe('a choice made ends the open task of choosing', () => {
  it.each([
    ['ok we went with Qdrant in the end', 'Qdrant'],
    ['I chose the Yaris', 'Yaris'],
    ['we settled on Lisbon for the offsite', 'Lisbon'],
    ['I went to the shop', null],
    ['we chose to wait', null],
  ])('"%s" chose %s', (said, chosen) => {
    expect(choiceOf(said)).toBe(chosen)
  })

  it('only a task of choosing that names the choice, and only one', () => {
    const open = [
      { id: '1', kind: 'task' as const, text: 'Evaluate pgvector vs Qdrant for search' },
      { id: '2', kind: 'task' as const, text: 'Write the Qdrant migration' },
    ]
    expect(choosingTask('Qdrant', open)?.id).toBe('1')
    expect(choosingTask('Pinecone', open)).toBeNull()
    expect(choosingTask('Qdrant', [...open, { ...open[0]!, id: '3' }])).toBeNull()
  })

  it('"we went with Qdrant in the end" marks "evaluating pgvector vs Qdrant" done', async () => {
    const { items, replies } = await converse([
      "we're evaluating pgvector vs Qdrant for the search service",
      'ok we went with Qdrant in the end',
    ])
    expect(replies[1]).toContain('Marked done: evaluating pgvector vs Qdrant')
    const task = items.find((i) => i.kind === 'task')
    expect(task && 'taskStatus' in task ? task.taskStatus : null).toBe('done')
    expect(items.some((i) => i.status === 'active' && /went with Qdrant/u.test(i.text))).toBe(true)
  })

  it('"I went with the Yaris" leaves "book the Honda Jazz test drive" open', async () => {
    const { items } = await converse(['book the Honda Jazz test drive', 'I went with the Yaris'])
    const task = items.find((i) => i.kind === 'task')
    expect(task && 'taskStatus' in task ? task.taskStatus : null).not.toBe('done')
  })
})
