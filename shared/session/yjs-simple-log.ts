import * as decoding from 'lib0/decoding'
import { META_MAP, MESSAGES_ARRAY } from '../docs/layout'

/** Thrown by `simpleLogRecords` at the first thing outside the shape it reads. */
export class NotSimpleLog extends Error {}

// The info byte of a struct in a Yjs update (v1): which content it carries, and which of origin,
// right origin and parent key follow.
const CONTENT_KIND = 0b11111
const ANY_CONTENT = 8
const HAS_ORIGIN = 0b10000000
const HAS_RIGHT_ORIGIN = 0b01000000
const HAS_PARENT_KEY = 0b00100000

const notSimple = (why: string): never => {
  throw new NotSimpleLog(why)
}

/**
 * The records of a conversation document's `messages` array, read straight from its Yjs state one
 * at a time, without building the document: a 100,000-message state is compared with a file's
 * messages without holding either twice. `meta` receives the document's meta entries.
 *
 * Only for the shape one device writes: a single client from clock 0; meta entries set once each;
 * messages items each appended right after the one before; nothing deleted; every value plain
 * (`ContentAny`). Anything else throws `NotSimpleLog` (as soon as it is met, or at the end for
 * deletions, which come last in a state) and the caller reads the state by building the document.
 */
export function* simpleLogRecords(
  state: Uint8Array,
  meta: Map<string, unknown>,
): Generator<unknown, void, undefined> {
  const decoder = decoding.createDecoder(state)
  if (decoding.readVarUint(decoder) !== 1) notSimple('not one client')
  const structs = decoding.readVarUint(decoder)
  const client = decoding.readVarUint(decoder)
  let clock = decoding.readVarUint(decoder)
  if (clock !== 0) notSimple('does not start at clock 0')
  /** The clock just after the last messages item, or -1 before the first. */
  let messagesEnd = -1
  for (let i = 0; i < structs; i++) {
    const info = decoding.readUint8(decoder)
    if ((info & CONTENT_KIND) !== ANY_CONTENT) notSimple('a struct that is not plain content')
    if ((info & HAS_RIGHT_ORIGIN) !== 0) notSimple('an insertion before another item')
    let appended = false
    let key: string | null = null
    if ((info & HAS_ORIGIN) !== 0) {
      const originClient = decoding.readVarUint(decoder)
      const originClock = decoding.readVarUint(decoder)
      if (originClient !== client || messagesEnd < 0 || originClock !== messagesEnd - 1)
        notSimple('an item placed after something other than the last message')
      appended = true
    } else {
      // No origin: the parent follows, a root's name (1) or an item (0).
      if (decoding.readVarUint(decoder) !== 1) notSimple('an item inside another item')
      const root = decoding.readVarString(decoder)
      if ((info & HAS_PARENT_KEY) !== 0) key = decoding.readVarString(decoder)
      if (root === MESSAGES_ARRAY && key === null && messagesEnd < 0) appended = true
      else if (root !== META_MAP || key === null || meta.has(key))
        notSimple(`an item of "${root}" outside the simple shape`)
    }
    const length = decoding.readVarUint(decoder)
    if (length === 0) notSimple('an empty item')
    if (appended) {
      for (let k = 0; k < length; k++) yield decoding.readAny(decoder)
      messagesEnd = clock + length
    } else {
      if (length !== 1) notSimple('a meta entry with several values')
      meta.set(key ?? '', decoding.readAny(decoder))
    }
    clock += length
  }
  if (decoding.readVarUint(decoder) !== 0) notSimple('something deleted')
  if (decoding.hasContent(decoder)) notSimple('bytes after the state')
}
