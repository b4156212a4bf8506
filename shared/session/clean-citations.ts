/**
 * ChatGPT's inline citation markup: `\ue200cite\ue202turn0search0\ue202turn0news3\ue201` (and
 * `filecite`, `navlist`, `image_group`, `entity`, …) between private-use delimiters, and the older
 * `【8†source】` / `【12:3†notes.pdf】` brackets. Neither means anything outside ChatGPT.
 */
const MARKUP = /\ue200([a-z_]+)\ue202([^\ue200\ue201]*)\ue201/g
const BRACKETS = /【[^【】\n]{0,200}?†[^【】\n]{0,200}?】|【turn\d+[a-z]+\d+】/g
const STRAY = /[\ue200-\ue203]/g
/** Marks where a citation was, until the spaces around it are settled (a private-use character). */
const CUT = '\ue2ff'

/** An `entity` reference's display name: `["people","Ada Lovelace",…]` reads "Ada Lovelace". */
function entityName(body: string): string {
  const json = body.split('\ue202')[0] ?? ''
  try {
    const value: unknown = JSON.parse(json)
    if (Array.isArray(value) && typeof value[1] === 'string') return value[1]
  } catch {
    // Not JSON: the reference has no readable name, so it is removed like a citation.
  }
  return ''
}

/**
 * Text with citation markup made plain: entity references become their name, citations are removed
 * (with the space before them when punctuation or a line end follows). `changed` says whether
 * anything was cleaned, for the import report.
 * @example cleanCitations('Rain today \ue200cite\ue202turn0search1\ue201.') // { text: 'Rain today.', changed: true }
 */
export function cleanCitations(text: string): { text: string; changed: boolean } {
  if (!/[\ue200-\ue203【]/.test(text)) return { text, changed: false }
  let out = text.replace(MARKUP, (_, kind: string, body: string) =>
    kind === 'entity' ? entityName(body) : CUT,
  )
  out = out.replace(BRACKETS, CUT).replace(STRAY, '')
  out = out
    .replace(/\ue2ff(?:[ \t]*\ue2ff)+/g, '\ue2ff')
    .replace(/[ \t]*\ue2ff(?=[ \t]*([.,;:!?)\n]|$))/g, '')
    .replaceAll(CUT, '')
  return { text: out, changed: out !== text }
}
