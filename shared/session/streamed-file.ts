import type { Checked } from './problems'

/**
 * A file of an import read as it unpacks, a piece at a time, instead of whole: a large
 * `conversations.json` in a zip is then never held unpacked at once. `chunks` unpacks it again on
 * every call (each chunk is good until the next is asked for); `whole` unpacks it into one buffer,
 * for the rare reader that must see all of it (to say precisely where a broken file breaks).
 */
export interface StreamedFile {
  /** The file's size, unpacked. */
  size: number
  chunks(): Iterable<Checked<Uint8Array>>
  whole(): Checked<Uint8Array>
}

/** What an export's JSON reader takes: the file's bytes, or the file read as it unpacks. */
export type ExportBytes = Uint8Array | StreamedFile

/** The size of `bytes`, unpacked. */
export const sizeOf = (bytes: ExportBytes): number =>
  bytes instanceof Uint8Array ? bytes.length : bytes.size
