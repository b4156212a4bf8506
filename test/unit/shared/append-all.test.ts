import { describe, expect, it } from 'vitest'
import { appendAll, largest } from '../../../shared/append-all'

const MANY = 1_000_000

describe('appendAll and largest', () => {
  it('take a million items, where a spread into push or Math.max overflows the stack', () => {
    const many = Array.from({ length: MANY }, (_, i) => i)
    expect(() => [0].push(...many)).toThrow(RangeError)
    expect(() => Math.max(...many)).toThrow(RangeError)

    const into = appendAll(['first'], many.map(String))
    expect(into).toHaveLength(MANY + 1)
    expect(into[0]).toBe('first')
    expect(into.at(-1)).toBe(String(MANY - 1))
    expect(largest(many, -1)).toBe(MANY - 1)
  })

  it('append any iterable in order, and give the empty value for no values', () => {
    expect(appendAll([1], new Set([2, 3]))).toEqual([1, 2, 3])
    expect(largest([], 0)).toBe(0)
    expect(largest([-5, -2, -9], 0)).toBe(-2)
  })
})
