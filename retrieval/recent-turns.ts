import { CONTEXT_TURNS } from './search-docs'

/**
 * The last few message texts of each conversation, as `messageDoc` takes them for the message that
 * comes next: indexing a log in order, ask `before(c)` for a message, then `add(c, text)`.
 */
export class RecentTurns {
  private readonly byConversation = new Map<string, string[]>()

  /** The texts before the next message of `conversationId`, oldest first. */
  before(conversationId: string): readonly string[] {
    return this.byConversation.get(conversationId) ?? []
  }

  /** Forgets every conversation (before indexing a log again from its start). */
  clear(): void {
    this.byConversation.clear()
  }

  /** Records `text` as the newest message of `conversationId`. */
  add(conversationId: string, text: string): void {
    const kept = [...this.before(conversationId), text].slice(-CONTEXT_TURNS)
    this.byConversation.set(conversationId, kept)
  }
}
