import { z } from 'zod'
import { defineRequests } from './define'
import {
  ContextRecord,
  ConversationSummary,
  MemoryItem,
  MemoryView,
  Message,
  QuarantinedRecord,
  RetrievedMemory,
} from './models'
import { Settings, SettingsLimits } from './settings'

const none = z.object({})
const byId = z.object({ id: z.string().min(1) })
const done = z.object({ done: z.literal(true) })

export const AppStatus = z.object({
  spaceId: z.string(),
  spaceName: z.string(),
  deviceId: z.string(),
  schemaVersion: z.number().int(),
  /** Set when the stored space was written by a newer Keepsake: nothing is written until it is upgraded. */
  readOnly: z.object({ schemaVersion: z.number().int() }).nullable(),
  storage: z.object({ usedBytes: z.number(), quotaBytes: z.number() }).nullable(),
})
export type AppStatus = z.infer<typeof AppStatus>

export const MessagePage = z.object({
  conversationId: z.string(),
  messages: z.array(Message),
  total: z.number().int(),
})
export type MessagePage = z.infer<typeof MessagePage>

export const appRequests = defineRequests({
  'app.status': { input: none, output: AppStatus },
})

export const conversationRequests = defineRequests({
  'conversations.list': { input: none, output: z.array(ConversationSummary) },
  'conversations.create': {
    input: z.object({ title: z.string().optional() }),
    output: ConversationSummary,
  },
  'conversations.rename': {
    input: z.object({ id: z.string(), title: z.string().trim().min(1).max(200) }),
    output: done,
  },
  'conversations.trash': { input: byId, output: done },
  /** Pins a conversation to the top of the list, or unpins it; the pin syncs with the space. */
  'conversations.pin': { input: z.object({ id: z.string(), pinned: z.boolean() }), output: done },
  'conversations.restore': { input: byId, output: done },
  /** Deletes a conversation for good, on every synced device; nothing stored keeps its messages. */
  'conversations.deleteForever': { input: byId, output: done },
  /** Deletes every conversation in Trash for good; resolves with how many went. */
  'conversations.emptyTrash': {
    input: none,
    output: z.object({ deleted: z.number().int().nonnegative() }),
  },
  /** Deletes one message for good, on every synced device. */
  'messages.delete': {
    input: z.object({ conversationId: z.string().min(1), messageId: z.string().min(1) }),
    output: done,
  },
  /** A page of messages, oldest first. `beforeIndex` pages backwards from the end. */
  'conversations.messages': {
    input: z.object({
      id: z.string(),
      offset: z.number().int().nonnegative(),
      limit: z.number().int().positive().max(1000),
    }),
    output: MessagePage,
  },
  /** The user's message is durable when this resolves; the reply arrives by events. */
  'chat.send': {
    input: z.object({ conversationId: z.string(), text: z.string().trim().min(1).max(100_000) }),
    output: z.object({ message: Message }),
  },
  'chat.retry': {
    input: z.object({ conversationId: z.string(), messageId: z.string() }),
    output: done,
  },
  /** Stops the reply to user message `messageId` (streaming or waiting); what came so far is kept. */
  'chat.stop': {
    input: z.object({ conversationId: z.string(), messageId: z.string() }),
    output: done,
  },
  'chat.context': { input: z.object({ replyId: z.string() }), output: ContextRecord },
  'search.all': {
    input: z.object({
      query: z.string().min(1).max(500),
      limit: z.number().int().positive().max(100).default(20),
    }),
    output: z.array(RetrievedMemory),
  },
})

export const memoryRequests = defineRequests({
  'memory.list': { input: none, output: MemoryView },
  /**
   * Adds an item directly (a fact unless `kind` says otherwise); durable (strict) before it
   * resolves. The same text already current as that kind is re-confirmed, not duplicated.
   */
  'memory.remember': {
    input: z.object({
      text: z.string().trim().min(1, 'Type what to remember.').max(10_000),
      kind: z.enum(['fact', 'preference', 'task', 'issue']).default('fact'),
    }),
    output: MemoryItem,
  },
  'memory.confirm': { input: byId, output: MemoryItem },
  'memory.edit': {
    input: z.object({ id: z.string(), text: z.string().trim().min(1).max(10_000) }),
    output: MemoryItem,
  },
  'memory.retract': { input: byId, output: MemoryItem },
  /** Every version of an item (replaced, replacing, concurrent), newest edit first. */
  'memory.history': { input: byId, output: z.array(MemoryItem) },
  /** Makes a retracted item current again as a new version; the retraction stays in history. */
  'memory.restore': { input: byId, output: MemoryItem },
  'quarantine.list': { input: none, output: z.array(QuarantinedRecord) },
  'quarantine.discard': { input: z.object({ id: z.number().int() }), output: done },
})

export const settingsRequests = defineRequests({
  'settings.get': { input: none, output: Settings },
  'settings.update': { input: Settings.partial(), output: Settings },
  /** The bounds `settings.update` holds number fields to, so a field can say them before saving. */
  'settings.limits': { input: none, output: SettingsLimits },
})
