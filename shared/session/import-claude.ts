import { CURRENT_SCHEMA_VERSION, type Message } from '../schema/current'
import { formatPath, issueText } from '../validation'
import { ClaudeConversation, type ClaudeBlock, type ClaudeMessage } from './claude-export'
import type { Imported } from './import-chatgpt'
import { ReportTally } from './import-report'
import type { ImportOptions } from './import-transcript'
import { entryOnly, type ConversationContents } from './conversation-contents'
import { ProblemList, failed, passed, type Checked } from './problems'
import { readJsonList } from './read-json-file'
import type { SessionConversation } from './session-data'
import type { ExportBytes } from './streamed-file'

/** The device id imported messages carry. */
export const CLAUDE_DEVICE = 'import:claude'

const IMAGE_NAME = /\.(png|jpe?g|gif|webp|heic|bmp|svg)$/i

type Segment =
  | { type: 'say'; text: string }
  | { type: 'tool'; kind: 'call' | 'result'; name: string; text: string }

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null)

/** A tool result's text: its content is a string or a list of blocks with text. */
function resultText(block: ClaudeBlock): string {
  const content = block['content']
  if (typeof content === 'string') return content
  if (!Array.isArray(content)) return ''
  return content
    .map((b: unknown) =>
      typeof b === 'object' && b !== null
        ? (str((b as Record<string, unknown>)['text']) ?? '')
        : '',
    )
    .filter((t) => t !== '')
    .join('\n')
}

/**
 * One Claude message as what a person saw and the tool steps between: text blocks in order, tool
 * use and results as tool steps, thinking left out, attachments and files as placeholders.
 */
function segmentsOf(m: ClaudeMessage, tally: ReportTally): Segment[] {
  const segments: Segment[] = []
  let said: string[] = []
  const flush = (): void => {
    const text = said.join('\n\n')
    if (text.trim() !== '') segments.push({ type: 'say', text })
    said = []
  }
  const blocks = m.content ?? []
  if (blocks.length === 0 && m.text) said.push(m.text)
  for (const block of blocks) {
    switch (block.type) {
      case 'text':
        said.push(str(block['text']) ?? '')
        break
      case 'thinking':
      case 'redacted_thinking':
        tally.add('reasoning')
        break
      case 'tool_use':
        flush()
        segments.push({
          type: 'tool',
          kind: 'call',
          name: str(block['name']) || 'tool',
          text: JSON.stringify(block['input'] ?? {}, null, 2),
        })
        tally.add('tool-steps')
        break
      case 'tool_result':
        flush()
        segments.push({
          type: 'tool',
          kind: 'result',
          name: str(block['name']) || 'tool',
          text: resultText(block),
        })
        tally.add('tool-steps')
        break
      default: {
        const text = str(block['text'])
        if (text) said.push(text)
        else tally.add('unreadable')
      }
    }
  }
  const placeholders: string[] = []
  for (const f of [...(m.attachments ?? []), ...(m.files ?? [])]) {
    const name = f.file_name || 'unnamed'
    const image = IMAGE_NAME.test(name)
    placeholders.push(image ? `[image: ${name}]` : `[file: ${name}]`)
    tally.add(image ? 'images' : 'files')
  }
  if (placeholders.length > 0) said.push(placeholders.join('\n'))
  flush()
  return segments
}

/** The messages of the branch that ends at `current_leaf_message_uuid`, or all of them in order. */
function currentBranch(
  c: ClaudeConversation,
  path: string,
  problems: ProblemList,
  tally: ReportTally,
): ClaudeMessage[] | null {
  const leaf = c.current_leaf_message_uuid
  if (!leaf || !c.chat_messages.some((m) => m.parent_message_uuid)) return c.chat_messages
  const byId = new Map(c.chat_messages.map((m) => [m.uuid, m]))
  const branch: ClaudeMessage[] = []
  const seen = new Set<string>()
  let cursor: string | null | undefined = leaf
  while (cursor && byId.has(cursor)) {
    if (seen.has(cursor)) {
      problems.add(`${path}.chat_messages`, `the parents of "${cursor}" form a loop`)
      return null
    }
    seen.add(cursor)
    const m: ClaudeMessage | undefined = byId.get(cursor)
    if (!m) break
    branch.push(m)
    cursor = m.parent_message_uuid
  }
  tally.add('other-branches', c.chat_messages.length - branch.length)
  return branch.reverse()
}

/** The conversations of a Claude.ai export as a list read one element at a time (`readJsonList`). */
function conversationList(
  bytes: ExportBytes,
  name: string | null,
  options: ImportOptions,
): Checked<Iterable<Checked<unknown>>> {
  const file = readJsonList(bytes, name, options.limits, options.decodeUtf8)
  if (!file.ok) return file
  if (!file.value.list)
    return failed('file-invalid', name ?? '(root)', 'expected a list of conversations')
  return passed(file.value.elements)
}

/**
 * One Claude conversation as Keepsake keeps it: messages in order with times made to increase (the
 * source time kept when moved). Problems go to `problems` (null is returned), each kind of change
 * is counted in `tally`, and `used` (message id → path of the conversation holding it) finds an id
 * used twice.
 */
function readConversation(
  raw: unknown,
  path: string,
  problems: ProblemList,
  tally: ReportTally,
  used: Map<string, string>,
): SessionConversation | null {
  const parsed = ClaudeConversation.safeParse(raw)
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.add(`${path}.${formatPath(issue.path)}`, issueText(issue))
    return null
  }
  const c = parsed.data
  const branch = currentBranch(c, path, problems, tally)
  if (!branch) return null
  const messages: Message[] = []
  branch.forEach((m, j) => {
    const role = m.sender === 'human' ? 'user' : m.sender === 'assistant' ? 'assistant' : null
    if (role === null) {
      problems.add(
        `${path}.chat_messages[${j}].sender`,
        `expected "human" or "assistant", got "${m.sender}"`,
      )
      return
    }
    const segments = segmentsOf(m, tally)
    if (segments.length === 0) tally.add('empty')
    segments.forEach((s, k) => {
      const id = k === 0 ? m.uuid : `${m.uuid}:${k}`
      const owner = used.get(id)
      if (owner !== undefined) {
        problems.add(`${path}.chat_messages[${j}].uuid`, `"${m.uuid}" is already used in ${owner}`)
        return
      }
      used.set(id, path)
      const source = Date.parse(m.created_at)
      const previous = messages.at(-1)
      const at = Math.max(source, previous ? Date.parse(previous.createdAt) + 1 : -Infinity)
      const message: Message = {
        schemaVersion: CURRENT_SCHEMA_VERSION,
        id,
        role: s.type === 'say' ? role : 'system',
        text: s.text,
        createdAt: new Date(at).toISOString(),
        deviceId: CLAUDE_DEVICE,
        // The reply was Claude's, not Keepsake's: the chat says who answered.
        speaker: s.type === 'say' && role === 'assistant' ? 'Claude' : null,
        replyTo: null,
        error: null,
      }
      if (s.type === 'tool') message.tool = { kind: s.kind, name: s.name }
      if (at !== source) {
        message.sourceCreatedAt = new Date(source).toISOString()
        tally.add('times-adjusted')
      }
      messages.push(message)
    })
  })
  const createdAt = [new Date(Date.parse(c.created_at)).toISOString(), messages[0]?.createdAt]
    .filter((t): t is string => t != null)
    .sort()[0] as string
  const updatedAt = [
    c.updated_at ? new Date(Date.parse(c.updated_at)).toISOString() : null,
    messages.at(-1)?.createdAt,
    createdAt,
  ]
    .filter((t): t is string => t != null)
    .sort()
    .at(-1) as string
  return {
    id: c.uuid,
    title: c.name?.trim() || 'Untitled',
    createdAt,
    updatedAt,
    deletedAt: null,
    messages,
    yjs: null,
  }
}

/** What `claudeToSession` made; `contents` is null when `data` holds every conversation whole. */
export interface ClaudeImported extends Imported {
  contents: ConversationContents | null
}

/**
 * Turns a Claude.ai export (`conversations.json`) into a session: one conversation per Claude
 * conversation (see `readClaudeFile`). Claude's message uuids are kept, so importing the same
 * export again adds nothing.
 *
 * With `stream`, the export is checked whole but its messages are let go as each conversation is
 * read: `data.conversations` holds their entries only, the report counts everything, and
 * `contents` reads `bytes` again a conversation at a time as it is written (as a ChatGPT export is,
 * see `readChatGptAgain`).
 */
export function claudeToSession(
  bytes: ExportBytes,
  name: string | null,
  options: ImportOptions,
  stream = false,
): Checked<ClaudeImported> {
  // One conversation is parsed and checked at a time (see `readJsonList`).
  const list = conversationList(bytes, name, options)
  if (!list.ok) return list
  const problems = new ProblemList()
  const tally = new ReportTally()
  const used = new Map<string, string>()
  const conversations: SessionConversation[] = []
  let messageCount = 0
  let i = 0
  for (const element of list.value) {
    if (!element.ok) return element
    const c = readConversation(element.value, `${name ?? ''}[${i++}]`, problems, tally, used)
    if (!c) continue
    messageCount += c.messages.length
    conversations.push(stream ? entryOnly(c) : c)
  }
  const ids = new Map<string, number>()
  conversations.forEach((c, i) => {
    const first = ids.get(c.id)
    if (first !== undefined)
      problems.add(
        `conversation ${i + 1}`,
        `conversation uuid "${c.id}" is already used by conversation ${first + 1}`,
      )
    ids.set(c.id, i)
  })
  if (!problems.empty) return { ok: false, code: 'file-invalid', problems: problems.list }
  const earliest = conversations.map((c) => c.createdAt).sort()[0]
  return passed({
    data: {
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
    },
    report: {
      source: 'claude',
      files: name ? [name] : [],
      conversations: conversations.length,
      messages: messageCount,
      lines: tally.lines(),
    },
    contents: stream ? readClaudeAgain(bytes, name, options, conversations) : null,
  })
}

/**
 * Reads a Claude.ai export again, a conversation at a time, after `claudeToSession` checked it
 * whole and listed its conversations' `entries`. Bytes that read differently than the first time
 * give a failure naming the file, and nothing more.
 */
function readClaudeAgain(
  bytes: ExportBytes,
  name: string | null,
  options: ImportOptions,
  entries: readonly SessionConversation[],
): ConversationContents {
  return function* () {
    const changed = failed(
      'file-invalid',
      name ?? '(root)',
      'the file read differently the second time (did it change while it was imported?)',
    )
    const list = conversationList(bytes, name, options)
    if (!list.ok) return yield changed
    const problems = new ProblemList()
    const used = new Map<string, string>()
    let index = 0
    for (const element of list.value) {
      const path = `${name ?? ''}[${index}]`
      const c = element.ok
        ? readConversation(element.value, path, problems, new ReportTally(), used)
        : null
      const entry = entries[index++]
      if (!c || !problems.empty || entry?.id !== c.id || entry.updatedAt !== c.updatedAt)
        return yield changed
      yield passed(c)
    }
    if (index !== entries.length) yield changed
  }
}
