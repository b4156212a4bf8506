import { readFileSync } from 'node:fs'
import { z } from 'zod'

const Capture = z.object({
  kind: z.enum(['fact', 'preference', 'task', 'issue']),
  words: z.array(z.string().min(1)).min(1),
  action: z.enum(['new', 'supersede', 'update']).optional(),
  replaces: z.array(z.string()).optional(),
  status: z.enum(['done', 'blocked', 'in_progress', 'resolved']).optional(),
  due: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/u)
    .optional(),
})
export type ExpectedCapture = z.infer<typeof Capture>

const Say = z.object({
  say: z.string(),
  at: z.string().optional(),
  expect: z.array(Capture),
  note: z.string().optional(),
})
const Ask = z.object({
  ask: z.string(),
  at: z.string().optional(),
  answer: z.array(z.string()).optional(),
  notAnswer: z.array(z.string()).optional(),
  unknown: z.boolean().optional(),
  note: z.string().optional(),
})
export const Turn = z.union([Say, Ask])
export type Turn = z.infer<typeof Turn>

export const Corpus = z.object({
  description: z.string(),
  scenarios: z.array(z.object({ id: z.string(), now: z.string(), turns: z.array(Turn) })),
})
export type Corpus = z.infer<typeof Corpus>

/** Reads and validates a corpus file under test/fixtures/understanding. */
export function readCorpus(path: string): Corpus {
  return Corpus.parse(JSON.parse(readFileSync(path, 'utf8')))
}
