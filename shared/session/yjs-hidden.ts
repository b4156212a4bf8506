import * as Y from 'yjs'
import { MAX_NESTING_DEPTH } from './limits'
import type { ProblemList } from './problems'
import { CONVERSATIONS_MAP, MEMORY_MAP, MESSAGES_ARRAY, META_MAP } from '../docs'

/** The root types each kind of document may hold; anything else would ride along unseen. */
export const SPACE_ROOTS: ReadonlySet<string> = new Set([META_MAP, MEMORY_MAP, CONVERSATIONS_MAP])
export const CONVERSATION_ROOTS: ReadonlySet<string> = new Set([META_MAP, MESSAGES_ARRAY])

/** Nesting depth of a plain value, walked without recursion; a Yjs type inside counts as infinite. */
function depthOf(value: unknown, limit: number): number {
  let deepest = 0
  const stack: { v: unknown; d: number }[] = [{ v: value, d: 0 }]
  while (stack.length > 0) {
    const { v, d } = stack.pop() ?? { v: null, d: 0 }
    if (v instanceof Y.AbstractType) return Infinity
    if (typeof v !== 'object' || v === null || v instanceof Uint8Array) continue
    const depth = d + 1
    if (depth > limit) return depth
    deepest = Math.max(deepest, depth)
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push({ v: child, d: depth })
  }
  return deepest
}

/**
 * Refuses content a file's Yjs state carries that its readable records cannot show: root types
 * Keepsake does not use, Yjs types nested in records, and values nested deeper than the file limit.
 * Each problem names the document (`path`) and where inside it.
 */
export function checkHiddenContent(
  doc: Y.Doc,
  path: string,
  roots: ReadonlySet<string>,
  problems: ProblemList,
): void {
  for (const name of doc.share.keys()) {
    if (!roots.has(name)) {
      problems.add(
        path,
        `holds a root "${name}" that Keepsake does not use; it would travel unseen`,
      )
    }
  }
  for (const name of roots) {
    const type = doc.share.get(name)
    if (type === undefined) continue
    const entries: [string, unknown][] =
      name === MESSAGES_ARRAY
        ? doc
            .getArray<unknown>(name)
            .toArray()
            .map((v, i) => [String(i), v])
        : [...doc.getMap<unknown>(name).entries()]
    for (const [key, value] of entries) {
      const problem = nestingProblem(`${name}["${key}"]`, value)
      if (problem !== null) problems.add(path, problem)
      if (problems.full) return
    }
  }
}

/**
 * What is wrong with a value stored at `where` (`messages["3"]`, `meta["kind"]`) of a document: a
 * nested Yjs type, or nesting past the limit; null when nothing.
 */
export function nestingProblem(where: string, value: unknown): string | null {
  const depth = depthOf(value, MAX_NESTING_DEPTH)
  if (depth === Infinity) return `${where} holds a nested Yjs type, which no record has`
  if (depth > MAX_NESTING_DEPTH)
    return `${where} is nested deeper than the limit of ${MAX_NESTING_DEPTH} levels`
  return null
}
