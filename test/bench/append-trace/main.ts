import { Dexie } from 'dexie'
import { PersistedDoc } from '../../../renderer/runtime/docs/persisted-doc'
import { TAIL_SIZE } from '../../../renderer/runtime/docs/page-layout'
import { must, openSpace } from '../page/open-space'
import { synthMessages } from '../page/synth'
import type { TraceResult, TracedSpan } from './trace-api'

/**
 * The append-trace page: sequential strict appends as bench row 3 makes them, with what ran inside
 * each noted beside its latency. PersistedDoc's compaction is wrapped (start and end), and
 * IndexedDB's `put`/`delete` note the big writes: snapshots, pages of more than TAIL_SIZE
 * messages, deleted pages. Diagnosis only; the bench rows hold the figures.
 */
const spans: TracedSpan[] = []

const proto = PersistedDoc.prototype as unknown as Record<string, unknown>
const compact = proto.compact
if (typeof compact === 'function') {
  proto.compact = async function (this: { docId: string }, ...args: unknown[]) {
    const t0 = performance.now()
    try {
      return await (compact as (...a: unknown[]) => Promise<unknown>).apply(this, args)
    } finally {
      spans.push({ what: `compact ${this.docId.split(':')[0]}`, t0, t1: performance.now() })
    }
  }
}

const put = IDBObjectStore.prototype.put
IDBObjectStore.prototype.put = function (this: IDBObjectStore, value: unknown, key?: IDBValidKey) {
  const t = performance.now()
  const size = (value as { messages?: unknown[] } | null)?.messages?.length ?? 0
  if (this.name === 'messagePages' && size > TAIL_SIZE)
    spans.push({ what: `page of ${size} written`, t0: t, t1: t })
  if (this.name === 'snapshots') spans.push({ what: 'snapshot written', t0: t, t1: t })
  return put.call(this, value, key)
}
const remove = IDBObjectStore.prototype.delete
IDBObjectStore.prototype.delete = function (this: IDBObjectStore, key: IDBValidKey | IDBKeyRange) {
  const t = performance.now()
  if (this.name === 'messagePages') spans.push({ what: 'page deleted', t0: t, t1: t })
  return remove.call(this, key)
}

/** `count` sequential strict appends to a new conversation of a new space; dropped afterwards. */
async function trace(count: number): Promise<TraceResult> {
  const spaceId = `append-trace-${crypto.randomUUID()}`
  spans.length = 0
  const space = must(await openSpace(spaceId, 'strict'), 'open the space')
  const startMs = Date.UTC(2026, 0, 1)
  const conversation = must(
    await space.createConversation('Append trace', new Date(startMs)),
    'create the conversation',
  )
  const messages = synthMessages({
    seed: 3,
    from: 0,
    count,
    startMs,
    stepMs: 1000,
    deviceId: 'bench-device',
  })
  const appends: { t0: number; t1: number }[] = []
  performance.mark('append-trace-sync')
  const syncNow = performance.now()
  for (const message of messages) {
    const t0 = performance.now()
    must(await space.append(conversation.id, [message]), 'append')
    appends.push({ t0, t1: performance.now() })
  }
  await space.settle()
  space.db.close()
  await Dexie.delete(spaceId)
  return { appends, spans: [...spans], syncNow }
}

;(window as unknown as { appendTrace: typeof trace }).appendTrace = trace
