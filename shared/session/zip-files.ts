import { unzipSync } from 'fflate'
import { DEFAULT_LIMITS, formatBytes, type SessionLimits } from './limits'
import { failed, passed, type Checked } from './problems'

/** One file of an import source: its name, size, and its bytes read only when asked for. */
export interface SourceFile {
  name: string
  size: number
  read(): Checked<Uint8Array>
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]

/** True when `bytes` start like a zip archive (a local file header). */
export const isZip = (bytes: Uint8Array): boolean => ZIP_MAGIC.every((b, i) => bytes[i] === b)

/**
 * The files of a zip archive, each inflated only when read and one at a time, so importing a
 * sharded export holds one shard's text at once. fflate reads the central directory; a file whose
 * stated size passes `maxDecompressedBytes` is refused before it is inflated.
 */
export function zipFiles(
  zip: Uint8Array,
  zipName: string,
  limits: SessionLimits = DEFAULT_LIMITS,
): Checked<SourceFile[]> {
  const listed: { name: string; size: number }[] = []
  try {
    unzipSync(zip, {
      filter: (f) => {
        if (!f.name.endsWith('/')) listed.push({ name: f.name, size: f.originalSize })
        return false
      },
    })
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e)
    return failed('file-invalid', zipName, `the zip archive cannot be read (${reason})`)
  }
  return passed(
    listed.map(({ name, size }) => ({
      name,
      size,
      read: (): Checked<Uint8Array> => {
        if (size > limits.maxDecompressedBytes)
          return failed(
            'file-too-large',
            `${zipName}: ${name}`,
            `the file is ${formatBytes(size)} unpacked, larger than the limit of ${formatBytes(limits.maxDecompressedBytes)}`,
          )
        try {
          const out = unzipSync(zip, { filter: (f) => f.name === name })[name]
          if (out) return passed(out)
          return failed('file-invalid', `${zipName}: ${name}`, 'the file is missing from the zip')
        } catch (e) {
          const reason = e instanceof Error ? e.message : String(e)
          return failed(
            'file-invalid',
            `${zipName}: ${name}`,
            `the file cannot be unpacked (${reason})`,
          )
        }
      },
    })),
  )
}
