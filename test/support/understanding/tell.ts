import * as Y from 'yjs'
import { expect } from 'vitest'
import { analyze } from '../../../renderer/runtime/understanding/analyze'
import { recordCapture } from '../../../renderer/runtime/memory/memory-capture'
import { readMemory } from '../../../renderer/runtime/memory/memory-doc'

/** Files every capture of each line, a message two minutes apart; returns what is current. */
export function tell(lines: string[]): string[] {
  const doc = new Y.Doc()
  for (const [n, line] of lines.entries()) {
    const now = new Date(Date.parse('2026-03-04T09:00:00Z') + n * 2 * 60_000)
    for (const r of analyze(line, now).readings)
      if (r.type === 'capture')
        for (const c of r.captures) {
          const saved = recordCapture(
            doc,
            c,
            { now, actor: 'assistant', source: { conversationId: 'c', messageId: `m${n}` } },
            line,
          )
          expect(saved.ok).toBe(true)
        }
  }
  return readMemory(doc)
    .items.filter((i) => i.status === 'active')
    .map((i) => i.text)
}
