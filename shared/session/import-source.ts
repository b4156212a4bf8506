import type { Gzip } from './gzip'
import { claudeToSession } from './import-claude'
import type { ConversationContents } from './conversation-contents'
import { ChatGptImporter, type Imported } from './import-chatgpt'
import type { ImportReport } from './import-report'
import { transcriptToSession, type ImportOptions } from './import-transcript'
import { failed, passed, type Checked } from './problems'
import { readChatGptAgain } from './read-chatgpt-again'
import { readSessionFile } from './session-file'
import type { SessionData } from './session-data'
import type { ExportBytes, StreamedFile } from './streamed-file'
import { isZip, streamedOf, zipFiles, type SourceFile } from './zip-files'

/** What an import source became: the session, the report, and what a session file brought along. */
export interface ImportedSource extends Imported {
  migratedRecords: number
  /** Conversations whose Yjs state can be stored as it is (see `LoadedSession.exactLogs`). */
  exactLogs: ReadonlySet<string>
  /**
   * Null when `data` holds every conversation whole. Otherwise `data.conversations` lists each
   * conversation's entry only (no messages), the report counts everything, and this gives the
   * conversations whole, one at a time (`SourceOptions.stream`).
   */
  contents: ConversationContents | null
}

export interface SourceOptions extends ImportOptions {
  gzip: Gzip
  /** Called as each file of a sharded export is read. */
  progress?: (phase: string, done: number, total: number) => void
  /**
   * Read a ChatGPT export twice instead of holding it: checked whole first, keeping only each
   * conversation's entry and message ids, then read again one conversation at a time as it is
   * written (`ImportedSource.contents`). Costs a second parse; what is held stays one batch.
   */
  stream?: boolean
  /**
   * The one chosen file's bytes are the import's own (the request's copy): a session file's are
   * released once decoded, so a large one is not held through validation and writing. The bytes
   * of a zip's entries, and any other kind of file, are left as they are.
   */
  handOver?: boolean
}

/** The sentence every unrecognised source ends with. */
export const ACCEPTED_FORMATS =
  'Keepsake imports a Keepsake session file (.keepsake, .keepsake.json), a JSONL transcript (.jsonl), a ChatGPT export (conversations.json, the conversations-000.json… shards or their folder, or the .zip as downloaded) or a Claude.ai export (conversations.json or its .zip).'

/** The conversation files of an export: `conversations.json`, or ChatGPT's 2026 shards. */
const CONVERSATIONS = /(^|\/)conversations\.json$/
const SHARD = /(^|\/)conversations-\d+\.json$/

/** True for the files of an export an import reads; the others (`user.json`, images) are skipped. */
export const isConversationFile = (name: string): boolean =>
  CONVERSATIONS.test(name) || SHARD.test(name)

const baseName = (name: string): string => name.replace(/^.*[\\/]/, '')

/** The files of one chosen file: a zip's entries (a collection), or the file itself. */
export function sourceFiles(
  name: string,
  bytes: Uint8Array,
  options: ImportOptions,
): Checked<{ files: SourceFile[]; collection: boolean }> {
  if (isZip(bytes)) {
    const files = zipFiles(bytes, baseName(name), options.limits, isConversationFile)
    return files.ok ? passed({ files: files.value, collection: true }) : files
  }
  const file = { name: baseName(name), size: bytes.length, read: () => passed(bytes) }
  return passed({ files: [file], collection: false })
}

const firstByte = (bytes: Uint8Array): number | undefined => {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0
  while (i < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[i] ?? 0)) i++
  return bytes[i]
}

const HEAD_BYTES = 4 * 1024 * 1024

/** The first bytes of `file` (at least `HEAD_BYTES`, or all of it), to recognise what it is. */
function headOf(file: StreamedFile): Checked<Uint8Array> {
  const parts: Uint8Array[] = []
  let length = 0
  for (const chunk of file.chunks()) {
    if (!chunk.ok) return chunk
    parts.push(chunk.value.slice())
    length += chunk.value.length
    if (length >= HEAD_BYTES) break
  }
  const head = new Uint8Array(length)
  parts.reduce((at, p) => (head.set(p, at), at + p.length), 0)
  return passed(head)
}
const MAPPING = new TextEncoder().encode('"mapping"')
const CHAT_MESSAGES = new TextEncoder().encode('"chat_messages"')

/** Where ASCII `needle` first occurs in the first `limit` bytes of `bytes`, or -1 (no text is decoded). */
function indexOfBytes(bytes: Uint8Array, needle: Uint8Array, limit: number): number {
  const end = Math.min(bytes.length, limit) - needle.length
  const first = needle[0]
  for (
    let i = bytes.indexOf(first ?? 0);
    i >= 0 && i <= end;
    i = bytes.indexOf(first ?? 0, i + 1)
  ) {
    let j = 1
    while (j < needle.length && bytes[i + j] === needle[j]) j++
    if (j === needle.length) return i
  }
  return -1
}

/** True when `bytes` hold only an empty JSON array (`[]`, with whitespace and a BOM allowed). */
function isEmptyArray(bytes: Uint8Array): boolean {
  const text = bytes.length <= 4096 ? new TextDecoder().decode(bytes) : ''
  return /^\s*\[\s*\]\s*$/.test(text)
}

/**
 * Which export a JSON array is, from the first conversation's keys: ChatGPT's `mapping` or Claude's
 * `chat_messages`, searched for as bytes in the first 4 MiB (a large export is not decoded twice).
 */
function exportKind(bytes: Uint8Array): 'chatgpt' | 'claude' | null {
  const mapping = indexOfBytes(bytes, MAPPING, HEAD_BYTES)
  const chat = indexOfBytes(bytes, CHAT_MESSAGES, HEAD_BYTES)
  if (mapping < 0 && chat < 0) return isEmptyArray(bytes) ? 'chatgpt' : null
  if (chat < 0) return 'chatgpt'
  if (mapping < 0) return 'claude'
  return mapping < chat ? 'chatgpt' : 'claude'
}

/** True when the first line is a transcript line (`conversation` and `role` keys). */
function looksLikeTranscript(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 64 * 1024))
  const line = head.split(/\r?\n/).find((l) => l.trim() !== '') ?? ''
  try {
    const value: unknown = JSON.parse(line)
    return typeof value === 'object' && value !== null && 'conversation' in value && 'role' in value
  } catch {
    return false
  }
}

const unrecognised = (where: string, what: string): Checked<never> =>
  failed('file-invalid', where, `${what}. ${ACCEPTED_FORMATS}`)

const withReport = (
  data: SessionData,
  source: ImportReport['source'],
  file: string,
): ImportedSource => ({
  data,
  report: {
    source,
    files: [file],
    conversations: data.conversations.length,
    messages: data.conversations.reduce((n, c) => n + c.messages.length, 0),
    lines: [],
  },
  migratedRecords: 0,
  exactLogs: new Set(),
  contents: null,
})

const imported = (r: Checked<Imported>): Checked<ImportedSource> =>
  r.ok
    ? passed({
        data: r.value.data,
        report: r.value.report,
        migratedRecords: 0,
        exactLogs: new Set(),
        contents: null,
      })
    : r

function importChatGpt(
  files: SourceFile[],
  options: SourceOptions,
  named: boolean,
): Checked<ImportedSource> {
  const stream = options.stream === true
  const importer = new ChatGptImporter(options, !stream)
  for (const [i, file] of files.entries()) {
    options.progress?.(`Reading ${file.name}`, i, files.length)
    const streamed = streamedOf(file)
    const bytes: Checked<ExportBytes> = streamed ? passed(streamed) : file.read()
    if (!bytes.ok) return bytes
    importer.addFile(bytes.value, named ? file.name : null)
  }
  const finished = importer.finish()
  if (!finished.ok || !stream) return imported(finished)
  const { data, report, claims } = finished.value
  const again = files.map((file) => ({ file, name: named ? file.name : null }))
  return passed({
    data,
    report,
    migratedRecords: 0,
    exactLogs: new Set(),
    contents: readChatGptAgain(again, options, data.conversations, claims),
  })
}

/**
 * Recognises what was chosen and imports it: a Keepsake session file, a JSONL transcript, a ChatGPT
 * export (one `conversations.json`, its shards, a folder or the zip) or a Claude.ai export. `files`
 * are the files of the source (a zip's or folder's entries, or the one file); `collection` says the
 * source is a zip or folder, whose other files (`user.json`, images) are not needed.
 */
export async function importSource(
  label: string,
  files: SourceFile[],
  collection: boolean,
  options: SourceOptions,
): Promise<Checked<ImportedSource>> {
  if (collection) {
    const shards = files
      .filter((f) => SHARD.test(f.name))
      .sort((a, b) => (a.name < b.name ? -1 : 1))
    if (shards.length > 0) return importChatGpt(shards, options, true)
    const whole = files.find((f) => CONVERSATIONS.test(f.name))
    if (!whole && files.length === 0)
      return unrecognised(label, 'it holds no files (is the zip damaged, or the folder empty?)')
    if (!whole) {
      const held = files
        .slice(0, 8)
        .map((f) => f.name)
        .join(', ')
      return unrecognised(
        label,
        `there is no conversations.json or conversations-000.json in it (it holds ${files.length} file${files.length === 1 ? '' : 's'}${held ? `: ${held}` : ''})`,
      )
    }
    files = [whole]
  }
  const file = files[0]
  if (!file || files.length > 1) return unrecognised(label, 'choose one file, a folder or a zip')
  // A large file in a zip is recognised from its first megabytes and read as it unpacks.
  const streamed = streamedOf(file)
  const read = streamed ? headOf(streamed) : file.read()
  if (!read.ok) return read
  const bytes = read.value
  const whole = (): Checked<Uint8Array> => (streamed ? streamed.whole() : read)
  if (bytes.length === 0) return unrecognised(label, 'the file is empty')
  const name = collection ? file.name : null
  if (/\.jsonl$/i.test(file.name) || (firstByte(bytes) === 0x7b && looksLikeTranscript(bytes))) {
    const all = whole()
    if (!all.ok) return all
    const data = transcriptToSession(all.value, options)
    return data.ok ? passed(withReport(data.value, 'transcript', file.name)) : data
  }
  if (firstByte(bytes) === 0x5b) {
    const kind = exportKind(bytes)
    if (kind === 'claude') {
      const claude = claudeToSession(streamed ?? bytes, name, options, options.stream === true)
      if (!claude.ok) return claude
      const { data, report, contents } = claude.value
      return passed({ data, report, migratedRecords: 0, exactLogs: new Set(), contents })
    }
    // The bytes already read, so a zip entry is not unpacked a second time.
    if (kind === 'chatgpt')
      return importChatGpt([streamed ? file : { ...file, read: () => read }], options, collection)
    return unrecognised(
      label,
      'this JSON list is neither ChatGPT conversations (with "mapping") nor Claude.ai conversations (with "chat_messages")',
    )
  }
  const head = new TextDecoder().decode(bytes.subarray(0, 4096))
  const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b
  const named = /\.keepsake(\.json)?$/i.test(file.name)
  if (!gzipped && !named && !head.includes('keepsake-session'))
    return unrecognised(label, 'this is not a file Keepsake recognises')
  const all = whole()
  if (!all.ok) return all
  const session = await readSessionFile(all.value, options.gzip, options.limits, {
    handOver: options.handOver === true && !collection && !streamed,
  })
  if (!session.ok) return session
  const s = session.value
  const result = withReport(s.data, 'session', file.name)
  return passed({ ...result, migratedRecords: s.migratedRecords, exactLogs: s.exactLogs })
}
