import type {
  MemoryItem,
  MemoryItemView,
  MemoryView,
  QuarantinedRecord,
} from '../../../shared/contract'
import { client } from './client'
import { inform, notify } from './notices'
import { useApp } from './store'
import { revealMessage } from './thread-actions'

/** Asks the runtime for the memory view again (freshness is computed when it is read). */
export async function refreshMemory(): Promise<void> {
  const r = await client().request('memory.list', {})
  if (!r.ok) return notify(r.error)
  useApp.setState({ memory: r.value })
  watchFreshness(r.value)
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

export async function retractMemory(view: MemoryItemView): Promise<void> {
  const r = await client().request('memory.retract', { id: view.item.id })
  if (!r.ok) return notify(r.error)
  inform(`Retracted “${view.item.text}”. It stays in the item’s history.`)
}

/** The item's earlier values, newest first (the item itself excluded). */
export async function memoryHistory(id: string): Promise<MemoryItem[] | null> {
  const r = await client().request('memory.history', { id })
  if (!r.ok) {
    notify(r.error)
    return null
  }
  return r.value.filter((i) => i.id !== id)
}

/**
 * Opens the message a memory item came from. Until the runtime answers `memory.source` with the
 * message's offset, the message is found by time: it was written no later than the item.
 */
export async function openSource(item: MemoryItem): Promise<void> {
  const source = item.source
  if (!source?.conversationId) return
  const conversation = useApp.getState().conversations.find((c) => c.id === source.conversationId)
  if (!conversation) return inform('The conversation this came from is no longer on this device.')
  if (conversation.deletedAt !== null) {
    return inform(`It came from “${conversation.title}”, which is in Trash.`, {
      label: 'Show Trash',
      run: () => useApp.setState({ sidebarView: 'trash' }),
    })
  }
  const found = await revealMessage(source.conversationId, source.messageId, item.createdAt)
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

/** Downloads the record exactly as it was stored, so nothing is lost by discarding it later. */
export function exportQuarantined(record: QuarantinedRecord): void {
  let body = record.raw
  try {
    body = JSON.stringify(JSON.parse(record.raw), null, 2)
  } catch {
    // Not JSON after all: save it as it was read.
  }
  const url = URL.createObjectURL(new Blob([body], { type: 'application/json' }))
  const a = document.createElement('a')
  a.href = url
  a.download = `keepsake-unreadable-${record.origin.replace(/[^\w-]+/g, '-')}-${record.recordId.replace(/[^\w-]+/g, '-')}.json`
  document.body.append(a)
  a.click()
  a.remove()
  URL.revokeObjectURL(url)
}
