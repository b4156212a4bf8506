import { ok, type Result } from '../../../shared/errors'
import type { SessionEncoding } from '../../../shared/session/codec'
import { exportFileName } from '../../../shared/session/file-name'
import { writeSessionFile } from '../../../shared/session/session-file'
import type { Space } from '../space/space'
import { collectSession, type ExportScope } from './collect-session'
import type { ReportProgress } from './progress'
import { webGzip } from './web-gzip'

/** An export ready to save: its suggested name, its bytes, and what it holds. */
export interface ExportedSession {
  fileName: string
  bytes: Uint8Array
  conversations: number
  messages: number
  memory: number
}

/**
 * Exports a space (or one conversation of it) as a session file in `encoding`. Progress goes from
 * reading each conversation to encoding the file.
 */
export async function exportSession(
  space: Space,
  what: ExportScope,
  encoding: SessionEncoding,
  now: Date,
  report: ReportProgress,
): Promise<Result<ExportedSession>> {
  const collected = await collectSession(space, what, now, (done, total) =>
    report({ operation: 'export', phase: 'Reading conversations', done, total: total + 1 }),
  )
  if (!collected.ok) return collected
  const data = collected.value
  const bytes = await writeSessionFile(data, encoding, webGzip)
  const total = data.conversations.length + 1
  report({ operation: 'export', phase: 'Done', done: total, total })
  const label =
    what.scope === 'space' ? space.name : (data.conversations[0]?.title ?? 'conversation')
  return ok({
    fileName: exportFileName(label, now, encoding),
    bytes,
    conversations: data.conversations.length,
    messages: data.conversations.reduce((n, c) => n + c.messages.length, 0),
    memory: data.memory.length,
  })
}
