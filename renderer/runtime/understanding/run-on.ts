import { isJob } from './lexicon'

/** A name or a number ends a thought, so an "I …" right after one starts a new thing said. */
const ENDS_A_THOUGHT = /(?:^|\s)(?:\p{Lu}[\p{L}'’-]*|\d[\d:.,]*(?:am|pm)?)$/u

/** Where a new thing said may start: "I …", "we …", "my wife is …". */
const SUBJECT =
  /\s+(?=(?:I|I['’]m|I am|I['’]ve|I have|I['’]d|I['’]ll|we|we['’]re|we['’]ve|my\s+[\p{L}-]+\s+(?:is|are|was|were|has|works|lives|isn['’]t|is not))\s)/gu

/**
 * What a person says of their life in the present: who they are, where they live and work, what
 * they have and do. A story's next step ("I had to call the engineer") stays with the story.
 */
const ABOUT_THEM =
  /^(?:(?:I|we)\s+(?:am|['’]m|are|['’]re|work|live|have|['’]ve got|have got|teach|run|own|drive|study|volunteer|look after|care for|was born|grew up|moved|got married|speak|use|play|go|cycle|walk|train)\b|my\s+\S+\s+(?:is|are|works|lives|has)\b)/iu

/** "told Sarah I would help", "think Leeds I …": what was said or thought is one thing. */
const SAID_TO =
  /\b(?:told|tell|asked|promised|reminded|warned|assured|convinced|showed|let|think|thought|said|hope|know|knew|guess|reckon|bet|wish|feel|realised|realized)\s+\S+$/iu

/** "the Honda I bought in 2015": a thing the person did something to, not a new thing said. */
const DONE_TO =
  /^(?:I|we)\s+(?!live|work|moved|grew|study|studied|teach|stay|drive|run|train|volunteer|come|was|am|have|had|got|need|want|love|like|hate|prefer)\S+(?:\s+(?:in|on|at|for|from|with|last|yesterday|ago|to|off|up|back)\b|$)/iu

/**
 * Splits what was dictated without stops into the things said: "so I live in Leeds I work at the
 * hospital", "my name is Dave I'm a trucker I drive for Stobart". A new "I …" starts a new thing
 * only after a name, a number or a job said after "I am a", and only when what follows is about
 * the person's life, not a relative clause ("the Honda I bought in 2015").
 *
 * @example
 * runOn('I live in Leeds I work at the hospital') // → ['I live in Leeds', 'I work at the hospital']
 */
export function runOn(text: string): string[] {
  const out: string[] = []
  let rest = text
  for (let i = 0; i < 4; i++) {
    let cut = -1
    for (const m of rest.matchAll(SUBJECT)) {
      const before = rest.slice(0, m.index)
      const after = rest.slice(m.index).trim()
      const last = /(\S+)$/u.exec(before)?.[1] ?? ''
      const ended =
        ENDS_A_THOUGHT.test(before) ||
        // "my name is dean i run a…": a name typed in lower case ends a thought too.
        /\b(?:my\s+name\s+is|my\s+name['’]s|call\s+me)\s+\p{L}+$/iu.test(before) ||
        (isJob(last) && /\bI\s+am\s+(?:an?\s+)?(?:[\p{L}-]+\s+){0,2}\S+$/iu.test(before))
      if (
        before.split(/\s+/u).length >= 3 &&
        ended &&
        !/(?:^|\s)(?:I|we)$/iu.test(before) &&
        ABOUT_THEM.test(after) &&
        !SAID_TO.test(before) &&
        !DONE_TO.test(after)
      ) {
        cut = m.index
        break
      }
    }
    if (cut < 0) break
    out.push(rest.slice(0, cut))
    rest = rest.slice(cut).trim()
  }
  return [...out, rest]
}
