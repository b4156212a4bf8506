import * as Y from 'yjs'

/**
 * What `local` holds that the merged `remote` updates lack, as one update, or null when the remote
 * already has everything (insertions and deletions). Used on (re)connect to send only what the relay
 * is missing, whatever happened while this device was offline or the engine was not running.
 */
export function missingFromRemote(remote: readonly Uint8Array[], local: Y.Doc): Uint8Array | null {
  if (remote.length === 0) {
    // Nothing there yet (a first upload): the news is the whole document, with no copy to decode
    // and encode again, which for a long conversation costs seconds.
    const { clients, pendingStructs, pendingDs } = local.store
    if (clients.size === 0 && pendingStructs === null && pendingDs === null) return null
    return Y.encodeStateAsUpdate(local)
  }
  const scratch = new Y.Doc()
  try {
    for (const update of remote) Y.applyUpdate(scratch, update)
    const diff = Y.encodeStateAsUpdate(local, Y.encodeStateVector(scratch))
    // A state-vector diff always repeats the whole delete set; applying it to the scratch copy and
    // keeping only what that changed leaves exactly the news.
    const news: Uint8Array[] = []
    scratch.on('update', (update: Uint8Array) => news.push(update))
    Y.applyUpdate(scratch, diff)
    return news.length === 0 ? null : Y.mergeUpdates(news)
  } finally {
    scratch.destroy()
  }
}

/**
 * One update equivalent to all of `updates`, with deleted content garbage-collected; the body of a
 * compaction snapshot. Updates still waiting for missing dependencies are kept, not dropped.
 */
export function foldUpdates(updates: readonly Uint8Array[]): Uint8Array {
  const scratch = new Y.Doc()
  try {
    scratch.transact(() => {
      for (const update of updates) Y.applyUpdate(scratch, update)
    })
    return Y.encodeStateAsUpdate(scratch)
  } finally {
    scratch.destroy()
  }
}
