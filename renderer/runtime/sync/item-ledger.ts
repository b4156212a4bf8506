/**
 * Which envelope items this device has taken in: applied here or written here (each with its
 * document), and those whose bytes failed validation or decryption (retrying the same bytes cannot
 * help). An item not in the ledger is still to be applied.
 */
export interface ItemLedger {
  /** Records an item as taken in, for `docId`. */
  remember(itemId: string, docId: string): void
  /** Forgets everything about an item (it was deleted or replaced in the envelope). */
  forget(itemId: string): void
  /** Whether the item was applied or written here. */
  has(itemId: string): boolean
  markUnreadable(itemId: string): void
  isUnreadable(itemId: string): boolean
  /** The ids of the items taken in for one document. */
  idsOf(docId: string): string[]
  /** Every item taken in, with its document. */
  entries(): [itemId: string, docId: string][]
}

/**
 * Creates an empty ledger.
 * @example const ledger = createItemLedger(); ledger.remember('item-1', 'space')
 */
export function createItemLedger(): ItemLedger {
  const known = new Map<string, string>()
  const byDoc = new Map<string, Set<string>>()
  const unreadable = new Set<string>()
  return {
    remember(itemId, docId) {
      known.set(itemId, docId)
      let set = byDoc.get(docId)
      if (!set) byDoc.set(docId, (set = new Set()))
      set.add(itemId)
    },
    forget(itemId) {
      const docId = known.get(itemId)
      if (docId !== undefined) byDoc.get(docId)?.delete(itemId)
      known.delete(itemId)
      unreadable.delete(itemId)
    },
    has: (itemId) => known.has(itemId),
    markUnreadable: (itemId) => void unreadable.add(itemId),
    isUnreadable: (itemId) => unreadable.has(itemId),
    idsOf: (docId) => [...(byDoc.get(docId) ?? [])],
    entries: () => [...known],
  }
}
