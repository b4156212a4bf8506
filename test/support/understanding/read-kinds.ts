import { analyze } from '../../../renderer/runtime/understanding/analyze'

/** How a message is read: the kind of each thing it files, or the reading's type ("status", "chat"…). */
export function readKinds(text: string, now: Date): string[] {
  return analyze(text, now).readings.flatMap((r) =>
    r.type === 'capture' ? r.captures.map((c) => c.kind) : [r.type],
  )
}
