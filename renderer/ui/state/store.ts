import { create } from 'zustand'
import type { AppStatus, ConversationSummary, MemoryView, Settings } from '../../../shared/contract'
import type { RuntimeClient } from '../../../shared/contract/client'
import type { Thread } from './thread'

/** A reply being written, keyed by the user message it answers. */
export interface PendingReply {
  conversationId: string
  text: string
  failed: string | null
}

/** A message the person entered that is waiting to be saved (not yet "Saved"). */
export interface OutgoingMessage {
  localId: number
  /** Null when there was no conversation yet: the first message makes one. */
  conversationId: string | null
  text: string
}

/** A message to the person: a failure with its next step, or news with an optional action. */
export interface Notice {
  id: number
  tone: 'error' | 'info'
  message: string
  next: string | null
  action: { label: string; run: () => void } | null
}

export type DialogName = 'settings' | 'palette' | 'quarantine' | 'context'

/** Asks the chat view to bring a message into view and focus it. */
export interface JumpRequest {
  conversationId: string
  index: number
  messageId: string
  nonce: number
}

export interface AppState {
  client: RuntimeClient | null
  status: AppStatus | null
  settings: Settings | null
  conversations: ConversationSummary[]
  activeId: string | null
  /** The open conversation: its length and the pages of it loaded so far. */
  thread: Thread | null
  pending: Record<string, PendingReply>
  /** Messages entered and not saved yet, in the order they were entered. */
  outbox: OutgoingMessage[]
  /** Failed replies the person asked to retry; their Retry button is gone. */
  retried: Record<string, true>
  memory: MemoryView | null
  notices: Notice[]
  dialog: DialogName | null
  /** The reply whose context the "What the assistant saw" dialog shows. */
  contextReplyId: string | null
  jump: JumpRequest | null
  /** Bumped when the chat view should scroll to the newest message (the person just sent one). */
  endNonce: number
  /** A memory item to bring into view in the Memory panel. */
  memoryFocus: { id: string; nonce: number } | null
  /** Text to put in a conversation's message box (a suggestion was picked, a message came back). */
  composerSeed: { conversationId: string | null; text: string; nonce: number } | null
  /** Bumped when the message box should take the keyboard (a new conversation was started). */
  composerFocus: number
  sidebarView: 'conversations' | 'trash'
}

/** The UI's state. Filled from the runtime's events and answers; the UI never polls. */
export const useApp = create<AppState>(() => ({
  client: null,
  status: null,
  settings: null,
  conversations: [],
  activeId: null,
  thread: null,
  pending: {},
  outbox: [],
  retried: {},
  memory: null,
  notices: [],
  dialog: null,
  contextReplyId: null,
  jump: null,
  endNonce: 0,
  memoryFocus: null,
  composerSeed: null,
  composerFocus: 0,
  sidebarView: 'conversations',
}))
