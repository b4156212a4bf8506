import { z } from 'zod'
import { defineEvents } from './define'
import { ConversationSummary, Message } from './models'
import { AppStatus } from './requests'
import { Settings } from './settings'
import { FilesProgress } from './files-requests'
import { SyncStatusView } from './sync-requests'

export const runtimeEvents = defineEvents({
  'messages.appended': z.object({ conversationId: z.string(), messages: z.array(Message) }),
  /** Messages deleted for good (here or on another device); nothing stored holds them any more. */
  'messages.removed': z.object({ conversationId: z.string(), ids: z.array(z.string()) }),
  /** A reply being written; `text` is everything so far. Ends when the reply message is appended. */
  'reply.progress': z.object({ conversationId: z.string(), replyTo: z.string(), text: z.string() }),
  'reply.failed': z.object({
    conversationId: z.string(),
    replyTo: z.string(),
    message: z.string(),
  }),
  'conversations.changed': z.object({ conversations: z.array(ConversationSummary) }),
  /** Memory items that changed (empty: anything may read differently, e.g. the quarantine count or freshness). Windows ask for what they show. */
  'memory.changed': z.object({ ids: z.array(z.string()) }),
  'status.changed': AppStatus,
  'settings.changed': Settings,
  'files.progress': FilesProgress,
  'sync.status': SyncStatusView,
  /**
   * The runtime is going away to load again under a new policy (a relay was allowed); windows
   * connect to the new one (the browser host: a new SharedWorker; Electron: main sends a new port).
   */
  'runtime.restarting': z.object({ reason: z.string() }),
})
