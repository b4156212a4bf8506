/**
 * Limits every session file is read under. Each is checked while reading (before the next step
 * runs), and each rejection says which limit it hit and its value.
 */

/** Largest file accepted, in bytes, before anything is decoded. */
export const MAX_FILE_BYTES = 128 * 1024 * 1024

/** Largest decompressed size of a `.keepsake` file; decompression stops as soon as it is passed. */
export const MAX_DECOMPRESSED_BYTES = 256 * 1024 * 1024

/** Deepest nesting of arrays and objects (an export needs about 8). */
export const MAX_NESTING_DEPTH = 64

/** Longest string, in UTF-16 code units. Binary fields are chunked in JSON so they stay under it. */
export const MAX_STRING_LENGTH = 1024 * 1024

/**
 * Most objects and arrays in one file, counted while scanning, before anything is built: a 12 KB gzip
 * can hold millions of empty records, and building them all is what exhausts memory. A 100,000-message
 * export has about 200,000; a large ChatGPT export several per message.
 */
export const MAX_CONTAINERS = 4_000_000

/** Most records (memory items, quarantined records, conversations and messages together) in one file. */
export const MAX_RECORDS = 500_000

/** Keys refused anywhere in a file: they could reach an object's prototype if copied carelessly. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set([
  '__proto__',
  'constructor',
  'prototype',
])

/** How many problems a validation reports before it stops listing. */
export const MAX_REPORTED_PROBLEMS = 100

/** Bytes of binary data per base64 string in the JSON encoding (base64 makes 1 MiB of it). */
export const BASE64_CHUNK_BYTES = 768 * 1024

/** The limits one read uses. Tests pass smaller ones; the app and the CLI use the defaults. */
export interface SessionLimits {
  maxFileBytes: number
  maxDecompressedBytes: number
  maxDepth: number
  maxStringLength: number
  maxContainers: number
  maxRecords: number
}

export const DEFAULT_LIMITS: SessionLimits = {
  maxFileBytes: MAX_FILE_BYTES,
  maxDecompressedBytes: MAX_DECOMPRESSED_BYTES,
  maxDepth: MAX_NESTING_DEPTH,
  maxStringLength: MAX_STRING_LENGTH,
  maxContainers: MAX_CONTAINERS,
  maxRecords: MAX_RECORDS,
}

/** `1536` → `1.5 KiB`: sizes in messages people read. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  const shown = unit === 0 ? String(value) : value.toFixed(value < 10 ? 1 : 0)
  return `${shown} ${units[unit]}`
}
