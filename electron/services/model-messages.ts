import { jsonSchema, type JSONSchema7, type ModelMessage, type ToolSet } from 'ai'
import type { ChatMessage, ChatTool, JsonValue } from '../../shared/contract/host-api'

/**
 * Converts the contract's messages into the AI SDK's. Consecutive tool results are grouped into one
 * tool message, the shape providers expect after an assistant turn with several calls.
 */
export function toModelMessages(messages: readonly ChatMessage[]): ModelMessage[] {
  const out: ModelMessage[] = []
  for (const message of messages) {
    switch (message.role) {
      case 'user':
        out.push({ role: 'user', content: message.content })
        break
      case 'assistant':
        if (message.toolCalls.length === 0) {
          out.push({ role: 'assistant', content: message.content })
        } else {
          out.push({
            role: 'assistant',
            content: [
              ...(message.content === '' ? [] : [{ type: 'text' as const, text: message.content }]),
              ...message.toolCalls.map((call) => ({ type: 'tool-call' as const, ...call })),
            ],
          })
        }
        break
      case 'tool': {
        const part = {
          type: 'tool-result' as const,
          toolCallId: message.toolCallId,
          toolName: message.toolName,
          output: toolOutput(message.output, message.isError),
        }
        const last = out.at(-1)
        if (last?.role === 'tool') last.content.push(part)
        else out.push({ role: 'tool', content: [part] })
        break
      }
    }
  }
  return out
}

/** Describes the tools to the model without `execute`: a step that calls one ends with the call. */
export function toToolSet(tools: readonly ChatTool[]): ToolSet | undefined {
  if (tools.length === 0) return undefined
  const set: ToolSet = {}
  for (const tool of tools) {
    set[tool.name] = {
      description: tool.description,
      // The runtime validates inputs with its own schemas before it runs a tool.
      inputSchema: jsonSchema(tool.inputSchema as JSONSchema7),
    }
  }
  return set
}

function toolOutput(value: JsonValue, isError: boolean) {
  if (typeof value === 'string') {
    return isError ? { type: 'error-text' as const, value } : { type: 'text' as const, value }
  }
  return isError ? { type: 'error-json' as const, value } : { type: 'json' as const, value }
}
