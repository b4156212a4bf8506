/**
 * The session format this build writes. Everything else is typed from here, so a new format version
 * changes one file (plus its frozen module and its migration step).
 */
import { FORMAT_V1, SESSION_FORMAT, SessionEnvelopeV1 } from './envelope.v1'

export { SESSION_FORMAT }
export const CURRENT_FORMAT_VERSION = FORMAT_V1
export const SessionEnvelope = SessionEnvelopeV1
export type SessionEnvelope = SessionEnvelopeV1
