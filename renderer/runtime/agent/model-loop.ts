import type {
  ChatMessageInput,
  ChatStreamEvent,
  JsonValue,
} from '../../../shared/contract/host-api'
import type { ProviderSettings } from '../../../shared/contract/settings'
import type { MemoryItem } from '../../../shared/schema/current'
import type { RuntimeContext } from '../context'
import { textToolInstructions } from './budget'
import { capabilityOf, recordCapability } from './capabilities'
import type { AssembledPrompt } from './prompt'
import { splitReasoning } from './reasoning'
import { STOPPED } from './reply-marks'
import { findTextToolCalls, visibleWhileStreaming } from './text-tool-calls'
import { messageTokens, tokensOf } from './tokens'
import { runTool, toolSchemas, type ToolContext } from './tools'

/** A model may call tools this many times in one reply before it must answer. */
export const MAX_MODEL_STEPS = 6

/** One tool call the model made this turn, through the tools API or written as text. */
export interface RanToolCall {
  toolName: string
  input: JsonValue
  ok: boolean
  /** The memory item it wrote, when it wrote one. */
  item?: MemoryItem
  /** True when the model wrote the call in its reply instead of using the tools API. */
  asText: boolean
}

export interface ModelOutcome {
  /** The answer as stored and shown: no reasoning, no tool-call JSON. */
  text: string
  error: { code: string; message: string } | null
  /** Every tool call of the turn, in order, with its outcome. */
  calls: RanToolCall[]
  /** What a reasoning model thought before answering; never stored in the message. */
  reasoning: string
}

type ModelProvider = Exclude<ProviderSettings, { kind: 'offline' }>
type StepCall = { toolCallId: string; toolName: string; input: JsonValue }

/**
 * Runs the model through the host's provider proxy, one step per request: streamed text is reported
 * as it comes (without reasoning, and cut before a tool call written as text), tool calls run against
 * memory (durably) and their results go back to the model. Calls written as text are read with the
 * same schemas and run the same way. A model that refuses tools is asked again without them, and
 * that is remembered for the model; an over-long prompt teaches the model's window to the budget.
 * Aborting `signal` cancels the request in flight; the outcome keeps the text streamed so far.
 */
export async function runModel(
  ctx: RuntimeContext,
  provider: ModelProvider,
  prompt: AssembledPrompt,
  tools: ToolContext,
  onProgress: (text: string) => void,
  signal?: AbortSignal,
): Promise<ModelOutcome> {
  let useTools = capabilityOf(ctx.settings(), provider)?.tools !== false
  const messages: ChatMessageInput[] = prompt.messages.map((m) =>
    m.role === 'user' ? { role: 'user', content: m.text } : { role: 'assistant', content: m.text },
  )
  const ran: RanToolCall[] = []
  const outcomes = new Map<string, Awaited<ReturnType<typeof runTool>>>()
  const reasoning: string[] = []
  let text = ''

  for (let step = 0; step < MAX_MODEL_STEPS; step++) {
    const system = useTools ? prompt.system : `${prompt.system}\n\n${textToolInstructions()}`
    const request = { provider, system, messages, tools: useTools ? toolSchemas() : [] }
    let raw = ''
    let thought = ''
    let calls: StepCall[] = []
    let failure: Extract<ChatStreamEvent, { type: 'error' }> | null = null
    for await (const event of ctx.services.api.streamChat(request, signal)) {
      if (event.type === 'text') {
        raw += event.delta
        onProgress(visibleWhileStreaming(join(text, splitReasoning(raw).text)))
      } else if (event.type === 'reasoning') {
        thought += event.delta
      } else if (event.type === 'tool-call') {
        calls.push({ toolCallId: event.toolCallId, toolName: event.toolName, input: event.input })
      } else if (event.type === 'error') {
        failure = event
      }
    }

    if (failure !== null && signal?.aborted) {
      // The person pressed Stop: what came so far is the reply, marked stopped.
      return {
        text: join(text, splitReasoning(raw).text),
        error: STOPPED,
        calls: ran,
        reasoning: reasoning.join('\n\n'),
      }
    }
    if (failure !== null) {
      if (failure.error.code === 'provider-no-tools' && useTools) {
        // Ask again without tools; the model writes calls as text, or offline understanding records.
        useTools = false
        await recordCapability(ctx, provider, { tools: false })
        step -= 1
        continue
      }
      if (failure.error.code === 'context-overflow') {
        await learnWindow(ctx, provider, failure.overflow, requestTokens(request))
      }
      const visible = join(text, splitReasoning(raw).text)
      const lead =
        visible === ''
          ? "I couldn't get an answer from the model"
          : `${visible}\n\nThe reply was cut off here`
      return {
        text: `${lead}: ${failure.error.message}`,
        error: { code: failure.error.code, message: failure.error.message },
        calls: ran,
        reasoning: reasoning.join('\n\n'),
      }
    }
    if (useTools) await recordCapability(ctx, provider, { tools: true })

    const split = splitReasoning(raw)
    for (const r of [thought.trim(), split.reasoning]) if (r !== '') reasoning.push(r)
    let stepText = split.text
    let asText = false
    if (calls.length === 0) {
      const written = findTextToolCalls(stepText)
      if (written !== null) {
        asText = true
        stepText = written.prose
        calls = written.calls.map((c, i) => ({
          toolCallId: `text-${step}-${i}`,
          toolName: c.toolName,
          input: c.input as JsonValue,
        }))
      }
    }
    text = join(text, stepText)
    if (calls.length === 0)
      return { text, error: null, calls: ran, reasoning: reasoning.join('\n\n') }

    const results: { call: StepCall; output: JsonValue; isError: boolean }[] = []
    for (const call of calls) {
      // A call repeated within the turn (small models do) runs once; the model sees the same result.
      const key = `${call.toolName} ${JSON.stringify(call.input)}`
      let outcome = outcomes.get(key)
      if (outcome === undefined) {
        outcome = await runTool(call.toolName, call.input, tools)
        outcomes.set(key, outcome)
        ran.push({
          toolName: call.toolName,
          input: call.input,
          ok: outcome.ok,
          ...(outcome.ok && outcome.item ? { item: outcome.item } : {}),
          asText,
        })
      }
      results.push({
        call,
        output: JSON.parse(
          JSON.stringify(outcome.ok ? outcome.value : { error: outcome.error }),
        ) as JsonValue,
        isError: !outcome.ok,
      })
    }
    if (useTools) {
      messages.push({ role: 'assistant', content: stepText, toolCalls: calls })
      for (const r of results) {
        messages.push({
          role: 'tool',
          toolCallId: r.call.toolCallId,
          toolName: r.call.toolName,
          output: r.output,
          isError: r.isError,
        })
      }
    } else {
      // Without tools the server has no tool role to carry results: they come back as a note.
      messages.push({ role: 'assistant', content: split.text })
      const lines = results.map(
        (r) => `${r.call.toolName}: ${r.isError ? 'failed' : 'done'} ${JSON.stringify(r.output)}`,
      )
      messages.push({
        role: 'user',
        content: `[Keepsake ran your tool calls]\n${lines.join('\n')}\nNow answer me in plain words, without JSON.`,
      })
    }
  }
  return {
    text: `${text}\n\n(The model kept calling tools without answering, so I stopped after ${MAX_MODEL_STEPS} steps.)`,
    error: { code: 'provider-error', message: 'Too many tool steps.' },
    calls: ran,
    reasoning: reasoning.join('\n\n'),
  }
}

function join(before: string, after: string): string {
  if (before === '') return after
  if (after === '') return before
  return `${before}\n\n${after}`
}

/** Keepsake's count of a chat request: the system prompt, each message, and the tools sent. */
function requestTokens(request: {
  system: string
  messages: ChatMessageInput[]
  tools: unknown[]
}): number {
  const content = (m: ChatMessageInput): string =>
    m.role === 'tool' ? JSON.stringify(m.output) : m.content
  return (
    tokensOf(request.system) +
    request.messages.reduce((sum, m) => sum + messageTokens(content(m)), 0) +
    (request.tools.length === 0 ? 0 : tokensOf(JSON.stringify(request.tools)))
  )
}

/**
 * After the server refused a prompt of `sent` tokens (Keepsake's count) as too long, works out the
 * window in Keepsake's count so the next prompt fits: the server's limit scaled by how its count
 * compared with ours when it said both, else a fifth less than what was refused.
 */
async function learnWindow(
  ctx: RuntimeContext,
  provider: ModelProvider,
  overflow: { limit: number | null; promptTokens: number | null } | undefined,
  sent: number,
): Promise<void> {
  const limit = overflow?.limit ?? null
  const counted = overflow?.promptTokens ?? null
  const scaled =
    limit !== null && counted !== null && counted > 0
      ? Math.floor((limit * sent) / counted)
      : Math.floor(sent * 0.8)
  const floor = ctx.settings().replyReserve + 512
  const known = capabilityOf(ctx.settings(), provider)?.learnedWindow ?? null
  const learnedWindow = Math.max(floor, Math.min(scaled, known ?? scaled))
  await recordCapability(ctx, provider, {
    learnedWindow,
    ...(limit === null ? {} : { serverContext: limit }),
  })
}
