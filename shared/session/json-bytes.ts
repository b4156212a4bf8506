/** JSON's structural characters as UTF-8 bytes: all ASCII, so they are found without decoding. */
export const OPEN_BRACE = 0x7b
export const OPEN_BRACKET = 0x5b
export const CLOSE_BRACE = 0x7d
export const CLOSE_BRACKET = 0x5d
export const QUOTE = 0x22
export const BACKSLASH = 0x5c
export const COMMA = 0x2c

/** Whether a byte is JSON whitespace (space, tab, line feed, carriage return). */
export const isSpace = (c: number | undefined): boolean =>
  c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d
