import { newId } from '../../../shared/ids'
import type { ConversationContents } from '../../../shared/session/conversation-contents'
import type { ImportReport } from '../../../shared/session/import-report'
import { importSource, sourceFiles } from '../../../shared/session/import-source'
import { passed, type Checked } from '../../../shared/session/problems'
import type { SessionData } from '../../../shared/session/session-data'
import { APP_VERSION } from './app-version'
import type { ReportProgress } from './progress'
import { webGzip } from './web-gzip'

/** A file read for import: the session, and what was migrated or transformed on the way. */
export interface ImportFile {
  data: SessionData
  migratedRecords: number
  /** Where the file came from: a Keepsake session, or an importer that made one. */
  kind: ImportReport['source']
  /** What the importer read, transformed and left out. */
  report: ImportReport
  /** Conversations whose Yjs state can be stored as it is (see `LoadedSession.exactLogs`). */
  exactLogs: ReadonlySet<string>
  /**
   * Null when `data` holds every conversation whole; otherwise `data.conversations` holds their
   * entries and this reads them again, whole, one at a time (`ImportedSource.contents`).
   */
  contents: ConversationContents | null
}

const SPACE_NAMES: Partial<Record<ImportReport['source'], string>> = {
  chatgpt: 'ChatGPT',
  claude: 'Claude',
}

/**
 * Reads and validates a file chosen for import, whole, before anything is touched: a Keepsake
 * session, a JSONL transcript, a ChatGPT export (`conversations.json`, its shards, or the zip) or a
 * Claude.ai export (`conversations.json` or its zip), recognised by `importSource`. A new space is
 * named after the file, or "ChatGPT" / "Claude" for those exports. A ChatGPT export is checked
 * whole but not held: its conversations are read again as they are written (`contents`).
 * `handOver`: `bytes` are the import's own (a request's copy, used for nothing else), so a session
 * file's are released once decoded (they read as empty afterwards).
 */
export async function readImportFile(
  fileName: string,
  bytes: Uint8Array,
  now: Date,
  report?: ReportProgress,
  more: readonly { fileName: string; bytes: Uint8Array }[] = [],
  { handOver = false }: { handOver?: boolean } = {},
): Promise<Checked<ImportFile>> {
  const label = fileName.replace(/\.[^.]*$/, '') || 'Imported'
  const options = {
    spaceName: label,
    spaceId: newId(),
    now,
    appVersion: APP_VERSION,
    gzip: webGzip,
    stream: true,
    handOver: handOver && more.length === 0,
    progress: (phase: string, done: number, total: number) =>
      report?.({ operation: 'import', phase, done, total }),
  }
  // Several files chosen together are one export's files (the shards of an unpacked folder).
  const source =
    more.length > 0
      ? passed({
          files: [{ fileName, bytes }, ...more].map((f) => ({
            name: f.fileName,
            size: f.bytes.length,
            read: () => passed(f.bytes),
          })),
          collection: true,
        })
      : sourceFiles(fileName, bytes, options)
  if (!source.ok) return source
  const read = await importSource(fileName, source.value.files, source.value.collection, options)
  if (!read.ok) return read
  const { data, report: made, migratedRecords, exactLogs, contents } = read.value
  const name = SPACE_NAMES[made.source]
  return passed({
    data: name ? { ...data, space: { ...data.space, name } } : data,
    migratedRecords,
    kind: made.source,
    report: made,
    exactLogs,
    contents,
  })
}
