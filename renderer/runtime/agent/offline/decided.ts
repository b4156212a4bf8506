import type { OpenThing } from '../../understanding/outcome'
import { contentWords } from '../../understanding/text'

/** "we went with Qdrant in the end", "I chose the Honda": a choice, and what was chosen. */
const DECIDED =
  /^(?:I|we)\s+(?:(?:have|finally|eventually|just|ended up|in the end)\s+)*(?:went with|gone with|going with|am going with|are going with|chose|have chosen|picked|decided on|settled on|opted for|plumped for|ended up with|ended up going with)\s+(?:the\s+)?(.+?)(?:\s+(?:in the end|after all|eventually|finally|for now|then))?[.!]*$/iu

/** A task of choosing: between named options, or one that says it decides, compares or weighs. */
const CHOOSING =
  /\b(?:vs\.?|versus|or|between|evaluat\w*|decid\w*|choos\w*|choice|pick\w*|compar\w*|which|options?|weigh\w*|trial\w*)\b/iu

/** What a sentence says was chosen ("Qdrant"), or null when it tells no choice. */
export function choiceOf(sentence: string): string | null {
  const m = DECIDED.exec(
    sentence
      .trim()
      .replace(
        /^(?:(?:ok|okay|so|well|right|yeah|yep|anyway|anyways|update|fyi|actually)\b[\s,:!.-]*)+/iu,
        '',
      ),
  )
  if (!m) return null
  const chosen = m[1]!.replace(/\s+(?:for|as|because|since|over|instead)\b.*$/iu, '').trim()
  // "we chose to wait" chose to do something, not one of the options.
  return chosen === '' || /^to\s/iu.test(chosen) || chosen.split(/\s+/u).length > 4 ? null : chosen
}

/**
 * The one open task of choosing that names what was chosen ("evaluate pgvector vs Qdrant for the
 * search service" for "Qdrant"); null when none or more than one does.
 */
export function choosingTask(chosen: string, open: readonly OpenThing[]): OpenThing | null {
  const named = contentWords(chosen).filter((w) => !/^(?:one|new)$/u.test(w))
  if (named.length === 0) return null
  const found = open.filter(
    (t) =>
      t.kind === 'task' &&
      CHOOSING.test(t.text) &&
      named.every((w) => contentWords(t.text).includes(w)),
  )
  return found.length === 1 ? found[0]! : null
}
