import { ok } from '../../../shared/errors'
import type { EngineContext } from './engine-context'
import type { TakenMark } from './taken-mark'

/** How long after the last item taken in the mark is saved (items arrive in bursts). */
const SAVE_AFTER_MS = 2000

/**
 * What this device took in from the relay, kept between runs in `options.taken` (taken-mark.ts):
 * without it every start takes in every item the relay holds again and loads every document to
 * compare it (11.5 s for a 100,000-message space on our machine, more than the first sync).
 */
export interface TakenItems {
  /**
   * Loads the mark for this relay and room (a mark for another says nothing here): its items count
   * as taken in (the ledger holds them), its documents as held by the relay at their positions.
   */
  load(where: { relayUrl: string; documentName: string }): Promise<void>
  /** The stored position of a document, as the target gives it; null without one (or no target support). */
  position(docId: string): Promise<string | null>
  /** Whether `docId` is still at the position where the relay was found to hold all of it. */
  unmoved(docId: string, position: string | null): boolean
  /**
   * Whether the relay holds everything of `docId` without looking at it: it is `unmoved`, and the
   * relay still lists every item that held it.
   */
  held(docId: string, position: string | null): boolean
  /** Notes that the relay holds all of `docId` at `position`, by the items `itemIds`. */
  record(docId: string, position: string | null, itemIds: readonly string[]): void
  /** Saves the mark soon (after a burst of items taken in). */
  saveSoon(): void
  /**
   * Saves the mark now: what was taken in so far, once the target says it is stored (an item
   * counted as taken in before its update is on disk could be lost by a kill).
   */
  save(): Promise<void>
  /** Stops a save that is due. */
  stop(): void
}

/**
 * Creates the mark keeper of one sync.
 * @example const taken = createTakenItems(ctx); await taken.load(where)
 */
export function createTakenItems(ctx: EngineContext): TakenItems {
  const { problems, options, ledger } = ctx
  let where: { relayUrl: string; documentName: string } | null = null
  const docs = new Map<string, { position: string; items: string[] }>()
  let timer: ReturnType<typeof setTimeout> | null = null

  const save = async (): Promise<void> => {
    if (timer !== null) clearTimeout(timer)
    timer = null
    const store = options.taken
    const { settled } = options.target
    // Without a way to know what is stored, nothing is counted as taken in.
    if (where === null || store === undefined || settled === undefined) return
    if (ctx.state.phase !== 'running') return
    // Taken before the target stores what it holds: everything listed is then on disk.
    const items: Record<string, string> = {}
    for (const [itemId, docId] of ledger.entries()) {
      // Once the relay's envelope is in, items it no longer holds (compacted) are dropped.
      if (!ctx.state.synced || ctx.items.has(itemId)) items[itemId] = docId
    }
    const mark: TakenMark = { v: 1, ...where, items, docs: Object.fromEntries(docs) }
    await settled()
    const saved = await store.save(mark)
    if (!saved.ok) problems.report('taken', null, saved.error)
    else problems.clear('taken')
  }

  return {
    async load(place) {
      where = place
      const earlier = options.taken ? await options.taken.load() : ok(null)
      if (!earlier.ok) {
        problems.report('taken', null, earlier.error)
        return
      }
      const mark = earlier.value
      if (mark?.relayUrl !== place.relayUrl || mark.documentName !== place.documentName) return
      for (const [itemId, docId] of Object.entries(mark.items)) ledger.remember(itemId, docId)
      for (const [docId, held] of Object.entries(mark.docs)) docs.set(docId, held)
    },
    position: async (docId) => (options.target.position ? options.target.position(docId) : null),
    unmoved: (docId, position) => position !== null && docs.get(docId)?.position === position,
    held(docId, position) {
      const held = docs.get(docId)
      if (held === undefined || position === null || held.position !== position) return false
      return held.items.every((id) => ctx.items.has(id))
    },
    record(docId, position, itemIds) {
      if (position === null) docs.delete(docId)
      else docs.set(docId, { position, items: [...itemIds] })
    },
    saveSoon() {
      if (timer !== null || options.taken === undefined) return
      timer = setTimeout(() => {
        timer = null
        void ctx.run(save)
      }, SAVE_AFTER_MS)
    },
    save,
    stop() {
      if (timer !== null) clearTimeout(timer)
      timer = null
    },
  }
}
