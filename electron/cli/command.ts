import type { ParseArgsConfig } from 'node:util'
import type { z } from 'zod'
import { formatPath } from '../../shared/validation'
import { UsageError, type CliIo } from './io'

/** Parsed command line of one command: its positionals and its options, checked by its schema. */
export interface CommandInput<V> {
  positionals: string[]
  values: V
}

/**
 * How a command is written: `values` checks what node:util parseArgs returned (strings and
 * booleans) and turns it into typed options; a failure is a usage error.
 */
export interface CommandSpec<V> {
  name: string
  /** One line for the command list. */
  summary: string
  /** `keepsake validate FILE` */
  usage: string
  /** What the command does and what each option means. */
  details: string
  options: NonNullable<ParseArgsConfig['options']>
  positionals: { min: number; max: number; names: string }
  values: z.ZodType<V>
  run(input: CommandInput<V>, io: CliIo): Promise<number>
}

/** A command as the CLI runs it: its help, and `execute` with unchecked options. */
export interface Command extends Omit<CommandSpec<unknown>, 'values' | 'run'> {
  /** Checks `options` (throwing UsageError) and runs; resolves with the exit code. */
  execute(positionals: string[], options: unknown, io: CliIo): Promise<number>
}

export function defineCommand<V>(spec: CommandSpec<V>): Command {
  const { values, run, ...help } = spec
  return {
    ...help,
    async execute(positionals, options, io) {
      const parsed = values.safeParse(options)
      if (!parsed.success) {
        const issue = parsed.error.issues[0]
        const where =
          issue && issue.path.length > 0 && !issue.message.startsWith('--')
            ? `--${formatPath(issue.path)}: `
            : ''
        throw new UsageError(`${where}${issue?.message ?? 'invalid options'}`)
      }
      return run({ positionals, values: parsed.data }, io)
    },
  }
}
