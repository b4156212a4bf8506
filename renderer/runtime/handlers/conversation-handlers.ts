import { err, ok } from '../../../shared/errors'
import { newId } from '../../../shared/ids'
import { CURRENT_SCHEMA_VERSION, type Message } from '../../../shared/schema/current'
import { ContextRecord } from '../../../shared/contract/models'
import { check } from '../../../shared/validation'
import type { RuntimeHandlers } from '../../../shared/contract'
import type { RuntimeContext } from '../context'
import { assistantMessage, reply } from '../agent/reply'
import { openReplies } from '../agent/open-replies'
import { INTERRUPTED } from '../agent/reply-marks'

type ConversationHandlers = Pick<
  RuntimeHandlers,
  | 'conversations.list'
  | 'conversations.create'
  | 'conversations.rename'
  | 'conversations.trash'
  | 'conversations.pin'
  | 'conversations.restore'
  | 'conversations.deleteForever'
  | 'conversations.emptyTrash'
  | 'messages.delete'
  | 'conversations.messages'
  | 'chat.send'
  | 'chat.retry'
  | 'chat.stop'
  | 'chat.context'
  | 'search.all'
>

const titleFrom = (text: string): string => {
  const line = text.trim().split('\n')[0] ?? ''
  return line.length > 60 ? `${line.slice(0, 57)}…` : line || 'New conversation'
}

/**
 * Conversations, chat turns and search. Replies in one conversation run one after another; each can
 * be stopped. Replies cut off by the end of the previous run are saved as interrupted, with Retry.
 */
export function conversationHandlers(ctx: RuntimeContext): ConversationHandlers {
  const replies = new Map<string, Promise<void>>()
  /** Replies asked for and not finished, by the id of the message they answer. */
  const running = new Map<string, AbortController>()
  const open = openReplies(ctx.space.kv)
  const enqueueReply = (conversationId: string, user: Message): void => {
    const stop = new AbortController()
    running.set(user.id, stop)
    const prev = replies.get(conversationId) ?? Promise.resolve()
    const next = prev.then(() =>
      reply(ctx, conversationId, user, { signal: stop.signal, open })
        .catch((e: unknown) => {
          console.error('reply failed', e)
          ctx.emit('reply.failed', {
            conversationId,
            replyTo: user.id,
            message: 'Something went wrong while answering. Your message is saved; try again.',
          })
        })
        .finally(() => {
          if (running.get(user.id) === stop) running.delete(user.id)
          return open.close(user.id).catch((e: unknown) => console.error('open reply note', e))
        }),
    )
    replies.set(conversationId, next)
  }
  void saveInterrupted(ctx, open)

  return {
    'conversations.list': async () => ok(await ctx.space.summaries()),
    'conversations.create': async ({ title }) => {
      const created = await ctx.space.createConversation(
        title?.trim() || 'New conversation',
        ctx.now(),
      )
      if (!created.ok) return created
      const summary = (await ctx.space.summaries()).find((s) => s.id === created.value.id)
      return summary ? ok(summary) : err('internal', 'The new conversation could not be read back.')
    },
    'conversations.rename': async ({ id, title }) => {
      const r = await ctx.space.updateConversation(id, { title })
      if (!r.ok) return r
      return ok({ done: true as const })
    },
    'conversations.trash': async ({ id }) => {
      const r = await ctx.space.updateConversation(id, { deletedAt: ctx.now().toISOString() })
      if (!r.ok) return r
      return ok({ done: true as const })
    },
    'conversations.pin': async ({ id, pinned }) => {
      const r = await ctx.space.updateConversation(id, {
        pinnedAt: pinned ? ctx.now().toISOString() : null,
      })
      return r.ok ? ok({ done: true as const }) : r
    },
    'conversations.restore': async ({ id }) => {
      const r = await ctx.space.updateConversation(id, { deletedAt: null })
      if (!r.ok) return r
      return ok({ done: true as const })
    },
    'conversations.deleteForever': async ({ id }) => {
      const r = await ctx.space.deleteConversation(id)
      return r.ok ? ok({ done: true as const }) : r
    },
    'conversations.emptyTrash': async () => {
      const trashed = (await ctx.space.conversationEntries()).filter((e) => e.deletedAt !== null)
      for (const entry of trashed) {
        const r = await ctx.space.deleteConversation(entry.id)
        if (!r.ok) return r
      }
      return ok({ deleted: trashed.length })
    },
    'messages.delete': async ({ conversationId, messageId }) => {
      const found = await ctx.space.findMessage(messageId)
      const r = await ctx.space.deleteMessage(conversationId, messageId)
      if (!r.ok) return r
      // A title made from the deleted message would keep its words: it is made again from what is left.
      const entry = (await ctx.space.conversationEntries()).find((e) => e.id === conversationId)
      if (found && entry && entry.title === titleFrom(found.message.text)) {
        const first = await ctx.space.page(conversationId, 0, 20)
        const next = first.ok ? first.value.find((m) => m.role === 'user') : undefined
        const renamed = await ctx.space.updateConversation(conversationId, {
          title: next ? titleFrom(next.text) : 'New conversation',
        })
        if (!renamed.ok) return renamed
        const forgotten = await ctx.space.forgetOldEntries()
        if (!forgotten.ok) return forgotten
      }
      return ok({ done: true as const })
    },
    'conversations.messages': async ({ id, offset, limit }) => {
      const [page, total] = await Promise.all([
        ctx.space.page(id, offset, limit),
        ctx.space.messageCount(id),
      ])
      return page.ok ? ok({ conversationId: id, messages: page.value, total }) : page
    },
    'chat.send': async ({ conversationId, text }) => {
      const entries = await ctx.space.conversationEntries()
      const entry = entries.find((e) => e.id === conversationId)
      if (!entry) return err('not-found', 'That conversation no longer exists.')
      const message: Message = {
        schemaVersion: CURRENT_SCHEMA_VERSION,
        id: newId(),
        role: 'user',
        text,
        createdAt: ctx.now().toISOString(),
        deviceId: ctx.deviceId,
        speaker: null,
        replyTo: null,
        error: null,
      }
      // The first message names a new conversation, in the same write as its last activity.
      const named =
        entry.title === 'New conversation' && (await ctx.space.messageCount(conversationId)) === 0
      const saved = await ctx.space.append(
        conversationId,
        [message],
        named ? { title: titleFrom(text) } : {},
      )
      if (!saved.ok) return saved
      enqueueReply(conversationId, message)
      return ok({ message })
    },
    'chat.retry': async ({ conversationId, messageId }) => {
      const found = await ctx.space.findMessage(messageId)
      if (!found || found.conversationId !== conversationId || found.message.role !== 'user') {
        return err('not-found', 'That message can no longer be retried.')
      }
      enqueueReply(conversationId, found.message)
      return ok({ done: true as const })
    },
    'chat.stop': async ({ messageId }) => {
      const stop = running.get(messageId)
      if (!stop) return err('not-found', 'That reply has already finished.')
      stop.abort()
      return ok({ done: true as const })
    },
    'chat.context': async ({ replyId }) => {
      const row = await ctx.space.turn(replyId)
      if (!row) return err('not-found', 'No context was recorded for this reply.')
      return check(ContextRecord, row.record, 'turn')
    },
    'search.all': async ({ query, limit }) =>
      ok(await ctx.retriever.search(query, { k: limit, now: ctx.now() })),
  }
}

/** Saves each reply the previous run was writing when it ended as an interrupted reply, with what had arrived. */
async function saveInterrupted(
  ctx: RuntimeContext,
  open: ReturnType<typeof openReplies>,
): Promise<void> {
  for (const cut of await open.leftOver()) {
    const message = assistantMessage(ctx, cut.replyTo, cut.text, { ...INTERRUPTED })
    const saved = await ctx.space.append(cut.conversationId, [message])
    if (saved.ok) await open.close(cut.replyTo)
    else console.error('could not save an interrupted reply:', saved.error.message)
  }
}
