import { toolArgs, type ToolName } from './tools'

/** A tool call a model wrote in its reply instead of using the tools API. */
export type TextToolCall = { toolName: ToolName; input: Record<string, unknown> }

/**
 * Finds the tool calls a reply is, or ends with, written as text — the way small models often call
 * tools: bare JSON (`{"name": "remember_fact", "arguments": {…}}`, or a list of them), a ```json
 * fence after some prose, `<tool_call>…</tool_call>` blocks, or Mistral's `[TOOL_CALLS]` prefix.
 * Each call must name a known tool and its arguments must pass that tool's zod schema; otherwise
 * nothing is taken and the reply stays text, to be shown as written. `prose` is what came before.
 * @example findTextToolCalls('Sure!\n{"name":"open_issue","arguments":{"text":"CI is red"}}')
 * // { prose: 'Sure!', calls: [{ toolName: 'open_issue', input: { text: 'CI is red' } }] }
 */
export function findTextToolCalls(text: string): { prose: string; calls: TextToolCall[] } | null {
  const trimmed = text.trimEnd()
  for (const find of [taggedCalls, mistralCalls, fencedCalls, bareCalls]) {
    const found = find(trimmed)
    if (found === null) continue
    const calls = readCalls(found.payloads)
    if (calls !== null) return { prose: trimmed.slice(0, found.start).trim(), calls }
  }
  return null
}

type Found = { start: number; payloads: string[] }

/** `<tool_call>{…}</tool_call>` blocks at the end (the last close tag may be missing). */
function taggedCalls(text: string): Found | null {
  const re = /<tool_call>([\s\S]*?)(?:<\/tool_call>|$)/g
  const blocks = [...text.matchAll(re)]
  if (blocks.length === 0) return null
  // Only whitespace may sit between the blocks and after the last one.
  const first = blocks[0]!
  let end = first.index
  for (const b of blocks) {
    if (text.slice(end, b.index).trim() !== '') return null
    end = b.index + b[0].length
  }
  if (text.slice(end).trim() !== '') return null
  return { start: first.index, payloads: blocks.map((b) => b[1] ?? '') }
}

/** `[TOOL_CALLS][{…}]`, or the newer `[TOOL_CALLS]name[ARGS]{…}`, at the end. */
function mistralCalls(text: string): Found | null {
  const at = text.lastIndexOf('[TOOL_CALLS]')
  if (at < 0) return null
  const rest = text.slice(at + '[TOOL_CALLS]'.length).trim()
  const named = /^([a-z_]+)\[ARGS\]([\s\S]*)$/i.exec(rest)
  if (named) {
    return {
      start: at,
      payloads: [JSON.stringify({ name: named[1], arguments: parse(named[2] ?? '') })],
    }
  }
  return { start: at, payloads: [rest] }
}

/** A ```json (or bare ```) fence that ends the reply. */
function fencedCalls(text: string): Found | null {
  const fence = /```(?:json|tool_call|tool)?[ \t]*\n([\s\S]*?)\n?```$/i.exec(text)
  if (!fence) return null
  return { start: fence.index, payloads: [fence[1] ?? ''] }
}

/** JSON that is the whole reply, or its last lines. */
function bareCalls(text: string): Found | null {
  // A call is short; looking only at the end keeps a long reply full of braces cheap.
  for (let at = Math.max(0, text.length - MAX_CALL_CHARS); at < text.length; at++) {
    const c = text[at]
    if (c !== '{' && c !== '[') continue
    if (at > 0 && !/\s|:/.test(text[at - 1] ?? '')) continue
    if (parse(text.slice(at)) !== undefined) return { start: at, payloads: [text.slice(at)] }
  }
  return null
}

const MAX_CALL_CHARS = 8000

/** Every call in the payloads, or null if any is not a valid call of a known tool. */
function readCalls(payloads: string[]): TextToolCall[] | null {
  const calls: TextToolCall[] = []
  for (const payload of payloads) {
    const value = parse(payload.trim())
    const items = Array.isArray(value) ? value : [value]
    if (items.length === 0) return null
    for (const item of items) {
      const call = readCall(item)
      if (call === null) return null
      calls.push(call)
    }
  }
  return calls
}

function readCall(item: unknown): TextToolCall | null {
  if (!isRecord(item)) return null
  // OpenAI's own shape nests the call: { type: 'function', function: { name, arguments } }.
  const call = isRecord(item.function) ? item.function : item
  const name = call.name ?? call.tool ?? call.tool_name
  if (typeof name !== 'string' || !(name in toolArgs)) return null
  let args: unknown = call.arguments ?? call.parameters ?? call.args ?? call.input ?? {}
  if (typeof args === 'string') args = parse(args)
  if (!isRecord(args)) return null
  const toolName = name as ToolName
  if (!toolArgs[toolName].safeParse(args).success) return null
  return { toolName, input: args }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** Where a tool call written as text starts, or may be starting. */
const OPENERS = [
  /<tool_call>/,
  /\[TOOL_CALLS\]/,
  /```(?:json|tool_call|tool)\b/i,
  /(?:^|\n)[ \t]*\[?\{/,
]
/** A tag, marker or fence cut off at the end of what has arrived so far. */
const PARTIAL_TAIL = /(?:<[a-z_]{0,9}|\[[A-Z_]{0,11}|`{1,3}[a-z_]*)$/

/**
 * The part of a reply still being streamed that is safe to show: cut where a tool call written as
 * text starts or may be starting, so raw JSON never flashes up. The finished reply decides.
 */
export function visibleWhileStreaming(text: string): string {
  let cut = text.length
  for (const re of [...OPENERS, PARTIAL_TAIL]) {
    const m = re.exec(text)
    if (m && m.index < cut) cut = m.index
  }
  return text.slice(0, cut).trimEnd()
}
