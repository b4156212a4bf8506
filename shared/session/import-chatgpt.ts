import { claimIds, claimedId, type IdClaims } from './claim-ids'
import { readChatGptFile, type ChatGptRead } from './chatgpt-reader'
import { ReportTally, type ImportReport } from './import-report'
import type { ImportOptions } from './import-transcript'
import { ProblemList, passed, type Checked } from './problems'
import type { SessionData } from './session-data'
import type { ExportBytes } from './streamed-file'

export { CHATGPT_DEVICE } from './chatgpt-reader'

/** What an importer made: the session to store, and the report of what it did. */
export interface Imported {
  data: SessionData
  report: ImportReport
}

/** What `ChatGptImporter.finish` made, with the ids it decided to give new ones. */
export interface ChatGptImported extends Imported {
  claims: IdClaims
}

interface Pending extends ChatGptRead {
  /** The message ids as the export gave them, when the messages themselves were let go. */
  messageIds: string[] | null
}

/**
 * Turns a ChatGPT data export into a session, one JSON file at a time (`conversations.json`, or each
 * `conversations-NNN.json` shard), so only one file's parsed JSON is held at once; what becomes of
 * each conversation is `readChatGptFile`'s. A message id that several conversations use ("Branch in
 * new chat" copies them) stays with the conversation created first and becomes
 * `<conversation id>:<message id>` in the others (`claimIds`), so the same export always gives the
 * same ids and importing it again adds nothing.
 *
 * With `keepMessages` false, each conversation's messages are let go once read and only their ids
 * are kept: `finish` then gives every conversation's entry with no messages, the report, and the
 * ids to rename, and `readChatGptAgain` reads the messages again one conversation at a time.
 */
export class ChatGptImporter {
  private readonly problems = new ProblemList()
  private readonly tally = new ReportTally()
  private readonly pending: Pending[] = []
  private readonly files: string[] = []

  constructor(
    private readonly options: ImportOptions,
    private readonly keepMessages = true,
  ) {}

  /** Reads one file of the export; `name` is null for a lone file (paths then start at `[i]`). */
  addFile(bytes: ExportBytes, name: string | null): void {
    if (name !== null) this.files.push(name)
    for (const read of readChatGptFile(bytes, name, this.options, this.problems, this.tally)) {
      if (this.keepMessages) {
        this.pending.push({ ...read, messageIds: null })
        continue
      }
      const { conversation } = read
      this.pending.push({
        createdAt: read.createdAt,
        conversation: { ...conversation, messages: [] },
        messageIds: conversation.messages.map((m) => m.id),
      })
    }
  }

  /** The session and report, or every problem found in any file. */
  finish(): Checked<ChatGptImported> {
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
    const claims = claimIds(
      this.pending.map((p) => ({
        conversationId: p.conversation.id,
        createdAt: p.createdAt,
        messageIds: p.messageIds ?? p.conversation.messages.map((m) => m.id),
      })),
    )
    this.tally.add('ids-remapped', claims.count)
    for (const [index, positions] of claims.renamed) {
      const c = this.pending[index]?.conversation
      for (const position of positions) {
        const m = c?.messages[position]
        if (c && m) m.id = claimedId(c.id, m.id)
      }
    }
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
        messages: this.pending.reduce(
          (n, p) => n + (p.messageIds ?? p.conversation.messages).length,
          0,
        ),
        lines: this.tally.lines(),
      },
      claims,
    })
  }
}

/** Imports a lone `conversations.json` (see `ChatGptImporter`). */
export function chatGptToSession(bytes: Uint8Array, options: ImportOptions): Checked<Imported> {
  const importer = new ChatGptImporter(options)
  importer.addFile(bytes, null)
  return importer.finish()
}
