import { err, ok, type Result } from '../../../shared/errors'
import type {
  ContextRecord,
  MemoryItemView,
  RetrievedMemory,
  Strategy,
} from '../../../shared/contract/models'
import type { Message } from '../../../shared/schema/current'
import { clipToTokens } from './clip'
import { splitReasoning } from './reasoning'
import { describeState } from './state-section'
import type { StateSource } from '../memory/state-source'
import { isToolStep } from '../../../shared/schema/message-extensions'
import { messageTokens, takeWhileFits, tokensOf } from './tokens'
import { appendAll } from '../../../shared/append-all'

export interface ChatLine {
  role: 'user' | 'assistant'
  text: string
}

/** What a turn needs to build its prompt; reads are injected so the strategies stay testable. */
export interface PromptSources {
  strategy: Strategy
  /** The model's context window minus the reply reserve. */
  budget: number
  now: Date
  /** Memory for the state section: every item as a view, or a source that reads only what it lists. */
  memory: readonly MemoryItemView[] | StateSource
  current: Message
  /** The last `n` messages before `current`, oldest first (fewer when that is all there is). */
  loadRecent(n: number): Promise<Result<Message[]>>
  retrieve(query: string): Promise<RetrievedMemory[]>
  /**
   * What the tools cost in this model's prompt (their definitions, or how to write a call as text),
   * counted in the budget before anything else; absent for the offline assistant.
   */
  tools?: { text: string; tokens: number } | null
}

export interface AssembledPrompt {
  system: string
  messages: ChatLine[]
  sections: ContextRecord['sections']
  retrieved: RetrievedMemory[]
  total: number
}

/** How many recent messages the selective strategy considers, and its share of the budget. */
export const SELECTIVE_RECENT = 20
const SELECTIVE_RECENT_SHARE = 0.4
/**
 * The most of the budget the selective strategy gives the state and the unverified items, and a
 * ceiling in tokens: every turn reprocesses them, so a large window is no reason to send thousands
 * of facts each time (the rest are found by retrieval and `search_memory`).
 */
const SELECTIVE_STATE_SHARE = 0.35
const SELECTIVE_STATE_MAX = 6000
const SELECTIVE_UNVERIFIED_SHARE = 0.1
const SELECTIVE_UNVERIFIED_MAX = 1500
const LOG_PAGE = 200
/** How many messages `full` reads first; each further read is four times longer. */
const FULL_FIRST_READ = 1000

export const INSTRUCTIONS = [
  'You are Keepsake, a personal assistant with long-term memory that the user trusts.',
  'Use the memory tools to record preferences, facts, tasks and issues the user states, and to search older conversations.',
  'Items listed as "Unverified" may be out of date: ask the user to confirm or retract them before acting on them.',
  'Never greet a user you have memories of as if you were meeting them for the first time.',
].join('\n')

const day = (iso: string): string => iso.slice(0, 10)

/** A message as the model reads it: reasoning an older build stored is never sent back. */
const asLine = (m: Message): ChatLine => ({
  role: m.role === 'assistant' ? 'assistant' : 'user',
  text: m.role === 'assistant' ? splitReasoning(m.text).text : m.text,
})

/** The most of the budget the message being answered may take; a longer one is cut in the prompt. */
const CURRENT_SHARE = 0.5
/** The most of the recent window's room one earlier message may take. */
const RECENT_MESSAGE_SHARE = 0.5

/**
 * Builds the prompt for one turn with the chosen strategy, within the budget.
 * - full: every message; refused (never truncated) when it does not fit.
 * - log: the most recent messages that fit.
 * - selective: state, unverified items, retrieved snippets and a recent window.
 */
export async function assemblePrompt(src: PromptSources): Promise<Result<AssembledPrompt>> {
  const sections: ContextRecord['sections'] = []
  const add = (name: string, text: string, tokens = tokensOf(text)): void => {
    if (text !== '') sections.push({ name, text, tokens })
  }
  add('instructions', INSTRUCTIONS)
  if (src.tools) add('tools', src.tools.text, src.tools.tokens)
  // A message too long for the window is cut here, in the prompt only; the log keeps it whole.
  const current = clipMessage(src.current, Math.floor(src.budget * CURRENT_SHARE))
  const currentTokens = messageTokens(current.text)
  let used = sections.reduce((sum, s) => sum + s.tokens, 0) + currentTokens
  let history: Message[] = []
  const retrieved: RetrievedMemory[] = []
  let system = INSTRUCTIONS

  if (src.strategy === 'full') {
    const all = await fullHistory(src, used)
    if (!all.ok) return all
    history = all.value.messages.filter((m) => !isToolStep(m))
    used += all.value.tokens
  } else if (src.strategy === 'log') {
    const recent = await src.loadRecent(LOG_PAGE)
    if (!recent.ok) return recent
    history = fitNewest(recent.value, src.budget - used)
    used += history.reduce((s, m) => s + messageTokens(m.text), 0)
  } else {
    const { state, unverified } = describeState(src.memory, {
      state: Math.min(SELECTIVE_STATE_MAX, Math.floor(src.budget * SELECTIVE_STATE_SHARE)),
      unverified: Math.min(
        SELECTIVE_UNVERIFIED_MAX,
        Math.floor(src.budget * SELECTIVE_UNVERIFIED_SHARE),
      ),
    })
    for (const [name, text] of [
      ['state', state],
      ['unverified', unverified],
    ] as const) {
      const tokens = tokensOf(text)
      if (text === '' || used + tokens > src.budget) continue
      add(name, text, tokens)
      used += tokens
      system += `\n\n${text}`
    }
    // Retrieved snippets, best first, in what is left once the recent window's share is set aside.
    const found = (await src.retrieve(src.current.text)).filter((r) => r.id !== src.current.id)
    const heading = 'Possibly relevant from memory and earlier conversations:'
    const snippet = (r: RetrievedMemory): string =>
      `- ${r.createdAt ? `[${day(r.createdAt)}] ` : ''}${r.text}`
    const snippetRoom =
      src.budget - used - Math.floor(src.budget * SELECTIVE_RECENT_SHARE) - tokensOf(heading)
    const fitting = takeWhileFits(found, snippetRoom, (r) => tokensOf(snippet(r)) + 1).kept
    appendAll(retrieved, fitting)
    const lines = fitting.map(snippet)
    if (lines.length > 0) {
      const text = `${heading}\n${lines.join('\n')}`
      const tokens = tokensOf(text)
      add('retrieved', text, tokens)
      used += tokens
      system += `\n\n${text}`
    }
    const recent = await src.loadRecent(SELECTIVE_RECENT)
    if (!recent.ok) return recent
    const room = Math.min(src.budget - used, Math.floor(src.budget * SELECTIVE_RECENT_SHARE))
    history = fitNewest(recent.value, room)
    used += history.reduce((s, m) => s + messageTokens(m.text), 0)
  }
  const historyText = history.map((m) => `${m.role}: ${m.text}`).join('\n')
  add(
    src.strategy === 'full' ? 'history' : 'recent',
    historyText,
    history.reduce((s, m) => s + messageTokens(m.text), 0),
  )
  add('message', current.text, currentTokens)
  return ok({
    system,
    messages: [...history.map(asLine), asLine(current)],
    sections,
    retrieved,
    total: used,
  })
}

/**
 * The newest messages whose tokens fit in `room`, oldest first. One message longer than its share of
 * the room is cut to that share, so a single pasted document cannot push everything else out (or,
 * after the server refused it, keep every next turn over the window).
 */
function fitNewest(messages: Message[], room: number): Message[] {
  const each = Math.floor(room * RECENT_MESSAGE_SHARE)
  // A failed reply ("I couldn't get an answer…") is Keepsake's note to the person, not the model's words.
  // Imported tool steps (a web search, a code run) are records of another assistant's tools, not
  // something the person said: they are never sent as the user's words.
  const lines = messages
    .filter((m) => m.error === null && !isToolStep(m))
    .map((m) => clipMessage({ ...m, text: asLine(m).text }, each))
  return takeWhileFits(lines.reverse(), room, (m) => messageTokens(m.text)).kept.reverse()
}

function clipMessage(m: Message, maxTokens: number): Message {
  const text = clipToTokens(m.text, Math.max(0, maxTokens - messageTokens('')))
  return text === m.text ? m : { ...m, text }
}

/**
 * The whole history for `full`, read from the newest message back in growing windows, so a history
 * far over the budget is refused after reading a part of it. Only the newly read, older messages
 * are counted each time. Refused (never truncated) when it does not fit beside the `used` tokens.
 */
async function fullHistory(
  src: PromptSources,
  used: number,
): Promise<Result<{ messages: Message[]; tokens: number }>> {
  let counted = 0
  let tokens = 0
  for (let n = FULL_FIRST_READ; ; n *= 4) {
    const read = await src.loadRecent(n)
    if (!read.ok) return read
    const messages = read.value
    for (const m of messages.slice(0, messages.length - counted)) tokens += messageTokens(m.text)
    counted = messages.length
    const complete = messages.length < n
    if (used + tokens > src.budget) {
      const size = complete ? `${used + tokens}` : `more than ${used + tokens}`
      return err(
        'context-overflow',
        `The full history of this conversation is ${size} tokens, more than this model's budget of ${src.budget}. Choose the selective or log restore strategy in Settings, or a model with a larger context window.`,
      )
    }
    if (complete) return ok({ messages, tokens })
  }
}
