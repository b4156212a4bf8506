import * as Y from 'yjs'
import { MAX_NESTING_DEPTH } from './limits'
import type { ProblemList } from './problems'
import { CONVERSATIONS_MAP, MEMORY_MAP, MESSAGES_ARRAY, META_MAP } from '../docs'

/** The root types each kind of document may hold; anything else would ride along unseen. */
export const SPACE_ROOTS: ReadonlySet<string> = new Set([META_MAP, MEMORY_MAP, CONVERSATIONS_MAP])
export const CONVERSATION_ROOTS: ReadonlySet<string> = new Set([META_MAP, MESSAGES_ARRAY])

/**
 * Nesting depth of a plain value below `depth`, a Yjs type inside counting as infinite; stops past
 * `limit`, so the recursion is never deeper than the limit. Every record of an import is walked
 * here, so nothing is allocated on the way.
 */
function depthOf(value: unknown, limit: number, depth = 0): number {
  if (value instanceof Y.AbstractType) return Infinity
  if (typeof value !== 'object' || value === null || value instanceof Uint8Array) return depth
  const below = depth + 1
  if (below > limit) return below
  let deepest = below
  if (Array.isArray(value)) {
    for (const child of value) {
      deepest = Math.max(deepest, depthOf(child, limit, below))
      if (deepest > limit) return deepest
    }
    return deepest
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue
    deepest = Math.max(deepest, depthOf((value as Record<string, unknown>)[key], limit, below))
    if (deepest > limit) return deepest
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
      const problem = nestingProblem(() => `${name}["${key}"]`, value)
      if (problem !== null) problems.add(path, problem)
      if (problems.full) return
    }
  }
}

/**
 * What is wrong with a value stored at `where` (`messages["3"]`, `meta["kind"]`, made only when
 * needed) of a document: a nested Yjs type, or nesting past the limit; null when nothing.
 */
export function nestingProblem(where: () => string, value: unknown): string | null {
  const depth = depthOf(value, MAX_NESTING_DEPTH)
  if (depth === Infinity) return `${where()} holds a nested Yjs type, which no record has`
  if (depth > MAX_NESTING_DEPTH)
    return `${where()} is nested deeper than the limit of ${MAX_NESTING_DEPTH} levels`
  return null
}
