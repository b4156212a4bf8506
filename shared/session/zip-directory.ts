/** Where one file's data lies in a zip archive, as its central directory says. */
export interface ZipEntry {
  name: string
  /** 0: stored as it is; 8: deflated. */
  method: number
  /** Offset of the file's (compressed) data in the archive. */
  start: number
  compressedSize: number
  size: number
}

const END_OF_DIRECTORY = 0x06054b50
const DIRECTORY_ENTRY = 0x02014b50
const LOCAL_HEADER = 0x04034b50
const UTF8_NAME = 0x800
const MAX_16 = 0xffff
const MAX_32 = 0xffffffff

/**
 * The entries of a zip archive read from its central directory, each with where its data starts,
 * so a file can be inflated into a buffer the caller chooses. Null when the directory cannot be
 * read this way, or needs zip64 (over 65,535 entries or 4 GiB); the caller then reads the file
 * with fflate's `unzipSync`, which reads those and says what is wrong with a damaged archive.
 */
export function zipDirectory(zip: Uint8Array): Map<string, ZipEntry> | null {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength)
  const u16 = (at: number): number => view.getUint16(at, true)
  const u32 = (at: number): number => view.getUint32(at, true)
  try {
    let end = zip.length - 22
    while (end >= 0 && u32(end) !== END_OF_DIRECTORY) end--
    if (end < 0) return null
    const count = u16(end + 10)
    let at = u32(end + 16)
    if (count === MAX_16 || at === MAX_32) return null
    const entries = new Map<string, ZipEntry>()
    for (let i = 0; i < count; i++) {
      if (u32(at) !== DIRECTORY_ENTRY) return null
      const flags = u16(at + 8)
      const nameLength = u16(at + 28)
      const extraLength = u16(at + 30)
      const commentLength = u16(at + 32)
      const nameBytes = zip.subarray(at + 46, at + 46 + nameLength)
      const name =
        flags & UTF8_NAME ? new TextDecoder().decode(nameBytes) : String.fromCharCode(...nameBytes)
      const size = u32(at + 24)
      const compressedSize = u32(at + 20)
      const local = u32(at + 42)
      if (size === MAX_32 || compressedSize === MAX_32 || local === MAX_32) return null
      if (u32(local) !== LOCAL_HEADER) return null
      const start = local + 30 + u16(local + 26) + u16(local + 28)
      if (start + compressedSize > zip.length) return null
      entries.set(name, { name, method: u16(at + 10), start, compressedSize, size })
      at += 46 + nameLength + extraLength + commentLength
    }
    return entries
  } catch {
    // A field points outside the archive (DataView throws RangeError).
    return null
  }
}
