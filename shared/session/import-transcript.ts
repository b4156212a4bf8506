import { z } from 'zod'
import { CURRENT_SCHEMA_VERSION, type Message } from '../schema/current'
import { IsoDate } from '../schema/iso-date'
import { formatPath, issueText } from '../validation'
import { parseJsonText } from './json-text'
import { DEFAULT_LIMITS, formatBytes, type SessionLimits } from './limits'
import { ProblemList, failed, passed, type Checked } from './problems'
import type { SessionConversation, SessionData } from './session-data'
import { stableId } from './stable-id'
import type { Utf8Decode } from './utf8-text'

/**
 * One line of a plain JSONL transcript. A given `id` becomes the message id and is kept through
 * export, import and search; without one, the id is derived from the conversation and line number.
 */
export const TranscriptLine = z.strictObject({
  conversation: z.string().min(1, 'expected the conversation id or title'),
  role: z.enum(['user', 'assistant', 'system']),
  speaker: z.string().min(1).nullish(),
  text: z.string(),
  timestamp: IsoDate,
  id: z.string().min(1).max(200).optional(),
})
export type TranscriptLine = z.infer<typeof TranscriptLine>

/** The device id imported messages carry: they were written on no device. */
export const TRANSCRIPT_DEVICE = 'import:transcript'

export interface ImportOptions {
  spaceName: string
  spaceId: string
  now: Date
  appVersion: string
  limits?: SessionLimits
  /**
   * How an export's conversations are decoded, one at a time: `decodeUtf8` (JavaScript) unless given.
   * In Node the platform's `TextDecoder` is faster and costs no extra memory; in Chromium it does.
   */
  decodeUtf8?: Utf8Decode
}

/**
 * Turns a JSONL transcript (one message per line) into a session: conversations in order of first
 * appearance, messages in line order. Every bad line is reported as `line N: field: reason`.
 */
export function transcriptToSession(
  bytes: Uint8Array,
  options: ImportOptions,
): Checked<SessionData> {
  const limits = options.limits ?? DEFAULT_LIMITS
  if (bytes.length > limits.maxFileBytes) {
    return failed(
      'file-too-large',
      '(root)',
      `the transcript is ${formatBytes(bytes.length)}, larger than the limit of ${formatBytes(limits.maxFileBytes)}`,
    )
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return failed('file-invalid', '(root)', 'the transcript is not valid UTF-8 text')
  }
  const problems = new ProblemList()
  const conversations = new Map<string, SessionConversation>()
  const messageLines = new Map<string, number>()
  const lines = text.split(/\r?\n/)
  lines.forEach((line, index) => {
    const lineNo = index + 1
    if (line.trim() === '' || problems.full) return
    const where = `line ${lineNo}`
    const json = parseJsonText(line, limits)
    if (!json.ok) {
      for (const p of json.problems)
        problems.add(p.path === '(root)' ? where : `${where}: ${p.path}`, p.message)
      return
    }
    const parsed = TranscriptLine.safeParse(json.value)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.length > 0 ? `: ${formatPath(issue.path)}` : ''
        problems.add(`${where}${field}`, issueText(issue))
      }
      return
    }
    const row = parsed.data
    const conversationId = stableId('transcript', row.conversation)
    let conversation = conversations.get(conversationId)
    if (!conversation) {
      conversation = {
        id: conversationId,
        title: row.conversation,
        createdAt: row.timestamp,
        updatedAt: row.timestamp,
        deletedAt: null,
        messages: [],
        yjs: null,
      }
      conversations.set(conversationId, conversation)
    }
    const id = row.id ?? `${conversationId}:${lineNo}`
    const seen = messageLines.get(id)
    if (seen !== undefined) {
      problems.add(`${where}: id`, `"${id}" is already used on line ${seen}`)
      return
    }
    messageLines.set(id, lineNo)
    const message: Message = {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      id,
      role: row.role,
      text: row.text,
      createdAt: row.timestamp,
      deviceId: TRANSCRIPT_DEVICE,
      speaker: row.speaker ?? null,
      replyTo: null,
      error: null,
    }
    conversation.messages.push(message)
    if (Date.parse(row.timestamp) < Date.parse(conversation.createdAt))
      conversation.createdAt = row.timestamp
    if (Date.parse(row.timestamp) > Date.parse(conversation.updatedAt))
      conversation.updatedAt = row.timestamp
  })
  if (!problems.empty) return { ok: false, code: 'file-invalid', problems: problems.problems }
  if (conversations.size === 0)
    return failed('file-invalid', '(root)', 'the transcript has no messages')
  const all = [...conversations.values()]
  const first = all.map((c) => c.createdAt).sort((a, b) => Date.parse(a) - Date.parse(b))[0]
  return passed({
    exportedAt: options.now.toISOString(),
    app: { name: 'keepsake', version: options.appVersion },
    scope: 'space',
    space: {
      id: options.spaceId,
      name: options.spaceName,
      createdAt: first ?? options.now.toISOString(),
    },
    memory: [],
    quarantine: [],
    conversations: all,
    yjs: null,
  })
}
