import { homedir } from 'node:os'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { err, ok, type Result } from '../../shared/errors'
import { check } from '../../shared/validation'
import {
  DEFAULT_AUTH_DEADLINE_MS,
  DEFAULT_MAX_NEW_SPACES_PER_CONNECTION,
  DEFAULT_MAX_NEW_SPACES_PER_HOUR,
  DEFAULT_MAX_SPACE_BYTES,
  DEFAULT_MAX_CONNECTIONS_PER_MINUTE,
  DEFAULT_MAX_PENDING_BYTES,
  DEFAULT_MAX_MESSAGE_BYTES,
  DEFAULT_RELAY_PORT,
  defaultRelayDataDir,
  type ResolvedRelayOptions,
} from './relay-options'

/** The text `npm run relay -- --help` prints, also shown after a usage error. */
export const RELAY_USAGE = `Usage: npm run relay -- [options]

Runs the Keepsake sync relay. It stores and forwards end-to-end encrypted updates; it never sees memory in clear.

Options:
  --port <n>                        TCP port, 0 picks a free one (default ${DEFAULT_RELAY_PORT})
  --host <address>                  address to bind (default 127.0.0.1)
  --lan                             bind 0.0.0.0 so other laptops on the network can connect
  --data-dir <path>                 where ciphertext is stored (default ~/.keepsake/relay)
  --redis-host <host>               run as one of several instances sharing this Redis (default port 6379)
  --redis-port <n>                  Redis port (implies --redis-host 127.0.0.1 when that is not given)
  --max-message-bytes <n>           largest WebSocket message accepted (default ${DEFAULT_MAX_MESSAGE_BYTES})
  --max-connections-per-minute <n>  connections accepted per client IP per minute (default ${DEFAULT_MAX_CONNECTIONS_PER_MINUTE})
  --max-space-bytes <n>             storage quota of one space (default ${DEFAULT_MAX_SPACE_BYTES})
  --max-new-spaces-per-hour <n>     new spaces one client address may register per hour (default ${DEFAULT_MAX_NEW_SPACES_PER_HOUR};
                                    at most ${DEFAULT_MAX_NEW_SPACES_PER_CONNECTION} per connection)
  --auth-deadline-ms <n>            close a connection that authenticates nothing within this (default ${DEFAULT_AUTH_DEADLINE_MS})
  --tls-cert <file> --tls-key <file> serve wss:// with this PEM certificate and key (both or neither)
  --allow-origin <origin>           also accept browser pages from this origin (repeatable); the app
                                    (keepsake://app), loopback http pages and native devices always connect
  -h, --help                        show this help`

/** What the command line asks for: help, or a relay to run. */
export type RelayCommand = { kind: 'help' } | { kind: 'run'; options: ResolvedRelayOptions }

const Integer = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'expected a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max))

const CliValues = z
  .object({
    port: Integer(0, 65535).default(DEFAULT_RELAY_PORT),
    host: z.string().min(1, 'expected an address').optional(),
    lan: z.boolean().default(false),
    'data-dir': z.string().min(1, 'expected a path').optional(),
    'redis-host': z.string().min(1, 'expected a host').optional(),
    'redis-port': Integer(1, 65535).optional(),
    'max-message-bytes': Integer(1024, 1024 * 1024 * 1024).default(DEFAULT_MAX_MESSAGE_BYTES),
    'max-connections-per-minute': Integer(1, 1_000_000).default(DEFAULT_MAX_CONNECTIONS_PER_MINUTE),
    'max-space-bytes': Integer(1024, 1024 ** 4).default(DEFAULT_MAX_SPACE_BYTES),
    'max-new-spaces-per-hour': Integer(1, 1_000_000).default(DEFAULT_MAX_NEW_SPACES_PER_HOUR),
    'auth-deadline-ms': Integer(100, 600_000).default(DEFAULT_AUTH_DEADLINE_MS),
    'tls-cert': z.string().min(1, 'expected a path').optional(),
    'tls-key': z.string().min(1, 'expected a path').optional(),
    'allow-origin': z
      .array(z.url({ message: 'expected an origin such as https://keepsake.example' }))
      .default([]),
    help: z.boolean().default(false),
  })
  .refine((v) => !(v.lan && v.host !== undefined), {
    message: 'give either --lan or --host, not both',
    path: ['lan'],
  })
  .refine((v) => (v['tls-cert'] === undefined) === (v['tls-key'] === undefined), {
    message: 'give both --tls-cert and --tls-key, or neither',
    path: ['tls-cert'],
  })

const expandHome = (path: string): string =>
  path === '~' || path.startsWith('~/') ? resolve(homedir(), path.slice(2)) : resolve(path)

/**
 * Parses the relay's command line. A usage error is a `validation` error whose message names the option.
 * @example parseRelayArgs(['--lan', '--port', '0'])
 */
export function parseRelayArgs(argv: readonly string[]): Result<RelayCommand> {
  let values: Record<string, string | boolean | string[] | undefined>
  try {
    values = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        lan: { type: 'boolean' },
        'data-dir': { type: 'string' },
        'redis-host': { type: 'string' },
        'redis-port': { type: 'string' },
        'max-message-bytes': { type: 'string' },
        'max-connections-per-minute': { type: 'string' },
        'max-space-bytes': { type: 'string' },
        'max-new-spaces-per-hour': { type: 'string' },
        'auth-deadline-ms': { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        'allow-origin': { type: 'string', multiple: true },
        help: { type: 'boolean', short: 'h' },
      },
    }).values
  } catch (e) {
    // parseArgs reports unknown options and missing values by throwing; for us that is a usage error.
    return err('validation', e instanceof Error ? e.message : String(e))
  }
  const parsed = check(CliValues, values)
  if (!parsed.ok) return err('validation', `--${parsed.error.message}`, parsed.error.path)
  const v = parsed.value
  if (v.help) return ok({ kind: 'help' })
  const redisWanted = v['redis-host'] !== undefined || v['redis-port'] !== undefined
  return ok({
    kind: 'run',
    options: {
      port: v.port,
      host: v.lan ? '0.0.0.0' : (v.host ?? '127.0.0.1'),
      dataDir: v['data-dir'] === undefined ? defaultRelayDataDir() : expandHome(v['data-dir']),
      redis: redisWanted
        ? { host: v['redis-host'] ?? '127.0.0.1', port: v['redis-port'] ?? 6379 }
        : undefined,
      maxMessageBytes: v['max-message-bytes'],
      maxConnectionsPerMinute: v['max-connections-per-minute'],
      allowedOrigins: v['allow-origin'].map((o) => new URL(o).origin),
      tls:
        v['tls-cert'] !== undefined && v['tls-key'] !== undefined
          ? { certFile: expandHome(v['tls-cert']), keyFile: expandHome(v['tls-key']) }
          : undefined,
      maxPendingBytes: DEFAULT_MAX_PENDING_BYTES,
      authDeadlineMs: v['auth-deadline-ms'],
      maxSpaceBytes: v['max-space-bytes'],
      maxNewSpacesPerConnection: DEFAULT_MAX_NEW_SPACES_PER_CONNECTION,
      maxNewSpacesPerHour: v['max-new-spaces-per-hour'],
    },
  })
}
