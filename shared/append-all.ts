/**
 * Appends `items` to `into`, in order, and returns `into`. Not `into.push(...items)`: a spread
 * passes every item as an argument on the call stack, which overflows at around 100,000 items in a
 * worker (importing a 100,000-message conversation did). Lint refuses the spread form.
 */
export function appendAll<T>(into: T[], items: Iterable<T>): T[] {
  for (const item of items) into.push(item)
  return into
}

/** The largest of `values`, or `empty` when there are none; for the same reason not `Math.max(...values)`. */
export function largest(values: Iterable<number>, empty: number): number {
  let most: number | null = null
  for (const v of values) if (most === null || v > most) most = v
  return most ?? empty
}
