/**
 * JavaScript's `\b` knows only ASCII letters, so in "Bárður" it finds a word edge after "ð" and a
 * shorthand rule for "ur" rewrites the name to "Bárðyour". These helpers put a letter-aware edge in
 * its place: a letter, digit, mark or underscore of any script counts as part of a word.
 */

const WORD = String.raw`[\p{L}\p{N}\p{M}_]`

/** A zero-width edge between a word character of any script and anything else. */
export const LETTER_EDGE = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`

/**
 * The same pattern with every `\b` read as an edge between words of any script. The pattern must
 * carry the `u` flag (the edge uses Unicode properties).
 *
 * @example
 * letterEdges(/\bur\b/gu).test('Bárður') // false
 */
export function letterEdges(re: RegExp): RegExp {
  if (!re.flags.includes('u')) throw new Error(`letterEdges needs the u flag: ${re.source}`)
  // An escaped backslash before "b" ("\\b") is a backslash and a letter, not an edge.
  const source = re.source.replace(/(?<!\\)((?:\\\\)*)\\b/gu, `$1${LETTER_EDGE}`)
  return new RegExp(source, re.flags)
}
