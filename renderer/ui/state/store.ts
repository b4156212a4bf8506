import { create } from 'zustand'
import type {
  AppStatus,
  ConversationSummary,
  Message,
  MemoryView,
  Settings,
} from '../../../shared/contract'
import type { RuntimeClient } from '../../../shared/contract/client'

/** A reply being written, keyed by the user message it answers. */
export interface PendingReply {
  conversationId: string
  text: string
  failed: string | null
}

export interface AppState {
  client: RuntimeClient | null
  status: AppStatus | null
  settings: Settings | null
  conversations: ConversationSummary[]
  activeId: string | null
  /** The loaded window of the active conversation, oldest first, and the conversation's total length. */
  messages: Message[]
  total: number
  pending: Record<string, PendingReply>
  memory: MemoryView | null
  /** A human message about the last failure, with what to do next. */
  notice: string | null
}

/** The UI's state. Filled from the runtime's events and answers; the UI never polls. */
export const useApp = create<AppState>(() => ({
  client: null,
  status: null,
  settings: null,
  conversations: [],
  activeId: null,
  messages: [],
  total: 0,
  pending: {},
  memory: null,
  notice: null,
}))
