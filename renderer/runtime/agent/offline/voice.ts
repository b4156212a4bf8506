const SWAPS: Record<string, string> = {
  'i am': 'you are',
  'i was': 'you were',
  "i'm": "you're",
  "i've": "you've",
  "i'll": "you'll",
  "i'd": "you'd",
  i: 'you',
  me: 'you',
  my: 'your',
  mine: 'yours',
  myself: 'yourself',
}

/** Turns the user's first-person words into second person for a reply: "I prefer X" → "You prefer X". */
export function toSecondPerson(text: string): string {
  const swapped = text.replace(
    /\b(i am|i was|i'm|i've|i'll|i'd|i|me|my|mine|myself)\b/giu,
    (w) => SWAPS[w.toLowerCase()] ?? w,
  )
  return swapped.charAt(0).toUpperCase() + swapped.slice(1)
}
