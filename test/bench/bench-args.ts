import { parseArgs } from 'node:util'
import { z } from 'zod'
import { check } from '../../shared/validation'
import { err, ok, type Result } from '../../shared/errors'

/** What `tsx test/bench/index.ts` accepts. */
export interface BenchArgs {
  smoke: boolean
  /** Rows to run (1–7); all when empty. */
  only: number[]
  /** Where to write the JSON results; null for none (the smoke run writes none by default). */
  out: string | null
  /** Where to write the table as Markdown (for PERFORMANCE.md); null for none. */
  markdown: string | null
}

const Args = z.object({
  smoke: z.boolean().default(false),
  only: z
    .string()
    .regex(/^[1-9](,[1-9])*$/, '--only takes row numbers 1–9, comma-separated')
    .optional(),
  out: z.string().min(1).optional(),
  markdown: z.string().min(1).optional(),
})

export const BENCH_USAGE =
  'Usage: tsx test/bench/index.ts [--smoke] [--only 1,3,...] [--out FILE] [--markdown FILE]\n' +
  '  --smoke   tiny sizes, a few seconds per row (part of npm test); writes no JSON unless --out\n' +
  '  --only    run only these rows (1 restore, 2 tokens, 3 appends, 4 session files, 5 sync, 6 retrieval, 7 UI, 8 understanding, 9 ChatGPT import)\n' +
  '  --out     where to write the JSON (default bench-results.json for a full run)\n' +
  '  --markdown  also write the table as Markdown'

/** Parses and checks the command line. */
export function readBenchArgs(argv: string[]): Result<BenchArgs> {
  let values: Record<string, unknown>
  try {
    values = parseArgs({
      args: argv,
      options: {
        smoke: { type: 'boolean' },
        only: { type: 'string' },
        out: { type: 'string' },
        markdown: { type: 'string' },
      },
      strict: true,
    }).values
  } catch (e) {
    return err('validation', e instanceof Error ? e.message : String(e))
  }
  const parsed = check(Args, values, 'arguments')
  if (!parsed.ok) return parsed
  const { smoke, only, out, markdown } = parsed.value
  return ok({
    smoke,
    only: only ? only.split(',').map(Number) : [],
    out: out ?? (smoke ? null : 'bench-results.json'),
    markdown: markdown ?? null,
  })
}
