/**
 * The session format this build writes. Everything else is typed from here, so a new format version
 * changes one file (plus its frozen module and its migration step).
 */
import { FORMAT_V1, QuarantinedV1, SESSION_FORMAT } from './envelope.v1'
import { FORMAT_V2, SessionConversationV2, SessionEnvelopeV2 } from './envelope.v2'

export { SESSION_FORMAT, FORMAT_V1 }
export const CURRENT_FORMAT_VERSION = FORMAT_V2
export const SessionEnvelope = SessionEnvelopeV2
export type SessionEnvelope = SessionEnvelopeV2
/** One quarantined record of the current format (checked one by one before the whole envelope). */
export const SessionQuarantinedRecord = QuarantinedV1
/** One conversation of the current format, its messages left unknown. */
export const SessionConversationRecord = SessionConversationV2
