/**
 * The reliability suite runs small inside `npm test` and full size behind `npm run test:reliability`
 * (RELIABILITY_FULL=1). Sizes are chosen here, so a spec reads `scale(3, 20)`.
 */
export const RELIABILITY_FULL = process.env.RELIABILITY_FULL === '1'

/** `reduced` in `npm test`, `full` with RELIABILITY_FULL=1. */
export const scale = <T>(reduced: T, full: T): T => (RELIABILITY_FULL ? full : reduced)
