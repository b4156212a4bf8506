import type {
  MemoryItem,
  MemoryItemView,
  MemoryView,
  QuarantinedRecord,
} from '../../../shared/contract'
import { client } from './client'
import { inform, notify } from './notices'
import { useApp } from './store'
import { jumpTo, revealMessage } from './thread-actions'

/** Asks the runtime for the memory view again (freshness is computed when it is read). */
export async function refreshMemory(): Promise<void> {
  const r = await client().request('memory.list', {})
  if (!r.ok) return notify(r.error)
  useApp.setState({ memory: r.value })
  watchFreshness(r.value)
}

let reading: Promise<void> | null = null
let readAgain = false

/**
 * Re-reads memory after a `memory.changed` event. A burst of changes (an import, a sync catch-up)
 * costs one read in flight and at most one after it, not one per change.
 */
export function memoryChanged(): void {
  if (reading) {
    readAgain = true
    return
  }
  reading = refreshMemory().finally(() => {
    reading = null
    if (readAgain) {
      readAgain = false
      memoryChanged()
    }
  })
}

const MAX_TIMEOUT = 2_147_483_647
let freshnessTimer: ReturnType<typeof setTimeout> | null = null

/**
 * Re-reads memory once, at the moment the next fresh item goes stale, so its "Needs re-verify"
 * badge appears on time without polling.
 */
export function watchFreshness(view: MemoryView, now: number = Date.now()): void {
  if (freshnessTimer !== null) clearTimeout(freshnessTimer)
  freshnessTimer = null
  let next = Infinity
  for (const v of view.items) {
    if (v.item.status !== 'active' || v.freshness !== 'fresh') continue
    const at = Date.parse(v.staleAt)
    if (at > now && at < next) next = at
  }
  if (next === Infinity) return
  freshnessTimer = setTimeout(() => void refreshMemory(), Math.min(MAX_TIMEOUT, next - now + 50))
}

export async function confirmMemory(id: string): Promise<void> {
  const r = await client().request('memory.confirm', { id })
  if (!r.ok) notify(r.error)
}

/** Saves corrected wording; the old wording stays as history. Resolves true when saved. */
export async function editMemory(id: string, text: string): Promise<boolean> {
  const r = await client().request('memory.edit', { id, text })
  if (!r.ok) notify(r.error)
  return r.ok
}

/** Retracts an item and offers Undo, which restores it as a new version. */
export async function retractMemory(view: MemoryItemView): Promise<void> {
  const r = await client().request('memory.retract', { id: view.item.id })
  if (!r.ok) return notify(r.error)
  inform(`Retracted “${view.item.text}”. It stays in the item’s history.`, {
    label: 'Undo',
    run: () => void restoreMemory(r.value),
  })
}

/** Makes a retracted item current again; the retraction stays in its history. */
export async function restoreMemory(item: MemoryItem): Promise<boolean> {
  const r = await client().request('memory.restore', { id: item.id })
  if (!r.ok) {
    notify(r.error)
    return false
  }
  inform(`Restored “${r.value.text}”. It is current again; the retraction stays in its history.`)
  return true
}

/**
 * Adds an item typed in the Memory panel. Resolves true when it is stored; says whether it was new
 * or already remembered (then it was only confirmed again).
 */
export async function addMemory(kind: MemoryItem['kind'], text: string): Promise<boolean> {
  const known = new Set(useApp.getState().memory?.items.map((v) => v.item.id) ?? [])
  const r = await client().request('memory.remember', { kind, text })
  if (!r.ok) {
    notify(r.error)
    return false
  }
  inform(
    known.has(r.value.id)
      ? `Already remembered “${r.value.text}”; confirmed it again.`
      : `Remembered “${r.value.text}”.`,
  )
  return true
}

/** Every version of the item, the item itself included, newest edit first. */
export async function memoryHistory(id: string): Promise<MemoryItem[] | null> {
  const r = await client().request('memory.history', { id })
  if (!r.ok) {
    notify(r.error)
    return null
  }
  return r.value
}

/**
 * Opens the message a memory item came from, scrolled into view and focused. The runtime says where
 * it sits (`memory.source`); if it cannot, the message is looked for by time, as it was written no
 * later than the item.
 */
export async function openSource(item: MemoryItem): Promise<void> {
  const source = await client().request('memory.source', { id: item.id })
  const conversationId = source.ok ? source.value.conversationId : item.source?.conversationId
  const messageId = source.ok ? source.value.messageId : item.source?.messageId
  if (!conversationId || !messageId) {
    inform('This item was typed in the Memory panel, so it has no source message.')
    return
  }
  const conversation = useApp.getState().conversations.find((c) => c.id === conversationId)
  if (!conversation) {
    inform('The conversation this came from is not on this device yet.')
    return
  }
  if (conversation.deletedAt !== null) {
    inform(`It came from “${conversation.title}”, which is in Trash.`, {
      label: 'Show Trash',
      run: () => useApp.setState({ sidebarView: 'trash' }),
    })
    return
  }
  if (source.ok) return jumpTo(conversationId, source.value.offset, messageId)
  const found = await revealMessage(conversationId, messageId, item.createdAt)
  if (!found) inform(`The message is no longer in “${conversation.title}”.`)
}

let focusNonce = 0

/** Brings a memory item into view in the Memory panel. */
export function focusMemory(id: string): void {
  useApp.setState({ memoryFocus: { id, nonce: ++focusNonce } })
}

export async function listQuarantine(): Promise<QuarantinedRecord[] | null> {
  const r = await client().request('quarantine.list', {})
  if (!r.ok) {
    notify(r.error)
    return null
  }
  return r.value
}

export async function discardQuarantined(id: number): Promise<boolean> {
  const r = await client().request('quarantine.discard', { id })
  if (!r.ok) notify(r.error)
  return r.ok
}

/** Downloads the record as it was stored (raw values parsed back), so discarding it loses nothing. */
export async function exportQuarantined(record: QuarantinedRecord): Promise<void> {
  const r = await client().request('quarantine.export', { id: record.id })
  if (!r.ok) return notify(r.error)
  const safe = (s: string): string => s.replace(/[^\w-]+/g, '-')
  const url = URL.createObjectURL(new Blob([r.value.json], { type: 'application/json' }))
  const a = document.createElement('a')
  a.href = url
  a.download = `keepsake-unreadable-${safe(record.origin)}-${safe(record.recordId)}.json`
  document.body.append(a)
  a.click()
  a.remove()
  // The download has its own copy once the click is handled.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}
