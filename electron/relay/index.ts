/**
 * `npm run relay`: the command-line entry of the sync relay (see relay.ts). Prints exactly one line,
 * `Keepsake relay listening on ws://HOST:PORT`, once it accepts connections. Exit codes: 0 after a
 * clean stop (SIGINT/SIGTERM), 1 when the relay cannot start, 2 on a usage error.
 */
import { RELAY_USAGE, parseRelayArgs } from './cli-args'
import { startRelay } from './relay'

async function main(): Promise<number | null> {
  const command = parseRelayArgs(process.argv.slice(2))
  if (!command.ok) {
    process.stderr.write(`keepsake relay: ${command.error.message}\n\n${RELAY_USAGE}\n`)
    return 2
  }
  if (command.value.kind === 'help') {
    process.stdout.write(`${RELAY_USAGE}\n`)
    return 0
  }
  const started = await startRelay(command.value.options)
  if (!started.ok) {
    process.stderr.write(`keepsake relay: ${started.error.message}\n`)
    return 1
  }
  const relay = started.value
  // The stop handlers go in before the line that says the relay is listening: whoever reads that line may
  // signal at once, and a signal with no handler yet ends the process with the default action, not exit 0.
  const shutdown = (): void => {
    void relay.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    )
  }
  process.once('SIGINT', shutdown)
  process.once('SIGTERM', shutdown)
  process.stdout.write(`Keepsake relay listening on ${relay.url}\n`)
  return null
}

void main().then((code) => {
  if (code !== null) process.exitCode = code
})
