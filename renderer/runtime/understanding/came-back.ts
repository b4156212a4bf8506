/** What is a trouble in itself: when it "is back", the problem is, not the thing that was missing. */
const TROUBLE =
  '(?:leak|leaks|drip|rash|pain|ache|aches|noise|noises|rattle|squeak|banging|damp|mould|mold|smell|crash|crashes|error|errors|bug|glitch|lag|migraines?|headaches?|cough|fever|itch|itching|eczema|acne|swelling|symptoms|nausea|dizziness|limp|flare[- ]?ups?|problem|problems|issue|issues|fault|mice|rats|ants|wasps|slugs|bluescreens?|blue screens?|\\p{L}+ing noise)'

/**
 * A problem told as come back: "the leak is back", "the rash has come back", "card machine playing
 * up again today" (where "the hot water is back" and "the wifi's up again" end one).
 */
const CAME_BACK = new RegExp(
  `\\b(?:playing|acting|messing|kicking|flaring|flared|played|acted)\\s+up\\s+again\\b|\\b${TROUBLE}(?:['’]s|\\s+(?:is|are|was|were|has|have|came|come|comes|coming))\\s+(?:\\p{L}+\\s+)?(?:back|returned)\\b(?!\\s+(?:to normal|down|under|on track))|\\bback again\\b`,
  'iu',
)

/**
 * Whether a statement tells a problem as come back ("the leak is back", "playing up again"): it
 * ends no open problem and reports a new one.
 *
 * @example cameBack('the leak is back') // true
 * @example cameBack('the hot water is back') // false
 */
export const cameBack = (statement: string): boolean => CAME_BACK.test(statement)
