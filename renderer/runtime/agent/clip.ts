import { decode, encode } from 'gpt-tokenizer'
import { tokensOf } from './tokens'

/** How much of a cut message is kept from its start; the rest of the room goes to its end. */
const HEAD_SHARE = 0.6

/**
 * `text` cut to at most `maxTokens` for a prompt: its start and its end (where a question after a
 * pasted document usually is), with a note of how much was left out between them. Text that fits is
 * returned as it is. Only prompts are cut; the stored message never is.
 * @example clipToTokens(longDocument, 2000) // '…start…\n\n[… 9,120 tokens of this message left out …]\n\n…end…'
 */
export function clipToTokens(text: string, maxTokens: number): string {
  if (tokensOf(text) <= maxTokens) return text
  const tokens = encode(text)
  const note = (n: number): string =>
    `\n\n[… ${n.toLocaleString('en-US')} tokens of this message left out to fit the model's context window …]\n\n`
  const room = Math.max(0, maxTokens - tokensOf(note(tokens.length)))
  const head = Math.floor(room * HEAD_SHARE)
  const tail = room - head
  const left = tokens.length - head - tail
  return `${decode(tokens.slice(0, head))}${note(left)}${tail > 0 ? decode(tokens.slice(-tail)) : ''}`.trim()
}
