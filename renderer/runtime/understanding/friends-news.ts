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

/**
 * What has gone wrong for someone, in their body or their things: "got his bike nicked", "is off
 * with a broken wrist", "has a niggly hamstring", "is off sick".
 */
const TROUBLES =
  /^(?:is|are|was|has been|['’]s)\s+(?:off\s+(?:sick|ill|work|with)\b|(?:still\s+)?(?:sick|ill|poorly|unwell|injured|laid up|in hospital)\b)|^(?:has|had|has got|['’]s got|got)\s+(?:a\s+|an\s+)?(?:(?:really|very|bit of a)\s+)?(?:broken|sprained|pulled|torn|bad|niggly|sore|dodgy|twisted)\b|^(?:got|had)\s+(?:his|her|their)\s+(?:[\p{L}-]+\s+){1,3}?(?:nicked|stolen|pinched|broken into|smashed|towed|clamped)\b|^(?:broke|sprained|twisted|pulled|tore|hurt|injured)\s+(?:his|her|their)\b|^(?:has|has got|got|caught)\s+(?:covid|flu|the flu|a cold|a chest infection|shingles|tonsillitis)\b/iu

/** "my assistant baker Tom", "our flyhalf Sipho": someone named by their part in the person's life. */
const NAMED_ROLE = /^(?:[Mm]y|[Oo]ur)\s+((?:\p{Ll}[\p{Ll}-]*\s+){1,2})\p{Lu}[\p{L}'’-]*\s+(.+)$/u

/** People the person works with or for. */
const WORKMATES =
  /^(?:apprentice|trainee|assistant|boss|manager|supervisor|teammate|team-mate|student|client|employee|deputy|intern)$/iu

/** People in the person's care or at home with them, whose troubles are the person's too. */
const CLOSE =
  /^(?:mom|mum|mother|mama|dad|father|papa|parents|wife|husband|partner|spouse|son|daughter|kid|kids|child|children|baby|grandma|grandmother|grandpa|grandfather|nan|nana|gran|granny|grandad|granddad|dog|cat|puppy|kitten|pet|horse|hubby|gf|bf|girlfriend|boyfriend|fiance|fiancee|fiancé|fiancée)$/iu

/**
 * Whether a clause is the trouble of a friend, colleague or someone named by their role, not of the
 * person or anyone in their care: "my mate Dev got his bike nicked", "our flyhalf Sipho has a
 * niggly hamstring". "my son has a fever", "my dog's limping" stay the person's.
 *
 * @example othersTrouble('my assistant baker Tom is off with a broken wrist') // true
 * @example othersTrouble('my husband has a chest infection') // false
 */
export function othersTrouble(clause: string): boolean {
  const text = clause.trim()
  const first = SOMEONE_FIRST.exec(text)
  const m =
    NAMED_ROLE.exec(text) ??
    (first && (FRIENDS.test(first[1]!) || WORKMATES.test(first[1]!)) ? first : null)
  if (!m) return false
  return (
    !m[1]!
      .trim()
      .split(/\s+/u)
      .some((w) => CLOSE.test(w)) &&
    TROUBLES.test(m[2]!) &&
    !/\b(?:we|us|our|me|my|mine|I)\b/u.test(m[2]!)
  )
}

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
