import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { recordCapture } from '../../../renderer/runtime/memory/memory-capture'
import { readMemory } from '../../../renderer/runtime/memory/memory-doc'
import type { ChangeContext } from '../../../renderer/runtime/memory/memory-ops'
import type { Capture } from '../../../renderer/runtime/understanding/types'

const ctx = (iso: string, messageId: string): ChangeContext => ({
  now: new Date(iso),
  actor: 'assistant',
  source: { conversationId: 'c1', messageId },
})

const capture = (kind: Capture['kind'], text: string, correction = false): Capture => ({
  kind,
  text,
  subject: null,
  value: null,
  due: null,
  schedule: null,
  replaces: null,
  correction,
})

describe('a new value of an errand, told as a fact, stays an errand', () => {
  it('"actually the vet check-up is Thursday" after "take Biscuit for his vet check-up on Tuesday"', () => {
    const doc = new Y.Doc()
    recordCapture(
      doc,
      capture('task', 'Take Biscuit for his vet check-up on Tuesday'),
      ctx('2026-05-04T09:00:00Z', 'm1'),
    )
    const next = recordCapture(
      doc,
      capture('fact', 'The vet check-up is Thursday', true),
      ctx('2026-05-04T09:04:00Z', 'm2'),
    )
    expect(next.ok && next.value).toMatchObject({ kind: 'task', status: 'active' })
    const active = readMemory(doc).items.filter((i) => i.status === 'active')
    expect(active.map((i) => [i.kind, i.text])).toEqual([['task', 'The vet check-up is Thursday']])
  })
})
