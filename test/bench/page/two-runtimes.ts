import { memoryMap } from '../../../renderer/runtime/memory/memory-doc'
import type { TwoRuntimesInput, TwoRuntimesResult } from './bench-api'
import { must, openSpace } from './open-space'
import { synthFacts } from './synth'

/**
 * Two runtimes over one space database at once (as two tabs would be if each ran its own runtime
 * instead of sharing one): each writes its own facts, one transaction per fact; then a third opens
 * the database fresh and counts what is there.
 */
export async function twoRuntimes(input: TwoRuntimesInput): Promise<TwoRuntimesResult> {
  const [one, two] = [
    must(await openSpace(input.spaceId), 'open runtime one'),
    must(await openSpace(input.spaceId), 'open runtime two'),
  ]
  const write = async (space: typeof one, seed: number): Promise<number> => {
    let acked = 0
    for (const fact of synthFacts({
      seed,
      from: 0,
      count: input.factsEach,
      nowMs: input.nowMs,
      spanDays: 10,
    })) {
      must(await space.state.change((doc) => void memoryMap(doc).set(fact.id, fact)), 'remember')
      acked++
    }
    return acked
  }
  const [a, b] = await Promise.all([write(one, 101), write(two, 202)])
  await one.settle()
  await two.settle()
  one.db.close()
  two.db.close()
  const fresh = must(await openSpace(input.spaceId), 'reopen')
  const present = memoryMap(fresh.state.doc).size
  fresh.db.close()
  return { acknowledged: a + b, present }
}
