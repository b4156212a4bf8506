import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Whether Electron's executable is on disk, and why not when it is not. */
export type ElectronBinary =
  { available: true; path: string } | { available: false; reason: string }

/**
 * Looks for the binary the `electron` package would run, without triggering its lazy download
 * (requiring `electron` from Node would start one and fail slowly where GitHub is unreachable).
 */
export function findElectronBinary(root: string): ElectronBinary {
  const dir = join(root, 'node_modules', 'electron')
  if (!existsSync(join(dir, 'package.json'))) {
    return { available: false, reason: 'the electron package is not installed' }
  }
  let relative: string
  try {
    relative = readFileSync(join(dir, 'path.txt'), 'utf8').trim()
  } catch {
    return {
      available: false,
      reason: 'node_modules/electron/path.txt is missing (the download never completed)',
    }
  }
  const path = join(process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(dir, 'dist'), relative)
  return existsSync(path)
    ? { available: true, path }
    : { available: false, reason: `${path} does not exist` }
}
