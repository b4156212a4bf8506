import { z } from 'zod'
import { CURRENT_SCHEMA_VERSION, type Message } from '../schema/current'
import { formatPath } from '../validation'
import { parseJsonText } from './json-text'
import { DEFAULT_LIMITS, formatBytes } from './limits'
import { ProblemList, failed, passed, type Checked } from './problems'
import type { SessionConversation, SessionData } from './session-data'
import type { ImportOptions } from './import-transcript'

/** The parts of ChatGPT's data export (`conversations.json`) an import reads; the rest is ignored. */
const Seconds = z.number().finite().nonnegative()

const ChatGptMessage = z.looseObject({
  id: z.string().min(1),
  author: z.looseObject({ role: z.string(), name: z.string().nullish() }),
  create_time: Seconds.nullish(),
  content: z.looseObject({
    content_type: z.string(),
    parts: z.array(z.unknown()).nullish(),
    text: z.string().nullish(),
  }),
  metadata: z
    .looseObject({ is_visually_hidden_from_conversation: z.boolean().nullish() })
    .nullish(),
})
type ChatGptMessage = z.infer<typeof ChatGptMessage>

const ChatGptNode = z.looseObject({
  message: ChatGptMessage.nullish(),
  parent: z.string().nullish(),
  children: z.array(z.string()).default([]),
})

const ChatGptConversation = z.looseObject({
  title: z.string().nullish(),
  create_time: Seconds.nullish(),
  update_time: Seconds.nullish(),
  mapping: z.record(z.string(), ChatGptNode),
  current_node: z.string().nullish(),
  conversation_id: z.string().nullish(),
  id: z.string().nullish(),
})
type ChatGptConversation = z.infer<typeof ChatGptConversation>

export const ChatGptExport = z.array(ChatGptConversation)

/** The device id imported messages carry. */
export const CHATGPT_DEVICE = 'import:chatgpt'

const iso = (seconds: number): string => new Date(Math.round(seconds * 1000)).toISOString()

/** A message's visible text, or null when it has none a person would read (images, tool calls). */
function textOf(message: ChatGptMessage): string | null {
  const parts = (message.content.parts ?? []).filter((p): p is string => typeof p === 'string')
  const text = parts.length > 0 ? parts.join('\n') : (message.content.text ?? '')
  return text.trim() === '' ? null : text
}

/**
 * The branch a person last saw: from `current_node` up through the parents, oldest first. Without
 * `current_node`, the newest leaf. A loop or a missing parent is a problem at its path.
 */
function currentBranch(
  c: ChatGptConversation,
  path: string,
  problems: ProblemList,
): ChatGptMessage[] {
  let cursor = c.current_node ?? newestLeaf(c)
  const branch: ChatGptMessage[] = []
  const seen = new Set<string>()
  while (cursor) {
    if (seen.has(cursor)) {
      problems.add(`${path}.mapping`, `the parents of "${cursor}" form a loop`)
      return []
    }
    seen.add(cursor)
    const node = c.mapping[cursor]
    if (!node) {
      problems.add(
        `${path}.mapping`,
        `there is no node "${cursor}" (named by current_node or a parent)`,
      )
      return []
    }
    if (node.message) branch.push(node.message)
    cursor = node.parent ?? null
  }
  return branch.reverse()
}

function newestLeaf(c: ChatGptConversation): string | null {
  let best: { id: string; at: number } | null = null
  for (const [id, node] of Object.entries(c.mapping)) {
    if (node.children.length > 0) continue
    const at = node.message?.create_time ?? -1
    if (!best || at > best.at) best = { id, at }
  }
  return best?.id ?? null
}

/**
 * Turns ChatGPT's `conversations.json` into a session: one conversation per ChatGPT conversation,
 * keeping the branch that was current and the visible user, assistant and system messages. Message
 * ids are ChatGPT's, so importing the same export twice merges instead of duplicating.
 */
export function chatGptToSession(bytes: Uint8Array, options: ImportOptions): Checked<SessionData> {
  const limits = options.limits ?? DEFAULT_LIMITS
  if (bytes.length > limits.maxFileBytes) {
    return failed(
      'file-too-large',
      '(root)',
      `the file is ${formatBytes(bytes.length)}, larger than the limit of ${formatBytes(limits.maxFileBytes)}`,
    )
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return failed('file-invalid', '(root)', 'the file is not valid UTF-8 text')
  }
  const json = parseJsonText(text, limits)
  if (!json.ok) return json
  const parsed = ChatGptExport.safeParse(json.value)
  if (!parsed.success) {
    const problems = new ProblemList()
    for (const issue of parsed.error.issues) problems.add(formatPath(issue.path), issue.message)
    return { ok: false, code: 'file-invalid', problems: problems.problems }
  }
  const problems = new ProblemList()
  const messageIds = new Map<string, string>()
  const conversations: SessionConversation[] = []
  parsed.data.forEach((c, i) => {
    const path = `[${i}]`
    const branch = currentBranch(c, path, problems)
    let last = c.create_time ?? null
    const messages: Message[] = []
    for (const m of branch) {
      const role = m.author.role
      if (role !== 'user' && role !== 'assistant' && role !== 'system') continue
      if (m.metadata?.is_visually_hidden_from_conversation) continue
      const body = textOf(m)
      if (body === null) continue
      const at = m.create_time ?? last
      if (at === null) {
        problems.add(
          `${path}.mapping`,
          `message "${m.id}" has no create_time, and neither has its conversation`,
        )
        continue
      }
      last = at
      const seen = messageIds.get(m.id)
      if (seen !== undefined) {
        problems.add(`${path}.mapping`, `message id "${m.id}" is already used in ${seen}`)
        continue
      }
      messageIds.set(m.id, path)
      messages.push({
        schemaVersion: CURRENT_SCHEMA_VERSION,
        id: m.id,
        role,
        text: body,
        createdAt: iso(at),
        deviceId: CHATGPT_DEVICE,
        speaker: m.author.name ?? null,
        replyTo: null,
        error: null,
      })
    }
    const first = messages[0]?.createdAt
    const lastAt = messages.at(-1)?.createdAt
    const createdAt =
      c.create_time != null ? iso(c.create_time) : (first ?? options.now.toISOString())
    conversations.push({
      id: c.conversation_id ?? c.id ?? `chatgpt-${i + 1}`,
      title: c.title?.trim() || 'Untitled',
      createdAt,
      updatedAt: c.update_time != null ? iso(c.update_time) : (lastAt ?? createdAt),
      deletedAt: null,
      messages,
      yjs: null,
    })
  })
  const ids = new Map<string, number>()
  conversations.forEach((c, i) => {
    const first = ids.get(c.id)
    if (first !== undefined)
      problems.add(`[${i}]`, `conversation id "${c.id}" is already used by [${first}]`)
    ids.set(c.id, i)
  })
  if (!problems.empty) return { ok: false, code: 'file-invalid', problems: problems.problems }
  const earliest = conversations.map((c) => c.createdAt).sort()[0]
  return passed({
    exportedAt: options.now.toISOString(),
    app: { name: 'keepsake', version: options.appVersion },
    scope: 'space',
    space: {
      id: options.spaceId,
      name: options.spaceName,
      createdAt: earliest ?? options.now.toISOString(),
    },
    memory: [],
    quarantine: [],
    conversations,
    yjs: null,
  })
}
