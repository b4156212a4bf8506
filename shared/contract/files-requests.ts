import { z } from 'zod'
import { IsoDate } from '../schema/iso-date'
import { ImportReport, ImportSource } from '../session/import-report'
import { defineRequests } from './define'

/** File contents crossing the port: structured clone carries a Uint8Array as is. */
export const FileBytes = z.custom<Uint8Array>((v) => v instanceof Uint8Array, {
  message: 'expected the file bytes',
})

export const SessionEncoding = z.enum(['json', 'msgpack'])
export type SessionEncoding = z.infer<typeof SessionEncoding>

/** `new-space`: a space of its own; `merge`: a CRDT merge into this one; `replace`: this space becomes the file. */
export const ImportMode = z.enum(['new-space', 'merge', 'replace'])
export type ImportMode = z.infer<typeof ImportMode>

export const ExportInput = z.discriminatedUnion('scope', [
  z.object({ scope: z.literal('space'), encoding: SessionEncoding }),
  z.object({
    scope: z.literal('conversation'),
    conversationId: z.string().min(1),
    encoding: SessionEncoding,
  }),
])

export const ExportedFile = z.object({
  fileName: z.string(),
  bytes: FileBytes,
  conversations: z.number().int().nonnegative(),
  messages: z.number().int().nonnegative(),
  memory: z.number().int().nonnegative(),
})
export type ExportedFile = z.infer<typeof ExportedFile>

export const ImportSummary = z.object({
  mode: ImportMode,
  kind: ImportSource,
  /** What was read, transformed and left out (tool steps, placeholders, hidden context…). */
  report: ImportReport,
  spaceId: z.string(),
  spaceName: z.string(),
  /** True when the runtime now serves another space (new space, replace): windows reload. */
  switched: z.boolean(),
  /** What the import added: new messages, and memory items written. */
  messagesAdded: z.number().int().nonnegative(),
  memoryWritten: z.number().int().nonnegative(),
  conversations: z.number().int().nonnegative(),
  migratedRecords: z.number().int().nonnegative(),
  /** Replace only: the automatic backup of the replaced space, kept in the new space (`files.backup`). */
  backup: z.object({ fileName: z.string(), size: z.number().int().nonnegative() }).nullable(),
})
export type ImportSummary = z.infer<typeof ImportSummary>

/** The last import into this space, kept with it: the file, when, what it added and its report. */
export const LastImport = z.object({
  fileName: z.string(),
  at: IsoDate,
  messagesAdded: z.number().int().nonnegative(),
  report: ImportReport,
})
export type LastImport = z.infer<typeof LastImport>

/** One space of this profile as the Spaces list shows it. */
export const SpaceSummary = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: IsoDate,
  /** When it was last opened on this device; null when a build before this did not record it. */
  lastOpenedAt: IsoDate.nullable(),
  /** What it holds; null when this build cannot read its database (a newer Keepsake wrote it). */
  size: z
    .object({
      conversations: z.number().int().nonnegative(),
      messages: z.number().int().nonnegative(),
      memory: z.number().int().nonnegative(),
    })
    .nullable(),
})
export type SpaceSummary = z.infer<typeof SpaceSummary>

export const SpaceListing = z.object({
  spaces: z.array(SpaceSummary),
  activeId: z.string().nullable(),
})

/** A space's name: what a person types, trimmed, never empty. */
export const SpaceName = z
  .string()
  .trim()
  .min(1, 'Type a name for the space.')
  .max(100, 'A space name is at most 100 characters.')
export type SpaceListing = z.infer<typeof SpaceListing>

export const BackupFile = z.object({ fileName: z.string(), createdAt: IsoDate, bytes: FileBytes })
export type BackupFile = z.infer<typeof BackupFile>

export const filesRequests = defineRequests({
  /** The export as bytes, for the UI to save (Electron) or download (browser host). */
  'files.export': { input: ExportInput, output: ExportedFile },
  /** Validates the whole file first; a failing import changes nothing. Errors name path and reason. */
  'files.import': {
    input: z.object({
      fileName: z.string().max(1000),
      bytes: FileBytes,
      mode: ImportMode,
      /** More files chosen with it: the shards of an unpacked ChatGPT export, read as one export. */
      more: z
        .array(z.object({ fileName: z.string().max(1000), bytes: FileBytes }))
        .max(1000)
        .optional(),
    }),
    output: ImportSummary,
  },
  /** The report of the last import into this space; `not-found` when there was none. */
  'files.lastImport': { input: z.object({}), output: LastImport },
  /** The backup written before the last replace; `not-found` when there is none. */
  'files.backup': { input: z.object({}), output: BackupFile },
  'spaces.list': { input: z.object({}), output: SpaceListing },
  /** Renames a space of this profile (the open one or another); the name syncs with the space. */
  'spaces.rename': {
    input: z.object({ id: z.string().min(1), name: SpaceName }),
    output: z.object({ done: z.literal(true) }),
  },
  /**
   * Deletes a space that is not open from this device for good (its whole database); resolves
   * with its conversations' ids so windows can drop their drafts.
   */
  'spaces.delete': {
    input: z.object({ id: z.string().min(1) }),
    output: z.object({ conversationIds: z.array(z.string()) }),
  },
  /**
   * About how many bytes space `id` keeps in this profile's IndexedDB (every row of its database);
   * null when this build cannot open it (a newer Keepsake wrote it). Reads the whole database, so
   * the Spaces list asks for it after showing the rest.
   */
  'spaces.storedBytes': {
    input: z.object({ id: z.string().min(1) }),
    output: z.object({ bytes: z.number().int().nonnegative().nullable() }),
  },
  /** Opens another space of this profile; windows reload afterwards. */
  'spaces.switch': {
    input: z.object({ id: z.string().min(1) }),
    output: z.object({ done: z.literal(true) }),
  },
})

/** Progress of a long export or import, pushed to every window. */
export const FilesProgress = z.object({
  operation: z.enum(['export', 'import']),
  phase: z.string(),
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
})
export type FilesProgress = z.infer<typeof FilesProgress>
