import { err, ok, type Result } from '../../../shared/errors'
import { newId } from '../../../shared/ids'
import { CURRENT_SCHEMA_VERSION } from '../../../shared/schema/current'
import type { ImportMode, ImportSummary, LastImport } from '../../../shared/contract/files-requests'
import { withContents } from '../../../shared/session/conversation-contents'
import type { SessionData } from '../../../shared/session/session-data'
import { docSchemaVersion } from '../../../shared/docs'
import type { KvRow, QuarantineRow, RegistryDb } from '../db/space-db'
import { storageError } from '../db/storage-error'
import type { PersistedDoc } from '../docs/persisted-doc'
import { storeNewSpace } from '../space/new-space'
import type { Space } from '../space/space'
import { exportSession } from './export-session'
import { fileError } from './file-error'
import { mergePlans } from './import-plans'
import type { ReportProgress } from './progress'
import type { ImportFile } from './read-import'
import type { ReopenRuntime } from './reopen'
import { SourceReadError } from './source-read-error'
import { activateSpace } from './space-registry'
import { countsOf, writeFreshSpace, type WrittenCounts } from './write-fresh-space'

/** Where the backup written before a replace is kept: the kv table of the space that replaced it. */
export const BACKUP_KEY = 'files.backup'

/** Where the report of the last import into a space is kept, written with the import itself. */
export const LAST_IMPORT_KEY = 'files.last-import'

/** The kv row that keeps what an import did, so the report can be read after the window reloads. */
function lastImportRow(file: ImportFile, fileName: string, counts: WrittenCounts, at: Date): KvRow {
  const value: LastImport = {
    fileName,
    at: at.toISOString(),
    messagesAdded: counts.messagesAdded,
    report: file.report,
  }
  return { key: LAST_IMPORT_KEY, value }
}

/** What an import works on: the open space, the profile's registry, and how to restart on another space. */
export interface ImportTarget {
  space: Space
  registry: RegistryDb
  now: () => Date
  report: ReportProgress
  reopen: ReopenRuntime
}

/**
 * Imports a validated file in one of three modes. A failing import changes nothing: a merge computes
 * all its changes first and writes them in one transaction; a new space is written in batches into
 * a database that no space list names until every batch is stored, and deleted if one fails.
 * - `merge`: the file's Yjs state is merged into this space's documents (or, without Yjs state,
 *   items and messages are added by id); importing the same file again adds nothing, and a file
 *   whose state would delete or overwrite anything here is refused.
 * - `new-space`: a new space is built from the file, registered, and opened.
 * - `replace`: like `new-space`, after a backup export of this space is written into the new
 *   space's kv (`BACKUP_KEY`, offered for download as `files.backup`); the old space is removed.
 */
export async function importSession(
  target: ImportTarget,
  file: ImportFile,
  mode: ImportMode,
  fileName: string,
): Promise<Result<ImportSummary>> {
  return mode === 'merge'
    ? merge(target, file, fileName)
    : intoNewSpace(target, file, mode, fileName)
}

async function merge(
  target: ImportTarget,
  file: ImportFile,
  fileName: string,
): Promise<Result<ImportSummary>> {
  const { space, report } = target
  if (space.readOnly) return space.readOnlyError()
  // A merge plans every document before it writes (one transaction), so it holds them all.
  const whole = withContents(file.data, file.contents)
  if (!whole.ok) return fileError(fileName, whole)
  const data = whole.value
  const total = data.conversations.length + 2
  const live = new Map<string, PersistedDoc>()
  const inSegments = new Map<string, Set<string>>()
  for (const [i, c] of data.conversations.entries()) {
    const opened = await space.conversation(c.id)
    if (!opened.ok) return opened
    const held = await space.segmentMessageIds(c.id)
    if (!held.ok) return held
    if (held.value.size > 0) inSegments.set(c.id, held.value)
    const version = docSchemaVersion(opened.value.doc)
    if (version !== null && version > CURRENT_SCHEMA_VERSION) {
      return err(
        'read-only',
        `The conversation "${c.title}" here was saved by a newer Keepsake (schema v${version}); nothing was imported. Update Keepsake to merge into it.`,
      )
    }
    live.set(c.id, opened.value)
    report({ operation: 'import', phase: 'Merging', done: i + 1, total })
  }
  const read = await space.readSpaceDoc((spaceDoc) =>
    mergePlans(
      {
        space: spaceDoc,
        conversations: new Map([...live].map(([id, p]) => [id, p.doc])),
        inSegments,
      },
      data,
      file.exactLogs,
    ),
  )
  if (!read.ok) return read
  const planned = read.value
  if (!planned.ok) return planned
  const plans = planned.value
  try {
    // One transaction; the live documents then take the writes in and publish them as committed.
    await space.commitImport(plans, {
      quarantine: quarantineRows(data),
      kv: [lastImportRow(file, fileName, countsOf(plans), target.now())],
    })
  } catch (e) {
    return storageError(e, 'import the file (nothing was changed)')
  }
  report({ operation: 'import', phase: 'Done', done: total, total })
  const into = { id: space.id, name: space.name }
  const conversations = data.conversations.length
  return ok(summary('merge', file, into, conversations, countsOf(plans), false, null))
}

async function intoNewSpace(
  target: ImportTarget,
  file: ImportFile,
  mode: 'new-space' | 'replace',
  fileName: string,
): Promise<Result<ImportSummary>> {
  const { space: current, registry, report } = target
  const data = file.data
  const now = target.now()
  const total = 3
  const kv: KvRow[] = []
  let backup: ImportSummary['backup'] = null
  if (mode === 'replace') {
    const exported = await exportSession(current, { scope: 'space' }, 'msgpack', now, report)
    if (!exported.ok) {
      return err(
        exported.error.code,
        `No backup of this space could be written, so nothing was replaced: ${exported.error.message}`,
      )
    }
    const fileName = exported.value.fileName.replace(/\.keepsake$/, '-backup.keepsake')
    kv.push({
      key: BACKUP_KEY,
      value: { fileName, createdAt: now.toISOString(), bytes: exported.value.bytes },
    })
    backup = { fileName, size: exported.value.bytes.length }
  }
  report({ operation: 'import', phase: 'Building the space', done: 1, total })
  const id = newId()
  const conversations = data.conversations.length
  let counts: WrittenCounts
  try {
    counts = await storeNewSpace(
      registry,
      id,
      await current.settings(),
      (db) =>
        writeFreshSpace(
          db,
          id,
          data,
          file.contents,
          file.exactLogs,
          (written) => ({
            quarantine: quarantineRows(data),
            kv: [...kv, lastImportRow(file, fileName, written, now)],
          }),
          report,
        ),
      async () => {
        report({ operation: 'import', phase: 'Opening the space', done: 2, total })
        await activateSpace(
          registry,
          { id, name: data.space.name, createdAt: now.toISOString() },
          mode === 'replace' ? current.id : null,
        )
      },
    )
  } catch (e) {
    if (e instanceof SourceReadError) return fileError(fileName, e.refused)
    return storageError(e, 'import the file (nothing was changed)')
  }
  const next = await target.reopen()
  if (!next.ok) return next
  if (mode === 'replace') {
    // The replaced space lives on as the backup; its database goes.
    await current
      .deleteStorage()
      .catch((e: unknown) => console.error('could not delete the replaced space', e))
  } else current.close()
  report({ operation: 'import', phase: 'Done', done: total, total })
  const space = { id, name: data.space.name }
  return ok(summary(mode, file, space, conversations, counts, true, backup))
}

function summary(
  mode: ImportMode,
  file: ImportFile,
  space: { id: string; name: string },
  conversations: number,
  counts: WrittenCounts,
  switched: boolean,
  backup: ImportSummary['backup'],
): ImportSummary {
  return {
    mode,
    kind: file.kind,
    report: file.report,
    spaceId: space.id,
    spaceName: space.name,
    switched,
    ...counts,
    conversations,
    migratedRecords: file.migratedRecords,
    backup,
  }
}

function quarantineRows(data: SessionData): Omit<QuarantineRow, 'id'>[] {
  return data.quarantine.map((q) => ({ ...q }))
}
