import type { MemoryItem } from '../../../shared/schema/current'
import type { Capture } from '../understanding/types'
import { formValues } from '../understanding/value-forms'
import { RELATION_PATTERN } from '../understanding/lexicon'

/**
 * Words that say what a person or thing had before is no longer so: "moved to", "shifted to",
 * "switched", "changed her mind", "is not more in that school", "no longer", "anymore".
 */
const MOVED_ON =
  /\b(?:mov(?:ed|es|ing)|shift(?:ed|s|ing)?|switch(?:ed|es|ing)?|swapp?(?:ed|ing)|transferr?(?:ed|ing)|relocat(?:ed|es|ing)|chang(?:e|ed|es|ing)\s+(?:her|his|their|its|my)\s+minds?|(?:not|no)\s+(?:any\s*)?(?:more|longer)|anymore)\b/iu

/** Words that open a sentence or a title, never a name of their own ("About Sunneva", "Mr Rajan"). */
const NOT_A_NAME =
  /^(?:I|I'm|I've|I'd|I'll|About|Also|And|But|So|Oh|Ok|Okay|The|A|An|My|Our|His|Her|Their|This|That|It|It's|Re|Mr|Mrs|Ms|Miss|Dr|Sir|Madam|Update|Now|Just|Actually|Well)$/u

/** The names of months and weekdays, written out or short: when, not what. */
const CALENDAR =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?s?)$/iu

/** A name or a code as written: "Rachel", "Kirsty's", "T20", "B7". */
const NAMED = /\p{Lu}[\p{L}'’-]*\p{L}|\b\p{L}+\d[\p{L}\d]*\b/gu

/** Where: "at Central School", "to Multan", "in Hoydalar", "tae Aiberdeen". */
const PLACE = /\b(?:at|in|to|tae|into|near|for)\s+(?:the\s+)?(\p{Lu}[\p{L}'’-]+)/gu

/**
 * Words of what someone studies or does for a living, and of the places they do it: "course",
 * "college", "teach", "doing nursing", "going for physio".
 */
const STUDY_OR_WORK =
  /\b(?:course|college|school|gymnasium|academy|uni|university|degree|diploma|apprenticeship|training|studying|studies|study|doing|deein|going for|teach\w*|works?|working|job|class|programme|program|placement)\b/iu

/** When: a day, date or time. */
const WHEN = new Set(['date', 'weekday', 'time'])

/** The kinds of value a part of a text gives, other than the name it is told of. */
function valueKinds(text: string, name: string): Set<string> {
  const kinds = new Set<string>()
  if ([...text.matchAll(PLACE)].some((m) => bare(m[1]!) !== name && !CALENDAR.test(m[1]!)))
    kinds.add('place')
  if (formValues(text).some((v) => WHEN.has(v.form))) kinds.add('when')
  if (STUDY_OR_WORK.test(text)) kinds.add('study or work')
  return kinds
}

const bare = (word: string): string => word.replace(/['’]s$/u, '')

/** Whether `text` writes `name` as it was written: the whole word, with its capital. */
const namesIt = (text: string, name: string): boolean => namePattern(name).test(text)

/**
 * "Rachel moved to Malapoa College from this term" after "My wife Rachel she teach at Central
 * School", "the T20 has shifted to Multan" after "…the women's T20 at Pindi Stadium on Sunday",
 * "Kirsty's switched to the beauty therapy course" after "…our girl Kirsty, she's at college doing
 * hairdressing": a person or thing, named by its name or code before the words that say it moved
 * on, replaces the one current fact that names it, when what follows gives a value of a kind that
 * fact held (a place, a day or time, a course or job). Undefined when no fact or several name it,
 * or the change is to a kind of value the old fact did not hold ("Rachel moved her car").
 */
export function namedMoved(current: readonly MemoryItem[], c: Capture): MemoryItem | undefined {
  return namedMove(current, c)?.old
}

/** The fact `namedMoved` replaces, with the name the change was told of. */
export function namedMove(
  current: readonly MemoryItem[],
  c: Capture,
): { old: MemoryItem; name: string } | undefined {
  if (c.kind !== 'fact') return undefined
  const moved = MOVED_ON.exec(c.text)
  if (!moved) return undefined
  const before = c.text.slice(0, moved.index)
  const after = c.text.slice(moved.index)
  const names = [...new Set((before.match(NAMED) ?? []).map(bare))].filter(
    (w) => !NOT_A_NAME.test(w) && !CALENDAR.test(w),
  )
  const facts = current.filter((i) => i.kind === 'fact')
  for (const name of names) {
    const holding = facts.filter((i) => namesIt(i.text, name))
    if (holding.length !== 1) continue
    const old = holding[0]!
    const had = valueKinds(old.text, name)
    const told = valueKinds(after, name)
    // "Priya's switched to pharmacy instead": what replaces a course or job need not say it is one.
    if (/\binstead\b/iu.test(after)) told.add('study or work')
    if ([...told].some((k) => had.has(k))) return { old, name }
  }
  return undefined
}

/** The words an old fact put before a name to say whose they are: "my wife Rachel", "our son Tom". */
const WHOSE = new RegExp(String.raw`\b(?:my|our|the)\s+(${RELATION_PATTERN})\s+$`, 'iu')

/** Where one clause of a fact ends and another starts, before a name: ", ", " and ", " an ". */
const CLAUSE_END = /[,;]\s+|\s+(?:and|an|with|wi)\s+/gu

/**
 * The text of the new fact a `namedMoved` change leaves current: what was told, with whose the
 * person is as the old fact said it ("Rachel moved…" → "My wife Rachel moved…"), and what the old
 * fact told before the clause naming them ("Living in Boddam with the wife Irene and our girl
 * Kirsty, she's doing hairdressing": where the speaker lives stays true).
 */
export function movedText(told: string, old: MemoryItem, name: string): string {
  const at = namedAt(old.text, name)
  if (at < 0) return told
  const lead = old.text.slice(0, at)
  const whose = WHOSE.exec(lead)
  const own = whose ? `${whose[0].trim()} ` : ''
  const said = own
    ? told.replace(namePattern(name), (n, i: number) =>
        i === 0 ? capitalFirst(`${own}${n}`) : `${own.toLowerCase()}${n}`,
      )
    : told
  const before = whose ? lead.slice(0, whose.index) : lead
  const cut = [...before.matchAll(CLAUSE_END)].at(-1)
  const kept = cut ? before.slice(0, cut.index).trim() : ''
  return kept.split(/\s+/u).length >= 2 ? `${said}; ${kept}` : said
}

const capitalFirst = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1)
const namePattern = (name: string): RegExp =>
  new RegExp(`(?<![\\p{L}\\d])${name.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')}(?![\\p{L}\\d])`, 'u')
const namedAt = (text: string, name: string): number => namePattern(name).exec(text)?.index ?? -1
