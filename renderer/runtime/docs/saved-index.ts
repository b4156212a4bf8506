import { z } from 'zod'
import { newId } from '../../../shared/ids'
import { loadSearchIndex, loadSearchIndexParts, type SearchIndex } from '../../../retrieval'
import { SEARCH_INDEX_KEY, type SpaceDb } from '../db/space-db'

/**
 * The saved search index in `caches`: under SEARCH_INDEX_KEY its header and the generation of its
 * parts, each part in its own row (`search-index/<generation>/<n>`). A save writes a new generation
 * and drops the old one in one transaction, so a reader never mixes parts of two saves: a part
 * gone from under it (another window saved meanwhile) only makes that load fail, and the index is
 * rebuilt. Builds before parts kept the whole snapshot as one string under the same key.
 */

const PARTS_PREFIX = `${SEARCH_INDEX_KEY}/`
const partKey = (generation: string, n: number): string => `${PARTS_PREFIX}${generation}/${n}`

const Head = z.object({ header: z.string(), generation: z.string().min(1) })

/** A saved index as loaded; `oneString` when it came in the layout before parts (save it again). */
export interface SavedIndex {
  index: SearchIndex
  oneString: boolean
}

/** Saves `index` as a header and parts, in place of whatever was saved before. */
export async function saveIndex(db: SpaceDb, index: SearchIndex): Promise<void> {
  const { header, parts } = index.toParts()
  const generation = newId()
  await db.transaction('rw', db.caches, async () => {
    await db.caches.where('key').startsWith(PARTS_PREFIX).delete()
    await db.caches.bulkPut(parts.map((value, n) => ({ key: partKey(generation, n), value })))
    await db.caches.put({ key: SEARCH_INDEX_KEY, value: { header, generation } })
  })
}

/**
 * Loads the saved index a part at a time, waiting on `step` before each read and each decode so
 * other work runs between them. Null when nothing usable is saved (missing, damaged, another
 * version, a part missing): the caller builds the index afresh.
 */
export async function loadSavedIndex(
  db: SpaceDb,
  step: () => Promise<void>,
): Promise<SavedIndex | null> {
  const row = await db.caches.get(SEARCH_INDEX_KEY)
  if (row === undefined) return null
  if (typeof row.value === 'string') {
    const loaded = loadSearchIndex(row.value)
    return loaded.ok ? { index: loaded.value, oneString: true } : unusable(loaded.error.message)
  }
  const head = Head.safeParse(row.value)
  if (!head.success) return unusable('its header cannot be read')
  const loader = loadSearchIndexParts(head.data.header)
  if (!loader.ok) return unusable(loader.error.message)
  for (let n = 0; n < loader.value.parts; n++) {
    await step()
    const part = await db.caches.get(partKey(head.data.generation, n))
    if (typeof part?.value !== 'string') return unusable(`part ${n + 1} is missing`)
    await step()
    const pushed = loader.value.push(part.value)
    if (!pushed.ok) return unusable(pushed.error.message)
  }
  const index = loader.value.finish()
  return index.ok ? { index: index.value, oneString: false } : unusable(index.error.message)
}

/** Derived data that cannot be used is rebuilt; the console says why. */
function unusable(reason: string): null {
  console.warn(`the saved search index is rebuilt: ${reason}`)
  return null
}
