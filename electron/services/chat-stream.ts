import {
  stepCountIs,
  streamText,
  type LanguageModelUsage,
  type TextStreamPart,
  type ToolSet,
} from 'ai'
import {
  DEFAULT_PROVIDER_TIMEOUT_MS,
  JsonValue,
  type ChatRequest,
  type ChatStreamEvent,
  type ChatUsage,
} from '../../shared/contract/host-api'
import { withAvailableModels } from './available-models'
import { createDeadline } from './deadline'
import { toModelMessages, toToolSet } from './model-messages'
import { describeProviderFailure, timeoutMessage } from './provider-errors'
import type { ProviderTarget } from './provider-target'

const NDJSON_HEADERS = {
  'content-type': 'application/x-ndjson; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
}

/**
 * Runs one model step and answers it as NDJSON `ChatStreamEvent` lines that end with exactly one
 * `finish` or `error`. Tools are described, never executed. The wait for the first byte and between
 * bytes is bounded by `timeoutMs`; cancelling the response body aborts the provider call. A model
 * the server does not have is answered with the models it has (listed with `fetchImpl`).
 */
export function streamChat(
  target: ProviderTarget,
  request: ChatRequest,
  fetchImpl: typeof fetch,
): Response {
  const timeoutMs = request.timeoutMs ?? DEFAULT_PROVIDER_TIMEOUT_MS
  const abort = new AbortController()
  const encoder = new TextEncoder()
  let closed = false

  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const deadline = createDeadline(timeoutMs, () => abort.abort())
      const send = (event: ChatStreamEvent): void => {
        if (!closed) controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`))
      }
      const fail = (error: unknown): ChatStreamEvent => {
        if (deadline.expired) {
          return {
            type: 'error',
            error: { code: 'provider-timeout', message: timeoutMessage(target, timeoutMs) },
          }
        }
        const failure = describeProviderFailure(error, target)
        return failure.overflow === undefined
          ? { type: 'error', error: failure.error }
          : { type: 'error', error: failure.error, overflow: failure.overflow }
      }
      const named = async (event: ChatStreamEvent): Promise<ChatStreamEvent> =>
        event.type === 'error'
          ? { ...event, error: await withAvailableModels(event.error, target, fetchImpl) }
          : event
      try {
        const result = streamText({
          model: target.model,
          system: request.system,
          messages: toModelMessages(request.messages),
          tools: toToolSet(request.tools),
          stopWhen: stepCountIs(1),
          // Retrying is the runtime's call; a retry here would only hide a failing provider.
          maxRetries: 0,
          abortSignal: abort.signal,
          // Failures arrive as `error` parts below; the default handler would only log them.
          onError: () => undefined,
        })
        const terminal = await pump(result.fullStream, send, fail, deadline.touch, () => closed)
        if (terminal === null) send(fail(new Error('the stream ended without finishing')))
        else if (terminal.type === 'error') send(await named(terminal))
      } catch (error) {
        send(await named(fail(error)))
      } finally {
        deadline.stop()
        abort.abort()
        if (!closed) {
          closed = true
          controller.close()
        }
      }
    },
    cancel() {
      closed = true
      abort.abort()
    },
  })
  return new Response(body, { status: 200, headers: NDJSON_HEADERS })
}

type StreamPart = TextStreamPart<ToolSet>

/**
 * Forwards the parts that matter; returns the terminal event (a finish already sent, an error not
 * yet), or null if the stream just ended.
 */
async function pump(
  parts: AsyncIterable<StreamPart>,
  send: (event: ChatStreamEvent) => void,
  fail: (error: unknown) => ChatStreamEvent,
  touch: () => void,
  isClosed: () => boolean,
): Promise<ChatStreamEvent | null> {
  for await (const part of parts) {
    touch()
    if (isClosed()) return null
    const event = toEvent(part, fail)
    if (event === null) continue
    // An error is sent by the caller, once it has said all it can about it.
    if (event.type === 'error') return event
    send(event)
    if (event.type === 'finish') return event
  }
  return null
}

function toEvent(
  part: StreamPart,
  fail: (error: unknown) => ChatStreamEvent,
): ChatStreamEvent | null {
  switch (part.type) {
    case 'text-delta':
      return part.text === '' ? null : { type: 'text', delta: part.text }
    case 'reasoning-delta':
      return part.text === '' ? null : { type: 'reasoning', delta: part.text }
    case 'tool-call': {
      const input = JsonValue.safeParse(part.input)
      return {
        type: 'tool-call',
        toolCallId: part.toolCallId,
        toolName: part.toolName,
        // An input that did not parse as JSON reaches the runtime as its raw text to reject.
        input: input.success ? input.data : String(part.input),
      }
    }
    case 'finish':
      return {
        type: 'finish',
        reason: part.finishReason,
        usage: toUsage(part.totalUsage),
      }
    case 'error':
      return fail(part.error)
    case 'abort':
      return fail(new Error('aborted'))
    default:
      return null
  }
}

function toUsage(usage: LanguageModelUsage): ChatUsage | undefined {
  const count = (n: unknown): number | undefined =>
    typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined
  const out: ChatUsage = {}
  const input = count(usage.inputTokens)
  const output = count(usage.outputTokens)
  const total = count(usage.totalTokens)
  if (input !== undefined) out.inputTokens = input
  if (output !== undefined) out.outputTokens = output
  if (total !== undefined) out.totalTokens = total
  return Object.keys(out).length === 0 ? undefined : out
}
