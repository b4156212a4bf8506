import { client } from './client'
import { writeDraft } from './drafts'
import { inform, notify } from './notices'
import { useApp } from './store'

/** Renames a conversation; resolves true when saved. */
export async function renameConversation(id: string, title: string): Promise<boolean> {
  const r = await client().request('conversations.rename', { id, title })
  if (!r.ok) notify(r.error)
  return r.ok
}

/** Moves a conversation to Trash, with Undo. */
export async function trashConversation(id: string): Promise<void> {
  const title = useApp.getState().conversations.find((c) => c.id === id)?.title ?? 'Conversation'
  const r = await client().request('conversations.trash', { id })
  if (!r.ok) return notify(r.error)
  inform(`Moved “${title}” to Trash.`, { label: 'Undo', run: () => void restoreConversation(id) })
}

/** Pins a conversation to the top of the list, or unpins it; resolves true when saved. */
export async function pinConversation(id: string, pinned: boolean): Promise<boolean> {
  const r = await client().request('conversations.pin', { id, pinned })
  if (!r.ok) notify(r.error)
  return r.ok
}

/** Brings a conversation back from Trash. */
export async function restoreConversation(id: string): Promise<void> {
  const r = await client().request('conversations.restore', { id })
  if (!r.ok) return notify(r.error)
  const title = useApp.getState().conversations.find((c) => c.id === id)?.title ?? 'Conversation'
  inform(`Restored “${title}”.`)
}

/** Deletes a conversation for good, here and on every synced device; resolves true when done. */
export async function deleteConversationForever(id: string): Promise<boolean> {
  const title = useApp.getState().conversations.find((c) => c.id === id)?.title ?? 'Conversation'
  const r = await client().request('conversations.deleteForever', { id })
  if (!r.ok) {
    notify(r.error)
    return false
  }
  writeDraft(id, '')
  inform(`Deleted “${title}” for good.`)
  return true
}

/** Deletes every conversation in Trash for good. */
export async function emptyTrash(): Promise<void> {
  const r = await client().request('conversations.emptyTrash', {})
  if (!r.ok) return notify(r.error)
  const n = r.value.deleted
  inform(`Deleted ${n} ${n === 1 ? 'conversation' : 'conversations'} for good.`)
}

/** Deletes one message for good, here and on every synced device. */
export async function deleteMessage(conversationId: string, messageId: string): Promise<boolean> {
  const r = await client().request('messages.delete', { conversationId, messageId })
  if (!r.ok) {
    notify(r.error)
    return false
  }
  inform('Message deleted for good.')
  return true
}
