/**
 * The `kv` mark of a conversation stored whole from another device (`commitSealed`) whose pages
 * are still to be checked against its state and put into the id index (`checkSealed`). While it is
 * there, a lookup by message id also reads that conversation's pages (`pageOf`, `putPagedRows`).
 */
export const SEALED_MARK_PREFIX = 'sealed-unchecked:'

/** The kv key of a conversation's mark. */
export const sealedMarkKey = (conversationId: string): string =>
  `${SEALED_MARK_PREFIX}${conversationId}`
