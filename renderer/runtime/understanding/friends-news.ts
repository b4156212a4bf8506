/** People of the person's who are not family: their news is theirs ("my buddy Marcus got promoted"). */
export const FRIENDS =
  /^(?:best\s+)?(?:friend|mate|buddy|pal|bestie|bff|neighbou?r|colleague|coworker|co-worker|classmate|flatmate|roommate|housemate)$/iu

/** What just happened to someone, said as news: a new job, a promotion, a move. */
export const FRIENDS_NEWS =
  /^(?:just\s+|has\s+just\s+|finally\s+)+(?:got|landed|started|moved|quit|left|retired|announced|had|passed|became|made)\b|^(?:got|has got|landed)\s+(?:promoted|(?:a|an|the)\s+(?:new\s+)?(?:[\p{L}-]+\s+)?(?:job|promotion|offer|raise|place|role|position))\b/iu

/**
 * What a friend or colleague is doing or has done, on whatever day: "is retiring at Easter", "is
 * moving to Canada in June", "passed her bloodborne pathogens course", "got engaged last night".
 */
const DOINGS =
  /^(?:is|are|was|were)\s+(?!(?:nothing|something|everything|anything)\b)\p{L}{2,}ing\b|^(?:just\s+|finally\s+)?(?:passed|failed|won|lost|quit|retired|left|bought|sold|broke up|split up|got (?:engaged|married|promoted|into|a new))\b/iu

/** "my colleague Tom", "my best mate Dev", "my apprentice Jodie": who, their name, then what of them. */
const SOMEONE_FIRST =
  /^(?:[Mm]y|[Oo]ur)\s+((?:[Bb]est\s+)?\p{Ll}[\p{Ll}-]*)(?:\s+\p{Lu}[\p{L}'’-]*){0,2}\s+(.+)$/u

/**
 * Whether a clause is a friend's or colleague's news with nothing of the person's in it: "My
 * colleague Tom is retiring at Easter", "my apprentice Jodie passed her course", "my housemate Gwen
 * got engaged". Where they live or work, who they are and what they do with the person stay facts
 * ("my best friend Lou lives in Bristol", "my colleague Raj is covering my shifts").
 *
 * @example friendsNews('my friend Sarah is moving to Canada in June') // true
 * @example friendsNews('my best friend Jonas lives in Hamburg') // false
 */
export function friendsNews(clause: string): boolean {
  const m = SOMEONE_FIRST.exec(clause.trim())
  if (!m || !(FRIENDS.test(m[1]!) || /^(?:apprentice|trainee)$/u.test(m[1]!))) return false
  const said = m[2]!
  return (
    (FRIENDS_NEWS.test(said) || DOINGS.test(said)) &&
    !/\b(?:we|us|our|me|my|mine|I)\b/u.test(said) &&
    // "is working at the Co-op now" says where they are, not what happened.
    !/^(?:is|are)\s+(?:working|living|staying|based|studying)\b/iu.test(said)
  )
}
