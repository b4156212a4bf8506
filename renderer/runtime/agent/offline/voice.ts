const SWAPS: Record<string, string> = {
  'i am': 'you are',
  'i was': 'you were',
  "i'm": "you're",
  "i've": "you've",
  "i'll": "you'll",
  "i'd": "you'd",
  'i have': 'you have',
  i: 'you',
  me: 'you',
  my: 'your',
  mine: 'yours',
  myself: 'yourself',
  'we are': 'you are',
  'we were': 'you were',
  "we're": "you're",
  we: 'you',
  us: 'you',
  our: 'your',
  ours: 'yours',
  'you are': 'I am',
  "you're": "I'm",
  'you were': 'I was',
  your: 'my',
  yours: 'mine',
  yourself: 'myself',
}

/**
 * Turns the person's first-person words into second person for a reply, and the assistant's "you"
 * into "I"/"me": "I like it when you explain" → "You like it when I explain", "Call my mom" → "Call
 * your mom". One pass, so nothing is swapped twice.
 */
export function toSecondPerson(text: string): string {
  const swapped = text.replace(
    /\b(i am|i was|i'm|i've|i'll|i'd|i have|we are|we were|we're|you are|you're|you were|i|me|my|mine|myself|we|us|our|ours|your|yours|yourself|you)\b/giu,
    (w, _g, offset: number, whole: string) => {
      const lower = w.toLowerCase()
      if (lower === 'you') {
        // "you" as a subject becomes "I"; after a verb or preposition it is "me".
        const before = whole.slice(0, offset).trimEnd()
        const after = whole.slice(offset + w.length)
        const subject =
          before === '' ||
          /(?:\b(?:when|if|that|because|and|but|so|as|before|after|until|unless|while|where|how|what|why)|[,;:])$/iu.test(
            before,
          )
        // "I'd prefer you didn't suggest podcasts": "you" before a verb of its own is a subject too.
        const ownVerb =
          /^\s+(?:did|do|does|didn't|don't|doesn't|were|would|could|can|will|should|had|have|are|kept|stopped|used to|always|never|just)\b/iu.test(
            after,
          )
        return (subject || ownVerb) && /^\s+\w/u.test(after) ? 'I' : 'me'
      }
      if (lower === 'us' && /\bUS\b/u.test(w)) return w
      return SWAPS[lower] ?? w
    },
  )
  return swapped.charAt(0).toUpperCase() + swapped.slice(1)
}
