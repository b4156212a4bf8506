import { CURRENT_SCHEMA_VERSION, type Message } from '../schema/current'
import { formatPath, issueText } from '../validation'
import { ChatGptConversation, type ChatGptMessage, type ChatGptNode } from './chatgpt-export'
import { readChatGptMessage } from './chatgpt-message'
import type { ReportTally } from './import-report'
import type { ImportOptions } from './import-transcript'
import type { ProblemList, SessionProblem } from './problems'
import { readJsonList } from './read-json-file'
import type { SessionConversation } from './session-data'
import { fingerprint } from './stable-id'
import type { ExportBytes } from './streamed-file'

/** The device id imported messages carry. */
export const CHATGPT_DEVICE = 'import:chatgpt'

/** One conversation of a ChatGPT export as Keepsake keeps it, with its ids as the export gave them. */
export interface ChatGptRead {
  conversation: SessionConversation
  /** Seconds, for deciding which conversation keeps an id that several use (`claimIds`). */
  createdAt: number
}

const ms = (seconds: number): number => Math.round(seconds * 1000)

/**
 * Reads the conversations of one file of a ChatGPT export (`conversations.json`, or one
 * `conversations-NNN.json` shard), one at a time: each is parsed, checked and turned into records
 * before the next is parsed, so the objects of the whole file are never built at once (see
 * `readJsonList`). For every conversation the branch that was current is kept in tree order, with:
 * - times made to increase along it (ChatGPT stamps questions with the client's clock), the
 *   original kept as `sourceCreatedAt`;
 * - tool calls and results as tool steps (role `system` with `tool`), never as the assistant;
 * - images, files and voice as placeholders or transcript text, citation markup made plain;
 * - hidden context and reasoning left out.
 * Problems go to `problems` and each kind of change is counted in `tally`; a conversation with a
 * problem is not yielded. `name` is null for a lone file (paths then start at `[i]`). Message ids
 * are the export's: which conversation keeps an id that several use is decided over the whole
 * export (`claimIds`).
 */
export function* readChatGptFile(
  bytes: ExportBytes,
  name: string | null,
  options: ImportOptions,
  problems: ProblemList,
  tally: ReportTally,
): Generator<ChatGptRead> {
  const addProblems = (list: readonly SessionProblem[]): void => {
    for (const p of list) problems.add(p.path, p.message)
  }
  const prefix = name ?? ''
  const file = readJsonList(bytes, name, options.limits, options.decodeUtf8)
  if (!file.ok) return addProblems(file.problems)
  if (!file.value.list) {
    problems.add(prefix || '(root)', 'expected a list of conversations')
    return
  }
  let i = 0
  for (const element of file.value.elements) {
    if (!element.ok) return addProblems(element.problems)
    const path = `${prefix}[${i++}]`
    const parsed = ChatGptConversation.safeParse(element.value)
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.add(`${path}.${formatPath(issue.path)}`, issueText(issue))
      continue
    }
    const read = readConversation(parsed.data, path, options, problems, tally)
    if (read) yield read
  }
}

function readConversation(
  c: ChatGptConversation,
  path: string,
  options: ImportOptions,
  problems: ProblemList,
  tally: ReportTally,
): ChatGptRead | null {
  const nodes = new Map<string, ChatGptNode>(Object.entries(c.mapping))
  const branch = currentBranch(c, nodes, path, problems)
  if (branch === null) return null
  const id =
    c.conversation_id ?? c.id ?? `chatgpt-${fingerprint(`${c.title ?? ''}|${c.create_time}`)}`
  const onBranch = new Set(branch.map((m) => m.id))
  for (const node of nodes.values()) {
    const m = node.message
    if (m && !onBranch.has(m.id) && (m.author.role === 'user' || m.author.role === 'assistant'))
      tally.add('other-branches')
  }
  const messages: Message[] = []
  let last = c.create_time != null ? ms(c.create_time) : null
  for (const m of branch) {
    const reading = readChatGptMessage(m, tally)
    if (reading.type === 'leave-out') {
      tally.add(reading.code)
      continue
    }
    const source = m.create_time != null ? ms(m.create_time) : last
    if (source === null) {
      problems.add(
        `${path}.mapping.${m.id}.message.create_time`,
        'the message has no time, and neither has its conversation',
      )
      continue
    }
    const previous = messages.at(-1)
    const floor = previous ? Date.parse(previous.createdAt) + 1 : -Infinity
    const at = Math.max(source, floor)
    last = at
    const message: Message = {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      id: m.id,
      role: reading.type === 'say' ? reading.role : 'system',
      text: reading.text,
      createdAt: new Date(at).toISOString(),
      deviceId: CHATGPT_DEVICE,
      // The reply was ChatGPT's, not Keepsake's: the chat says who answered.
      speaker:
        reading.type !== 'say'
          ? null
          : (m.author.name ?? (reading.role === 'assistant' ? 'ChatGPT' : null)),
      replyTo: null,
      error: null,
    }
    if (reading.type === 'tool') message.tool = { kind: reading.kind, name: reading.name }
    if (at !== source) {
      message.sourceCreatedAt = new Date(source).toISOString()
      tally.add('times-adjusted')
    }
    messages.push(message)
  }
  const firstAt = messages[0]?.createdAt
  const lastAt = messages.at(-1)?.createdAt
  const own = c.create_time != null ? new Date(ms(c.create_time)).toISOString() : null
  const createdAt =
    [own, firstAt].filter((t): t is string => t != null).sort()[0] ?? options.now.toISOString()
  const updated = c.update_time != null ? new Date(ms(c.update_time)).toISOString() : null
  const updatedAt =
    [updated, lastAt, createdAt]
      .filter((t): t is string => t != null)
      .sort()
      .at(-1) ?? createdAt
  return {
    createdAt: c.create_time ?? Number.POSITIVE_INFINITY,
    conversation: {
      id,
      title: c.title?.trim() || 'Untitled',
      createdAt,
      updatedAt,
      deletedAt: null,
      messages,
      yjs: null,
    },
  }
}

/**
 * The branch a person last saw: from `current_node` up through the parents, returned oldest
 * first. Without `current_node`, the newest leaf. Nodes are looked up as own keys only, so a node
 * named `constructor` or `toString` is an ordinary node. A loop or a missing node is a problem.
 */
function currentBranch(
  c: ChatGptConversation,
  nodes: Map<string, ChatGptNode>,
  path: string,
  problems: ProblemList,
): ChatGptMessage[] | null {
  if (c.current_node != null && !nodes.has(c.current_node)) {
    problems.add(`${path}.current_node`, `there is no node "${c.current_node}" in mapping`)
    return null
  }
  let cursor = c.current_node ?? newestLeaf(nodes)
  const branch: ChatGptMessage[] = []
  const seen: string[] = []
  while (cursor != null) {
    if (seen.includes(cursor)) {
      const loop = [...seen.slice(seen.indexOf(cursor)), cursor].join(' → ')
      const last = seen.at(-1) ?? cursor
      problems.add(`${path}.mapping.${last}.parent`, `the parents form a loop: ${loop}`)
      return null
    }
    seen.push(cursor)
    const node = nodes.get(cursor)
    if (!node) {
      const child = seen.at(-2)
      problems.add(
        `${path}.mapping.${child ?? cursor}.parent`,
        `there is no node "${cursor}" in mapping`,
      )
      return null
    }
    if (node.message) branch.push(node.message)
    cursor = node.parent ?? null
  }
  return branch.reverse()
}

function newestLeaf(nodes: Map<string, ChatGptNode>): string | null {
  let best: { id: string; at: number } | null = null
  for (const [id, node] of nodes) {
    if ((node.children ?? []).length > 0) continue
    const at = node.message?.create_time ?? -1
    if (!best || at > best.at) best = { id, at }
  }
  return best?.id ?? null
}
