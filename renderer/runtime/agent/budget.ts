import type { Settings } from '../../../shared/contract/settings'
import { capabilityOf } from './capabilities'
import { tokensOf } from './tokens'
import { toolSchemas } from './tools'
import { INSTRUCTIONS } from './prompt'

/**
 * The prompt budget of a turn: the context window minus the reply reserve, where the window is the
 * smaller of the one in Settings and one learned from a prompt the server refused as too long.
 */
export function promptBudget(settings: Settings): number {
  const provider = settings.provider
  const learned =
    provider.kind === 'offline' ? null : capabilityOf(settings, provider)?.learnedWindow
  const window =
    learned === null || learned === undefined
      ? settings.contextWindow
      : Math.min(settings.contextWindow, learned)
  return window - settings.replyReserve
}

/**
 * What the tools cost in a model's prompt: their definitions, or — for a model that does not accept
 * tools — the instructions for writing a call as text. Null for the offline assistant.
 */
export function toolsCost(settings: Settings): { text: string; tokens: number } | null {
  const provider = settings.provider
  if (provider.kind === 'offline') return null
  if (capabilityOf(settings, provider)?.tools === false) {
    const text = textToolInstructions()
    return { text, tokens: tokensOf(text) }
  }
  const schemas = toolSchemas()
  return {
    text: `${schemas.length} tool definitions: ${schemas.map((t) => t.name).join(', ')}`,
    tokens: tokensOf(JSON.stringify(schemas)),
  }
}

/**
 * For a model without tools: how to ask Keepsake to run one, by ending the reply with a line of
 * JSON (which `findTextToolCalls` reads). Built from the same schemas the tools API would get.
 */
export function textToolInstructions(): string {
  const signatures = toolSchemas().map((tool) => {
    const properties = tool.inputSchema.properties
    const names =
      typeof properties === 'object' && properties !== null ? Object.keys(properties) : []
    return `${tool.name}(${names.join(', ')})`
  })
  return [
    'You cannot call tools directly. To record what the user tells you, end your reply with one line of JSON, for example:',
    '{"name": "remember_fact", "arguments": {"text": "My dentist is Dr. Lee"}}',
    `Tools: ${signatures.join('; ')}.`,
  ].join('\n')
}

/**
 * The smallest context window a turn works in: the reply reserve, the instructions and the tools
 * (the dearer of their definitions and their text form, so a change of model never breaks it), and
 * as much again for memory and the message being answered. Rounded up to a multiple of 1,024. A
 * smaller window would leave memory out of every prompt without saying so, so Settings refuses it.
 */
export function minimumWindow(settings: Settings): number {
  const tools = Math.max(tokensOf(JSON.stringify(toolSchemas())), tokensOf(textToolInstructions()))
  const fixed = tokensOf(INSTRUCTIONS) + tools
  return Math.ceil((settings.replyReserve + 2 * fixed) / 1024) * 1024
}
