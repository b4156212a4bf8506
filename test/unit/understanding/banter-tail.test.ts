import { describe, expect, it } from 'vitest'
import { tidy } from '../../../renderer/runtime/understanding/text'

describe('banter after a statement is not part of what is stored', () => {
  it.each([
    ['I prefer tabs over spaces, fight me', 'I prefer tabs over spaces'],
    ["I love pineapple on pizza, don't judge me", 'I love pineapple on pizza'],
    ['I do not judge people by their shoes', 'I do not judge people by their shoes'],
    ['I eat cereal for dinner, no shame', 'I eat cereal for dinner'],
  ])('%s', (said, stored) => expect(tidy(said)).toBe(stored))
})
