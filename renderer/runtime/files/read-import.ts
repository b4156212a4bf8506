import { newId } from '../../../shared/ids'
import { chatGptToSession } from '../../../shared/session/import-chatgpt'
import { transcriptToSession } from '../../../shared/session/import-transcript'
import { passed, type Checked } from '../../../shared/session/problems'
import { readSessionFile } from '../../../shared/session/session-file'
import type { SessionData } from '../../../shared/session/session-data'
import { APP_VERSION } from './app-version'
import { webGzip } from './web-gzip'

/** A file read for import: the session, and what was migrated on the way. */
export interface ImportFile {
  data: SessionData
  migratedRecords: number
  /** Where the file came from: a Keepsake session, or an importer that made one. */
  kind: 'session' | 'transcript' | 'chatgpt'
  /** Conversations whose Yjs state can be stored as it is (see `LoadedSession.exactLogs`). */
  exactLogs: ReadonlySet<string>
}

const firstNonSpace = (bytes: Uint8Array): number | undefined => {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  while (i < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[i] ?? 0)) i++
  return bytes[i]
}

/**
 * Reads and validates a file chosen for import, whole, before anything is touched: a Keepsake
 * session (`.keepsake`, `.keepsake.json`), a JSONL transcript (`.jsonl`), or ChatGPT's
 * `conversations.json` (a JSON array). Importers name the new space after the file.
 */
export async function readImportFile(
  fileName: string,
  bytes: Uint8Array,
  now: Date,
): Promise<Checked<ImportFile>> {
  const label = fileName.replace(/\.[^.]*$/, '') || 'Imported'
  const options = { spaceName: label, spaceId: newId(), now, appVersion: APP_VERSION }
  if (fileName.toLowerCase().endsWith('.jsonl')) {
    const data = transcriptToSession(bytes, options)
    return data.ok
      ? passed({ data: data.value, migratedRecords: 0, kind: 'transcript', exactLogs: new Set() })
      : data
  }
  if (firstNonSpace(bytes) === 0x5b) {
    const data = chatGptToSession(bytes, { ...options, spaceName: 'ChatGPT' })
    return data.ok
      ? passed({ data: data.value, migratedRecords: 0, kind: 'chatgpt', exactLogs: new Set() })
      : data
  }
  const read = await readSessionFile(bytes, webGzip)
  if (!read.ok) return read
  return passed({
    data: read.value.data,
    migratedRecords: read.value.migratedRecords,
    kind: 'session',
    exactLogs: read.value.exactLogs,
  })
}
