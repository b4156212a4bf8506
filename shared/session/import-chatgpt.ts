import { CURRENT_SCHEMA_VERSION, type Message } from '../schema/current'
import { formatPath, issueText } from '../validation'
import { ChatGptConversation, type ChatGptMessage, type ChatGptNode } from './chatgpt-export'
import { readChatGptMessage } from './chatgpt-message'
import { ReportTally, type ImportReport } from './import-report'
import type { ImportOptions } from './import-transcript'
import { ProblemList, passed, type Checked, type SessionProblem } from './problems'
import { readJsonList } from './read-json-file'
import type { SessionConversation, SessionData } from './session-data'
import { fingerprint } from './stable-id'

/** The device id imported messages carry. */
export const CHATGPT_DEVICE = 'import:chatgpt'

/** What an importer made: the session to store, and the report of what it did. */
export interface Imported {
  data: SessionData
  report: ImportReport
}

const ms = (seconds: number): number => Math.round(seconds * 1000)

interface Pending {
  conversation: SessionConversation
  /** Seconds, for deciding which conversation keeps an id that several use. */
  createdAt: number
}

/**
 * Turns a ChatGPT data export into a session, one JSON file at a time (`conversations.json`, or each
 * `conversations-NNN.json` shard), so only one file's parsed JSON is held at once. For every
 * conversation the branch that was current is kept in tree order, with:
 * - times made to increase along it (ChatGPT stamps questions with the client's clock), the
 *   original kept as `sourceCreatedAt`;
 * - tool calls and results as tool steps (role `system` with `tool`), never as the assistant;
 * - images, files and voice as placeholders or transcript text, citation markup made plain;
 * - hidden context and reasoning left out.
 * A message id that several conversations use ("Branch in new chat" copies them) stays with the
 * conversation created first and becomes `<conversation id>:<message id>` in the others, so the
 * same export always gives the same ids and importing it again adds nothing.
 */
export class ChatGptImporter {
  private readonly problems = new ProblemList()
  private readonly tally = new ReportTally()
  private readonly pending: Pending[] = []
  private readonly files: string[] = []

  constructor(private readonly options: ImportOptions) {}

  /**
   * Reads one file of the export; `name` is null for a lone file (paths then start at `[i]`). Its
   * conversations are parsed, checked and turned into records one at a time, so the objects of the
   * whole file are never built at once (see `readJsonList`).
   */
  addFile(bytes: Uint8Array, name: string | null): void {
    if (name !== null) this.files.push(name)
    const prefix = name ?? ''
    const file = readJsonList(bytes, name, this.options.limits)
    if (!file.ok) return this.addProblems(file.problems)
    if (!file.value.list) {
      this.problems.add(prefix || '(root)', 'expected a list of conversations')
      return
    }
    let i = 0
    for (const element of file.value.elements) {
      if (!element.ok) return this.addProblems(element.problems)
      const path = `${prefix}[${i++}]`
      const parsed = ChatGptConversation.safeParse(element.value)
      if (!parsed.success) {
        for (const issue of parsed.error.issues)
          this.problems.add(`${path}.${formatPath(issue.path)}`, issueText(issue))
        continue
      }
      this.addConversation(parsed.data, path)
    }
  }

  private addProblems(problems: readonly SessionProblem[]): void {
    for (const p of problems) this.problems.add(p.path, p.message)
  }

  private addConversation(c: ChatGptConversation, path: string): void {
    const nodes = new Map<string, ChatGptNode>(Object.entries(c.mapping))
    const branch = this.currentBranch(c, nodes, path)
    if (branch === null) return
    const id =
      c.conversation_id ?? c.id ?? `chatgpt-${fingerprint(`${c.title ?? ''}|${c.create_time}`)}`
    const onBranch = new Set(branch.map((m) => m.id))
    for (const node of nodes.values()) {
      const m = node.message
      if (m && !onBranch.has(m.id) && (m.author.role === 'user' || m.author.role === 'assistant'))
        this.tally.add('other-branches')
    }
    const messages: Message[] = []
    let last = c.create_time != null ? ms(c.create_time) : null
    for (const m of branch) {
      const reading = readChatGptMessage(m, this.tally)
      if (reading.type === 'leave-out') {
        this.tally.add(reading.code)
        continue
      }
      const source = m.create_time != null ? ms(m.create_time) : last
      if (source === null) {
        this.problems.add(
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
        this.tally.add('times-adjusted')
      }
      messages.push(message)
    }
    const firstAt = messages[0]?.createdAt
    const lastAt = messages.at(-1)?.createdAt
    const own = c.create_time != null ? new Date(ms(c.create_time)).toISOString() : null
    const createdAt =
      [own, firstAt].filter((t): t is string => t != null).sort()[0] ??
      this.options.now.toISOString()
    const updated = c.update_time != null ? new Date(ms(c.update_time)).toISOString() : null
    const updatedAt =
      [updated, lastAt, createdAt]
        .filter((t): t is string => t != null)
        .sort()
        .at(-1) ?? createdAt
    this.pending.push({
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
    })
  }

  /**
   * The branch a person last saw: from `current_node` up through the parents, returned oldest
   * first. Without `current_node`, the newest leaf. Nodes are looked up as own keys only, so a node
   * named `constructor` or `toString` is an ordinary node. A loop or a missing node is a problem.
   */
  private currentBranch(
    c: ChatGptConversation,
    nodes: Map<string, ChatGptNode>,
    path: string,
  ): ChatGptMessage[] | null {
    if (c.current_node != null && !nodes.has(c.current_node)) {
      this.problems.add(`${path}.current_node`, `there is no node "${c.current_node}" in mapping`)
      return null
    }
    let cursor = c.current_node ?? newestLeaf(nodes)
    const branch: ChatGptMessage[] = []
    const seen: string[] = []
    while (cursor != null) {
      if (seen.includes(cursor)) {
        const loop = [...seen.slice(seen.indexOf(cursor)), cursor].join(' → ')
        const last = seen.at(-1) ?? cursor
        this.problems.add(`${path}.mapping.${last}.parent`, `the parents form a loop: ${loop}`)
        return null
      }
      seen.push(cursor)
      const node = nodes.get(cursor)
      if (!node) {
        const child = seen.at(-2)
        this.problems.add(
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

  /** The session and report, or every problem found in any file. */
  finish(): Checked<Imported> {
    const conversationPaths = new Map<string, number>()
    this.pending.forEach((p, i) => {
      const seen = conversationPaths.get(p.conversation.id)
      if (seen !== undefined)
        this.problems.add(
          `conversation ${i + 1}`,
          `conversation id "${p.conversation.id}" is already used by conversation ${seen + 1}`,
        )
      conversationPaths.set(p.conversation.id, i)
    })
    if (!this.problems.empty)
      return { ok: false, code: 'file-invalid', problems: this.problems.list }
    this.claimIds()
    const conversations = this.pending.map((p) => p.conversation)
    const earliest = conversations.map((c) => c.createdAt).sort()[0]
    const { options } = this
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
        source: 'chatgpt',
        files: this.files,
        conversations: conversations.length,
        messages: conversations.reduce((n, c) => n + c.messages.length, 0),
        lines: this.tally.lines(),
      },
    })
  }

  /** Gives each shared message id to the conversation created first (then by id); others prefix it. */
  private claimIds(): void {
    const order = [...this.pending].sort(
      (a, b) =>
        a.createdAt - b.createdAt ||
        (a.conversation.id < b.conversation.id
          ? -1
          : a.conversation.id > b.conversation.id
            ? 1
            : 0),
    )
    const claimed = new Set<string>()
    for (const { conversation } of order) {
      for (const m of conversation.messages) {
        if (claimed.has(m.id)) {
          m.id = `${conversation.id}:${m.id}`
          this.tally.add('ids-remapped')
        }
        claimed.add(m.id)
      }
    }
  }
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

/** Imports a lone `conversations.json` (see `ChatGptImporter`). */
export function chatGptToSession(bytes: Uint8Array, options: ImportOptions): Checked<Imported> {
  const importer = new ChatGptImporter(options)
  importer.addFile(bytes, null)
  return importer.finish()
}
