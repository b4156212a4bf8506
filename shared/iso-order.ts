/**
 * Orders two ISO 8601 timestamps written the same way (as `toISOString` writes them): plain string
 * order, which for them is time order. `localeCompare` gives the same order through the locale's
 * collation, several times slower: sorting 10,000 memory items by it cost tens of milliseconds at
 * every start.
 * @example ['2026-03-02T10:00:00.000Z', '2026-01-05T09:00:00.000Z'].sort(compareIso)
 * // => ['2026-01-05T09:00:00.000Z', '2026-03-02T10:00:00.000Z']
 */
export const compareIso = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)
