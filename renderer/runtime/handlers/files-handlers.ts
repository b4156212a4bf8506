import { err, ok } from '../../../shared/errors'
import type { RuntimeHandlers } from '../../../shared/contract'
import { BackupFile, LastImport } from '../../../shared/contract/files-requests'
import { check } from '../../../shared/validation'
import type { RuntimeContext } from '../context'
import { RegistryDb } from '../db/space-db'
import { storageError } from '../db/storage-error'
import { announceSpace } from '../files/announce'
import { exportSession } from '../files/export-session'
import { fileError } from '../files/file-error'
import { BACKUP_KEY, LAST_IMPORT_KEY, importSession } from '../files/import-session'
import { throttled } from '../files/progress'
import { readImportFile } from '../files/read-import'
import type { ReopenRuntime } from '../files/reopen'
import { activateSpace, listSpaces } from '../files/space-registry'
import { deleteSpace } from '../spaces/delete-space'
import { recordSpaceName, renameClosedSpace } from '../spaces/rename-space'
import { readSpaceStats, type SpaceStats } from '../spaces/space-stats'
import { readStoredBytes } from '../spaces/stored-bytes'

type FilesHandlers = Pick<
  RuntimeHandlers,
  | 'files.export'
  | 'files.import'
  | 'files.lastImport'
  | 'files.backup'
  | 'spaces.list'
  | 'spaces.switch'
  | 'spaces.rename'
  | 'spaces.delete'
  | 'spaces.storedBytes'
>

/**
 * Session files and spaces: export to bytes, import in three modes, the backup kept by a replace,
 * and switching between this profile's spaces. One export or import runs at a time.
 */
export function filesHandlers(ctx: RuntimeContext, reopen: ReopenRuntime): FilesHandlers {
  const registry = new RegistryDb()
  const report = throttled((p) => ctx.emit('files.progress', p))
  let busy = false
  const exclusive = async <T>(run: () => Promise<T>): Promise<T | ReturnType<typeof err>> => {
    if (busy)
      return err('busy', 'Another export or import is running; try again when it has finished.')
    busy = true
    try {
      return await run()
    } finally {
      busy = false
    }
  }
  const switched: ReopenRuntime = async () => {
    const next = await reopen()
    if (next.ok) await announceSpace(next.value.handlers, next.value.ctx)
    return next
  }

  return {
    'files.export': (input) =>
      exclusive(() =>
        exportSession(
          ctx.space,
          input.scope === 'space'
            ? { scope: 'space' }
            : { scope: 'conversation', conversationId: input.conversationId },
          input.encoding,
          ctx.now(),
          report,
        ),
      ),
    'files.import': ({ fileName, bytes, mode, more }) =>
      exclusive(async () => {
        report({ operation: 'import', phase: 'Checking the file', done: 0, total: 1 })
        // The bytes came across the port for this import alone (the client transfers them).
        const read = await readImportFile(fileName, bytes, ctx.now(), report, more, {
          handOver: true,
        })
        if (!read.ok) return fileError(fileName, read)
        return importSession(
          { space: ctx.space, registry, now: ctx.now, report, reopen: switched },
          read.value,
          mode,
          fileName,
        )
      }),
    'files.lastImport': async () => {
      const row = await ctx.space.kv.get(LAST_IMPORT_KEY)
      if (!row) return err('not-found', 'Nothing has been imported into this space.')
      return check(LastImport, row.value, 'last import')
    },
    'files.backup': async () => {
      const row = await ctx.space.kv.get(BACKUP_KEY)
      if (!row) return err('not-found', 'There is no backup: no space has been replaced here.')
      return check(BackupFile, row.value, 'backup')
    },
    'spaces.list': async () => {
      try {
        const { spaces, activeId } = await listSpaces(registry)
        const sizes: (SpaceStats | null)[] = []
        // One database at a time: each is opened, read and closed before the next.
        for (const s of spaces) sizes.push(await readSpaceStats(s.id))
        return ok({
          activeId,
          spaces: spaces.map((s, i) => ({
            id: s.id,
            name: s.name,
            createdAt: s.createdAt,
            lastOpenedAt: s.lastOpenedAt ?? null,
            size: sizes[i] ?? null,
          })),
        })
      } catch (e) {
        return storageError(e, 'list the spaces')
      }
    },
    'spaces.rename': async ({ id, name }) => {
      if (id !== ctx.space.id) {
        const renamed = await renameClosedSpace(registry, id, name)
        return renamed.ok ? ok({ done: true as const }) : renamed
      }
      // The open space: its document is renamed and the commit updates the registry and windows.
      const renamed = await ctx.space.rename(name)
      if (!renamed.ok) return renamed
      const recorded = await recordSpaceName(registry, id, name)
      return recorded.ok ? ok({ done: true as const }) : recorded
    },
    'spaces.delete': ({ id }) => exclusive(() => deleteSpace(registry, id, ctx.space.id)),
    'spaces.storedBytes': async ({ id }) => {
      if (!(await registry.spaces.get(id)))
        return err('not-found', 'That space is not on this device.')
      try {
        return ok({ bytes: await readStoredBytes(id) })
      } catch (e) {
        return storageError(e, 'measure the space')
      }
    },
    'spaces.switch': ({ id }) =>
      exclusive(async () => {
        if (id === ctx.space.id) return ok({ done: true as const })
        const entry = await registry.spaces.get(id)
        if (!entry) return err('not-found', 'That space is not on this device.')
        try {
          await activateSpace(registry, entry)
        } catch (e) {
          return storageError(e, 'switch spaces')
        }
        const next = await switched()
        if (!next.ok) return next
        ctx.space.close()
        return ok({ done: true as const })
      }),
  }
}
