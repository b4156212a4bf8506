import type { ChatMessageInput, JsonValue } from '../../../shared/contract/host-api'
import type { ProviderSettings } from '../../../shared/contract/settings'
import type { RuntimeContext } from '../context'
import type { AssembledPrompt } from './prompt'
import { runTool, toolSchemas, type ToolContext } from './tools'

/** A model may call tools this many times in one reply before it must answer. */
export const MAX_MODEL_STEPS = 6

export interface ModelOutcome {
  text: string
  error: { code: string; message: string } | null
}

/**
 * Runs the model through the host's provider proxy, one step per request: streamed text is reported as
 * it comes, tool calls run against memory (durably) and their results go back to the model.
 */
export async function runModel(
  ctx: RuntimeContext,
  provider: Exclude<ProviderSettings, { kind: 'offline' }>,
  prompt: AssembledPrompt,
  tools: ToolContext,
  onProgress: (text: string) => void,
): Promise<ModelOutcome> {
  const messages: ChatMessageInput[] = prompt.messages.map((m) =>
    m.role === 'user' ? { role: 'user', content: m.text } : { role: 'assistant', content: m.text },
  )
  let text = ''
  for (let step = 0; step < MAX_MODEL_STEPS; step++) {
    const calls: { toolCallId: string; toolName: string; input: JsonValue }[] = []
    let stepText = ''
    for await (const event of ctx.services.api.streamChat({
      provider,
      system: prompt.system,
      messages,
      tools: toolSchemas(),
    })) {
      if (event.type === 'text') {
        stepText += event.delta
        onProgress(text + stepText)
      } else if (event.type === 'tool-call') {
        calls.push({ toolCallId: event.toolCallId, toolName: event.toolName, input: event.input })
      } else if (event.type === 'error') {
        return {
          text: `${text + stepText}${text + stepText ? '\n\n' : ''}I couldn't get an answer from the model: ${event.error.message}`,
          error: { code: event.error.code, message: event.error.message },
        }
      }
    }
    text += stepText
    if (calls.length === 0) return { text, error: null }
    messages.push({ role: 'assistant', content: stepText, toolCalls: calls })
    for (const call of calls) {
      const outcome = await runTool(call.toolName, call.input, tools)
      messages.push({
        role: 'tool',
        toolCallId: call.toolCallId,
        toolName: call.toolName,
        output: JSON.parse(
          JSON.stringify(outcome.ok ? outcome.value : { error: outcome.error }),
        ) as JsonValue,
        isError: !outcome.ok,
      })
    }
  }
  return {
    text: `${text}\n\n(The model kept calling tools without answering, so I stopped after ${MAX_MODEL_STEPS} steps.)`,
    error: { code: 'provider-error', message: 'Too many tool steps.' },
  }
}
