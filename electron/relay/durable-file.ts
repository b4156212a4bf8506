import { open, rename, rm } from 'node:fs/promises'
import { dirname } from 'node:path'

/**
 * Makes a directory's entries durable (a created or renamed file survives power loss, not only a crash).
 * Best effort: some platforms (Windows) cannot open a directory, and there a rename is already durable enough.
 */
export async function syncDirectory(dir: string): Promise<void> {
  let handle
  try {
    handle = await open(dir, 'r')
    await handle.sync()
  } catch {
    // Unsupported on this platform or file system; the file contents themselves were already fsynced.
  } finally {
    await handle?.close()
  }
}

/** Replaces `path` with `data` atomically (a reader sees the old file or the new one, never a mix); owner-only (0600). */
export async function writeFileAtomic(path: string, data: Uint8Array): Promise<void> {
  const tmp = `${path}.tmp`
  const handle = await open(tmp, 'w', 0o600)
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await rename(tmp, path)
  } catch (e) {
    await rm(tmp, { force: true })
    throw e
  }
  await syncDirectory(dirname(path))
}

/** Appends `chunks` to `path` (creating it, owner-only) and returns only once they are on disk. */
export async function appendDurably(path: string, chunks: Uint8Array[]): Promise<void> {
  const handle = await open(path, 'a', 0o600)
  try {
    await handle.writev(chunks)
    await handle.sync()
  } finally {
    await handle.close()
  }
}
