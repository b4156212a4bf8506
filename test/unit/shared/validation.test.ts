import { expect, test } from 'vitest'
import { z } from 'zod'
import { check, listProblems } from '../../../shared/validation'

const Person = z.object({ name: z.string(), age: z.number(), tags: z.array(z.string()) })

test('a missing field reads plainly, naming the field', () => {
  const r = check(Person, { age: 3, tags: [] }, 'person')
  expect(r.ok).toBe(false)
  if (!r.ok) expect(r.error.message).toBe("person.name: the field 'name' is missing")
})

test('a wrong type says what was expected and what came', () => {
  expect(listProblems(Person, { name: 7, age: 'old', tags: ['a', false] })).toEqual([
    'name: expected text, got a number',
    'age: expected a number, got text',
    'tags[1]: expected text, got true or false',
  ])
})

test("a schema's own message is kept", () => {
  const To = z.enum(['json', 'msgpack'], { message: '--to must be json or msgpack' })
  const r = check(To, 'xml')
  expect(!r.ok && r.error.message).toBe('(root): --to must be json or msgpack')
})
