import { parseArgs } from 'node:util'
import { pathToFileURL } from 'node:url'
import { version } from '../../package.json'
import type { Command } from './command'
import { convertCommand } from './commands/convert'
import { importAnyCommand, importChatGptCommand, importTranscriptCommand } from './commands/import'
import { inspectCommand } from './commands/inspect'
import { migrateCommand } from './commands/migrate'
import { searchCommand } from './commands/search'
import { validateCommand } from './commands/validate'
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from './io'

const COMMANDS: readonly Command[] = [
  validateCommand,
  inspectCommand,
  migrateCommand,
  convertCommand,
  searchCommand,
  importAnyCommand,
  importTranscriptCommand,
  importChatGptCommand,
]

const overview = (): string =>
  [
    `keepsake ${version}: work with Keepsake session files, no app needed.`,
    '',
    'Usage: keepsake <command> [options]   (keepsake <command> --help for details)',
    '',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(18)} ${c.summary}`),
    '',
    'Exit codes: 0 success, 1 invalid input (each problem on stderr), 2 usage error.',
  ].join('\n')

const helpOf = (c: Command): string =>
  `Usage: ${c.usage}\n\n${c.details}\n\n  --help     show this help`

/**
 * Runs one CLI invocation (`args` without the node and script paths) and resolves with its exit
 * code. Output goes through `io`, so tests can capture it.
 */
export async function runCli(args: readonly string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = args
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    if (name === undefined) {
      io.err(overview())
      return EXIT_USAGE
    }
    io.out(overview())
    return EXIT_OK
  }
  if (name === '--version' || name === '-v') {
    io.out(version)
    return EXIT_OK
  }
  const command = COMMANDS.find((c) => c.name === name)
  if (!command) {
    io.err(
      `keepsake: unknown command "${name}". Commands: ${COMMANDS.map((c) => c.name).join(', ')}.`,
    )
    return EXIT_USAGE
  }
  const usage = (message: string): number => {
    io.err(`keepsake ${command.name}: ${message}`)
    io.err(`Usage: ${command.usage}   (keepsake ${command.name} --help for details)`)
    return EXIT_USAGE
  }
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({
      args: [...rest],
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    })
  } catch (e) {
    return usage(e instanceof Error ? e.message : String(e))
  }
  const { help, ...options } = parsed.values
  if (help === true) {
    io.out(helpOf(command))
    return EXIT_OK
  }
  const { min, max, names } = command.positionals
  if (parsed.positionals.length < min || parsed.positionals.length > max) {
    return usage(
      `expected ${names}, got ${parsed.positionals.length === 0 ? 'nothing' : parsed.positionals.map((p) => JSON.stringify(p)).join(' ')}`,
    )
  }
  try {
    return await command.execute(parsed.positionals, options, io)
  } catch (e) {
    if (e instanceof UsageError) return usage(e.message)
    const code = typeof e === 'object' && e !== null && 'code' in e ? String(e.code) : ''
    if (code.startsWith('E')) {
      // A file system failure (writing OUT): the person's input, not a bug.
      io.err(`keepsake ${command.name}: ${e instanceof Error ? e.message : String(e)}`)
      return EXIT_INVALID
    }
    throw e
  }
}

const processIo: CliIo = {
  out: (line) => void process.stdout.write(`${line}\n`),
  err: (line) => void process.stderr.write(`${line}\n`),
}

// `node out/main/cli.js ...` runs directly; `bin.mjs` imports runCli instead.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code
  })
}
