import { newId } from '../../../shared/ids'
import { CURRENT_SCHEMA_VERSION, type Message } from '../../../shared/schema/current'
import type { ContextRecord } from '../../../shared/contract/models'
import type { RuntimeContext } from '../context'
import { promptBudget, toolsCost } from './budget'
import { assemblePrompt, type AssembledPrompt } from './prompt'
import type { OfflineTools } from './offline/respond'
import { loadOffline } from './offline/load'
import type { ToolContext } from './tools'
import { runModel } from './model-loop'
import type { OpenReplies } from './open-replies'
import { STOPPED } from './reply-marks'
import { currentHits } from './current-hits'

/** What a reply run is given besides the message: a way to stop it, and where it is noted as open. */
export interface ReplyRun {
  /** Aborted when the person presses Stop: the model request is cancelled, what came is kept. */
  signal: AbortSignal
  open: OpenReplies
}

/** Builds the assistant message that answers `replyTo`. */
export function assistantMessage(
  ctx: RuntimeContext,
  replyTo: string,
  text: string,
  error: { code: string; message: string } | null,
): Message {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: newId(),
    role: 'assistant',
    text,
    createdAt: ctx.now().toISOString(),
    deviceId: ctx.deviceId,
    speaker: null,
    replyTo,
    error,
  }
}

/**
 * Answers one user message: assembles the prompt with the space's strategy, asks the provider (or the
 * offline assistant), runs memory tools durably, appends the reply and records what the assistant saw.
 * Failures become an assistant message that says what happened; the user's message is already saved.
 */
export async function reply(
  ctx: RuntimeContext,
  conversationId: string,
  user: Message,
  run: ReplyRun,
): Promise<void> {
  if (run.signal.aborted) {
    // Stopped while it waited for the reply before it: nothing was asked.
    await finish(ctx, conversationId, assistantMessage(ctx, user.id, '', STOPPED), null)
    return
  }
  const settings = ctx.settings()
  const budget = promptBudget(settings)
  const now = ctx.now()
  const prompt = await assemblePrompt({
    strategy: settings.strategy,
    budget,
    now,
    memory: await ctx.stateSource(),
    current: user,
    loadRecent: async (n) => {
      const recent = await ctx.space.recent(conversationId, n + 1)
      return recent.ok
        ? { ok: true, value: recent.value.filter((m) => m.id !== user.id).slice(-n) }
        : recent
    },
    retrieve: async (query) =>
      currentHits(await ctx.retriever.search(query, { k: 8, now }), (ids) =>
        ctx.space.memoryItems(ids),
      ),
    tools: toolsCost(settings),
  })
  const tools: ToolContext = {
    space: ctx.space,
    change: { now, actor: 'assistant', source: { conversationId, messageId: user.id } },
    search: (query, k) => ctx.retriever.search(query, { k, now }),
  }
  const provider = settings.provider
  const change = tools.change
  const offline: OfflineTools = {
    change: (fn) => ctx.space.changeMemory(fn),
    memory: () => ctx.memoryViews(),
    said: async (query, k) =>
      (await ctx.retriever.search(query, { k: k + 2, now, roles: ['user'] }))
        .filter((h) => h.kind === 'message' && h.id !== user.id)
        .slice(0, k)
        .map((h) => ({ id: h.id, text: h.text, createdAt: h.createdAt })),
  }
  const { respondOffline, noteLine } = await loadOffline()
  // The person's last few messages of the last half hour: whom "he", "she", "her" point back to.
  const recent = await ctx.space.recent(conversationId, 9)
  const earlier = recent.ok
    ? recent.value
        .filter(
          (m) =>
            m.role === 'user' &&
            m.id !== user.id &&
            Date.parse(m.createdAt) >= now.getTime() - 30 * 60_000,
        )
        .slice(-4)
        .map((m) => m.text)
    : []
  let message: Message
  let reasoning = ''
  if (provider.kind === 'offline') {
    // The offline assistant does not need the prompt; it answers even when none could be assembled.
    const out = await respondOffline(
      { text: user.text, now, change, firstTurn: ctx.firstTurn, earlier },
      offline,
    )
    message = assistantMessage(ctx, user.id, out.text, null)
  } else if (!prompt.ok) {
    // The model cannot be asked (the prompt does not fit), but what the person stated is still kept.
    const out = await respondOffline(
      { text: user.text, now, change, firstTurn: false, captureOnly: true, earlier },
      offline,
    )
    message = assistantMessage(
      ctx,
      user.id,
      withNotes(prompt.error.message, out.notes.map(noteLine), true),
      prompt.error,
    )
  } else {
    // What memory held before the model ran.
    const before = new Map((await ctx.memoryViews()).map((v) => [v.item.id, v.item]))
    await run.open.open({ conversationId, replyTo: user.id, text: '' })
    const outcome = await runModel(
      ctx,
      provider,
      prompt.value,
      tools,
      (text) => {
        run.open.progress(user.id, text)
        ctx.emit('reply.progress', { conversationId, replyTo: user.id, text })
      },
      run.signal,
    )
    reasoning = outcome.reasoning
    // Memory never depends on the model obeying: what the person stated is recorded either way,
    // without repeating what the model's own tool calls already wrote.
    const written = (await ctx.memoryViews())
      .map((v) => v.item)
      .filter((i) => before.get(i.id) !== i && before.get(i.id)?.confirmedAt !== i.confirmedAt)
    const out = await respondOffline(
      {
        text: user.text,
        now,
        change,
        firstTurn: false,
        captureOnly: true,
        already: written,
        earlier,
      },
      offline,
    )
    message = assistantMessage(
      ctx,
      user.id,
      withNotes(
        outcome.text,
        out.notes.map(noteLine),
        outcome.error !== null && outcome.error.code !== STOPPED.code,
      ),
      outcome.error,
    )
  }
  ctx.firstTurn = false
  // The offline assistant does not need the prompt; when it could not be assembled, there is
  // nothing to show as "what the assistant saw".
  await finish(
    ctx,
    conversationId,
    message,
    prompt.ok ? record(ctx, conversationId, message, prompt.value, budget, reasoning) : null,
  )
}

function record(
  ctx: RuntimeContext,
  conversationId: string,
  message: Message,
  prompt: AssembledPrompt,
  budget: number,
  reasoning: string,
): ContextRecord {
  const settings = ctx.settings()
  return {
    replyId: message.id,
    conversationId,
    strategy: settings.strategy,
    provider:
      settings.provider.kind === 'offline'
        ? 'offline'
        : `${settings.provider.kind}:${settings.provider.model}`,
    budget,
    total: prompt.total,
    sections: prompt.sections,
    retrieved: prompt.retrieved,
    createdAt: message.createdAt,
    ...(reasoning === '' ? {} : { reasoning }),
  }
}

async function finish(
  ctx: RuntimeContext,
  conversationId: string,
  message: Message,
  context: ContextRecord | null,
): Promise<void> {
  if (context) {
    await ctx.space.saveTurn({
      replyId: message.id,
      conversationId,
      schemaVersion: CURRENT_SCHEMA_VERSION,
      record: context,
    })
  }
  const saved = await ctx.space.append(conversationId, [message])
  if (!saved.ok && message.replyTo) {
    ctx.emit('reply.failed', {
      conversationId,
      replyTo: message.replyTo,
      message: saved.error.message,
    })
  } else if (message.error && message.error.code !== STOPPED.code && message.replyTo) {
    ctx.emit('reply.failed', {
      conversationId,
      replyTo: message.replyTo,
      message: message.error.message,
    })
  }
}

/** A model's reply with what offline understanding saved from the person's message. */
function withNotes(text: string, notes: string[], failed: boolean): string {
  if (notes.length === 0) return text
  const lines = notes.join('\n')
  const head = failed
    ? 'The model did not answer, but I saved what you told me:'
    : 'Saved to memory:'
  return `${text}${text ? '\n\n' : ''}${head}\n${lines}`
}
