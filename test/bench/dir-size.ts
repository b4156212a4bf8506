import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'

/** Total bytes of the files under `dir` (0 when it does not exist). */
export async function dirSize(dir: string): Promise<number> {
  let total = 0
  let entries
  try {
    entries = await readdir(dir, { withFileTypes: true })
  } catch {
    return 0
  }
  for (const e of entries) {
    const path = join(dir, e.name)
    total += e.isDirectory() ? await dirSize(path) : (await stat(path)).size
  }
  return total
}
