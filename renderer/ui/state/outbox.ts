import { client } from './client'
import { restoreToDraft } from './drafts'
import { notify } from './notices'
import { useApp, type OutgoingMessage } from './store'
import { newConversation } from './actions'

let nextLocalId = 1
let tail: Promise<void> = Promise.resolve()
/** Queued messages given back to the draft because one before them failed: not to be sent. */
const takenBack = new Set<number>()

/**
 * Sends a message the person just entered. The box is free again at once: messages wait here, in
 * the order they were entered, and are saved one after another, so a second Enter while the first
 * message is saving queues instead of being dropped. One that cannot be saved goes back into its
 * conversation's draft with every message queued behind it, so no word is lost.
 */
export function enqueueSend(conversationId: string | null, text: string): void {
  const item: OutgoingMessage = { localId: nextLocalId++, conversationId, text }
  useApp.setState((s) => ({ outbox: [...s.outbox, item], endNonce: s.endNonce + 1 }))
  tail = tail.then(() => deliver(item))
}

const remove = (localIds: ReadonlySet<number>): void =>
  useApp.setState((s) => ({ outbox: s.outbox.filter((o) => !localIds.has(o.localId)) }))

async function deliver(item: OutgoingMessage): Promise<void> {
  if (takenBack.delete(item.localId)) return
  const id = item.conversationId ?? useApp.getState().activeId ?? (await newConversation())
  if (id === null) return giveBack(item)
  const r = await client().request('chat.send', { conversationId: id, text: item.text })
  if (!r.ok) {
    notify(r.error)
    return giveBack(item)
  }
  remove(new Set([item.localId]))
}

/** Puts a message that was not saved, and those queued after it for the same conversation, back in the draft. */
function giveBack(item: OutgoingMessage): void {
  const queued = useApp.getState().outbox
  const from = queued.findIndex((o) => o.localId === item.localId)
  const back = queued
    .slice(Math.max(0, from))
    .filter((o) => o.conversationId === item.conversationId)
  const text = restoreToDraft(
    item.conversationId,
    back.map((o) => o.text),
  )
  for (const o of back) if (o.localId !== item.localId) takenBack.add(o.localId)
  remove(new Set(back.map((o) => o.localId)))
  useApp.setState({
    composerSeed: { conversationId: item.conversationId, text, nonce: nextLocalId++ },
  })
}
