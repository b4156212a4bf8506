import { describe, expect, it } from 'vitest'
import { announceLatest } from '../../../renderer/runtime/announce-latest'

/** A read whose answers the test hands out one by one. */
const heldReads = () => {
  const waiting: ((n: number) => void)[] = []
  let reads = 0
  return {
    read: () => {
      reads++
      return new Promise<number>((done) => waiting.push(done))
    },
    answer: async (n: number) => {
      waiting.shift()?.(n)
      await new Promise((r) => setTimeout(r, 0))
    },
    reads: () => reads,
  }
}

describe('announceLatest', () => {
  it('sends what it read', async () => {
    const held = heldReads()
    const sent: number[] = []
    const tell = announceLatest(
      held.read,
      (n) => sent.push(n),
      () => undefined,
    )
    tell()
    await held.answer(1)
    expect(sent).toEqual([1])
  })

  it('reads again after changes told while reading, and never sends the overtaken read', async () => {
    const held = heldReads()
    const sent: number[] = []
    const tell = announceLatest(
      held.read,
      (n) => sent.push(n),
      () => undefined,
    )
    tell()
    tell()
    tell()
    expect(held.reads()).toBe(1)
    await held.answer(1)
    // Read 1 began before the later changes: not sent; one more read follows for all of them.
    expect(sent).toEqual([])
    expect(held.reads()).toBe(2)
    await held.answer(2)
    expect(sent).toEqual([2])
    tell()
    await held.answer(3)
    expect(sent).toEqual([2, 3])
  })

  it('reports a failed read and still reads for a later change', async () => {
    const failures: unknown[] = []
    const sent: number[] = []
    let calls = 0
    const tell = announceLatest(
      async () => {
        calls++
        if (calls === 1) throw new Error('disk gone')
        return calls
      },
      (n) => sent.push(n),
      (e) => failures.push(e),
    )
    tell()
    await new Promise((r) => setTimeout(r, 0))
    tell()
    await new Promise((r) => setTimeout(r, 0))
    expect(failures).toHaveLength(1)
    expect(sent).toEqual([2])
  })
})
