/**
 * Session files: one envelope (`envelope.v1.ts`, `envelope.v2.ts`), two encodings (`.keepsake.json`, `.keepsake`),
 * read under named limits, migrated through the format and schema chains, and importers from
 * elsewhere. Used by the runtime (export/import) and the CLI.
 */
export * from './limits'
export * from './problems'
export { SESSION_FORMAT, CURRENT_FORMAT_VERSION, SessionEnvelope } from './current'
export { SessionEnvelopeV1, FORMAT_V1 } from './envelope.v1'
export { SessionEnvelopeV2, FORMAT_V2 } from './envelope.v2'
export {
  type SessionData,
  type SessionConversation,
  type SessionSegment,
  type SessionQuarantined,
  toEnvelopeValue,
} from './session-data'
export { type SessionEncoding, EXTENSIONS, detectEncoding, decodeSessionBytes } from './codec'
export { type Gzip, gunzipWithin } from './gzip'
export { migrateEnvelope } from './migrate-envelope'
export { loadSession, type LoadedSession } from './load-session'
export { readSessionFile, writeSessionFile, type ReadSession } from './session-file'
export { exportFileName, encodingOfName } from './file-name'
export { transcriptToSession, TranscriptLine, type ImportOptions } from './import-transcript'
export { chatGptToSession } from './import-chatgpt'
export * from './yjs-docs'
