import type { MemoryItem } from '../../../shared/schema/current'
import type { Capture } from '../understanding/types'
import { namedThings } from '../understanding/kinds-of-things'
import { otherOwner } from './whose'

/** Words that say a choice changed: "switched", "moved to", "now", "got a new…", "ditched". */
const CHANGE =
  /\b(?:now|switched|switching|moved|moving|changed|changing|migrated|migrating|went with|going with|gone with|instead|replaced|replacing|ditched|dropped|no longer|anymore|any more|new|got|bought|upgraded|traded)\b/iu

/**
 * "actually I switched to Qdrant" after "we use pgvector for the embeddings store", "got a Pixel 8
 * now" after "my phone is an iPhone 12", "moved to Linear" after "we use Jira for tickets": a
 * change to a well-known thing replaces the most recent current item naming another thing of the
 * same kind (`kinds-of-things.ts`) — never one of a different kind, nor someone else's.
 */
export function sameKindOfThing(
  current: readonly MemoryItem[],
  c: Capture,
  message: string,
): MemoryItem | undefined {
  if (c.kind === 'task' || c.kind === 'issue') return undefined
  if (!(c.correction || CHANGE.test(message))) return undefined
  // "I use Qdrant, pgvector was too slow": the new thing is in the first clause that names one;
  // the rest is why.
  const said =
    c.text
      .split(/\s*[,;]\s*/u)
      .map(namedThings)
      .find((things) => things.length > 0) ?? []
  if (said.length === 0) return undefined
  const kinds = new Set(said.map((t) => t.kind))
  const names = new Set(said.map((t) => t.name))
  return current
    .filter(
      (i) =>
        i.kind !== 'task' &&
        i.kind !== 'issue' &&
        !otherOwner(c.text, i.text) &&
        namedThings(i.text).some((t) => kinds.has(t.kind) && !names.has(t.name)),
    )
    .sort((a, b) => b.confirmedAt.localeCompare(a.confirmedAt))[0]
}
