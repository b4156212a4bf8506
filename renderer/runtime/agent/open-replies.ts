import { z } from 'zod'
import { serialQueue } from '../../../shared/serial-queue'
import { check } from '../../../shared/validation'
import type { KvTable } from '../db/space-db'

/** Where the replies being written on this device are noted (one kv row; local, never synced). */
export const OPEN_REPLIES_KEY = 'open-replies'

/** How often (ms) what a reply has streamed so far is written down while it streams. */
const PROGRESS_EVERY_MS = 500

const OpenReply = z.object({
  conversationId: z.string(),
  replyTo: z.string(),
  /** What the reply had streamed when it was last written down. */
  text: z.string(),
})
export type OpenReply = z.infer<typeof OpenReply>
const OpenReplies = z.record(z.string(), OpenReply)

/**
 * A durable note of the replies this device is writing, so a reply cut off by a reload, a crash or
 * a quit is never lost silently: the next start finds the note and saves what had arrived as an
 * interrupted reply, with Retry. Writes go one at a time (replies of several conversations run at
 * once and share the row).
 */
export interface OpenReplies {
  open(reply: OpenReply): Promise<void>
  /** Notes what has streamed so far; written at most every half second. */
  progress(replyTo: string, text: string): void
  close(replyTo: string): Promise<void>
  /** The notes a run that ended while writing replies left behind (read before anything else). */
  leftOver(): Promise<OpenReply[]>
}

export function openReplies(kv: KvTable): OpenReplies {
  const serial = serialQueue()
  const lastWrite = new Map<string, number>()
  const read = async (): Promise<Record<string, OpenReply>> => {
    const row = await kv.get(OPEN_REPLIES_KEY)
    if (!row) return {}
    const checked = check(OpenReplies, row.value, OPEN_REPLIES_KEY)
    if (!checked.ok) console.error('open replies unreadable:', checked.error.message)
    return checked.ok ? checked.value : {}
  }
  const update = (fn: (all: Record<string, OpenReply>) => void): Promise<void> =>
    serial(async () => {
      const all = await read()
      fn(all)
      if (Object.keys(all).length === 0) await kv.delete(OPEN_REPLIES_KEY)
      else await kv.put({ key: OPEN_REPLIES_KEY, value: all })
    })
  // Read first, before any reply of this run can be noted.
  const atStart = serial(read)
  return {
    open: (reply) => update((all) => void (all[reply.replyTo] = reply)),
    progress(replyTo, text) {
      const now = Date.now()
      if (now - (lastWrite.get(replyTo) ?? 0) < PROGRESS_EVERY_MS) return
      lastWrite.set(replyTo, now)
      void update((all) => {
        const open = all[replyTo]
        if (open) all[replyTo] = { ...open, text }
      }).catch((e: unknown) => console.error('could not note reply progress', e))
    },
    close: (replyTo) => {
      lastWrite.delete(replyTo)
      return update((all) => void delete all[replyTo])
    },
    leftOver: async () => Object.values(await atStart),
  }
}
