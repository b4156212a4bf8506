/** One conversation's share in deciding who keeps a message id: its id, when it was made, its ids in order. */
export interface IdClaimant {
  conversationId: string
  /** Seconds (ChatGPT's `create_time`), or +Infinity when the export gives none. */
  createdAt: number
  messageIds: readonly string[]
}

/** Which message ids must be given new ones: by conversation (its index in the list), the positions. */
export interface IdClaims {
  /** Index of a conversation in the claimants' list → positions of its messages that get new ids. */
  renamed: ReadonlyMap<number, ReadonlySet<number>>
  count: number
}

/** The id a message gets when a conversation created earlier already uses its own. */
export const claimedId = (conversationId: string, messageId: string): string =>
  `${conversationId}:${messageId}`

/**
 * Gives each message id that several conversations use to the conversation created first (then by
 * conversation id, then by the order given); in the others it becomes `<conversation id>:<id>`
 * (`claimedId`), and that new id is taken too. Needs only the ids, not the messages, so an import
 * can decide this before it holds any conversation whole, and the answer does not depend on the
 * order an export lists its conversations in.
 * @example claimIds([{ conversationId: 'b', createdAt: 2, messageIds: ['m'] }, { conversationId: 'a', createdAt: 1, messageIds: ['m'] }]).renamed // Map { 0 => Set { 0 } }
 */
export function claimIds(claimants: readonly IdClaimant[]): IdClaims {
  const order = claimants
    .map((c, index) => ({ c, index }))
    .sort(
      (a, b) =>
        a.c.createdAt - b.c.createdAt ||
        (a.c.conversationId < b.c.conversationId
          ? -1
          : a.c.conversationId > b.c.conversationId
            ? 1
            : 0),
    )
  const claimed = new Set<string>()
  const renamed = new Map<number, Set<number>>()
  let count = 0
  for (const { c, index } of order) {
    c.messageIds.forEach((id, position) => {
      if (!claimed.has(id)) {
        claimed.add(id)
        return
      }
      const positions = renamed.get(index) ?? new Set<number>()
      positions.add(position)
      renamed.set(index, positions)
      claimed.add(claimedId(c.conversationId, id))
      count++
    })
  }
  return { renamed, count }
}
