import { homedir } from 'node:os'
import { join } from 'node:path'
import { z } from 'zod'

/** Port the relay listens on when none is given. */
export const DEFAULT_RELAY_PORT = 5171
/**
 * Largest WebSocket message accepted by default (32 MiB). A device sends what the relay lacks of one
 * document as one item, so the first upload of a 100,000-message conversation is one ~27 MiB message.
 */
export const DEFAULT_MAX_MESSAGE_BYTES = 32 * 1024 * 1024
/** Bytes one socket may send for documents it has not authenticated yet (auth + first sync step). */
export const DEFAULT_MAX_PENDING_BYTES = 256 * 1024
/** Largest stored size of one space by default (512 MiB; a 100,000-message space is ~27 MiB). */
export const DEFAULT_MAX_SPACE_BYTES = 512 * 1024 * 1024
/** New spaces one connection may register. */
export const DEFAULT_MAX_NEW_SPACES_PER_CONNECTION = 4
/** New spaces one client address may register per hour. */
export const DEFAULT_MAX_NEW_SPACES_PER_HOUR = 30
/** A socket that authenticates no document within this time is closed. */
export const DEFAULT_AUTH_DEADLINE_MS = 10_000
/** WebSocket upgrades accepted per client IP per minute by default. */
export const DEFAULT_MAX_CONNECTIONS_PER_MINUTE = 120

/** Where the relay stores ciphertext when no `--data-dir` is given: `~/.keepsake/relay`. */
export const defaultRelayDataDir = (): string => join(homedir(), '.keepsake', 'relay')

const Port = z.number().int().min(0).max(65535)

/**
 * Everything `startRelay` accepts. `port: 0` picks a free port (the chosen one is in `RunningRelay.port`).
 * `redis` enables multi-instance mode: relays sharing one Redis exchange updates and credentials.
 */
export const RelayOptions = z.object({
  port: Port.default(DEFAULT_RELAY_PORT),
  host: z.string().min(1).default('127.0.0.1'),
  dataDir: z.string().min(1),
  redis: z.object({ host: z.string().min(1), port: Port.min(1) }).optional(),
  maxMessageBytes: z
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(DEFAULT_MAX_MESSAGE_BYTES),
  maxConnectionsPerMinute: z
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .default(DEFAULT_MAX_CONNECTIONS_PER_MINUTE),
  /** PEM certificate and key files: with both, the relay speaks wss:// (TLS) instead of ws://. */
  tls: z.object({ certFile: z.string().min(1), keyFile: z.string().min(1) }).optional(),
  /** Browser origins allowed besides `keepsake://app` and loopback http pages (`--allow-origin`). */
  allowedOrigins: z.array(z.string().min(1)).default([]),
  maxPendingBytes: z
    .number()
    .int()
    .min(1024)
    .max(64 * 1024 * 1024)
    .default(DEFAULT_MAX_PENDING_BYTES),
  maxSpaceBytes: z
    .number()
    .int()
    .min(1024)
    .max(1024 ** 4)
    .default(DEFAULT_MAX_SPACE_BYTES),
  maxNewSpacesPerConnection: z
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .default(DEFAULT_MAX_NEW_SPACES_PER_CONNECTION),
  maxNewSpacesPerHour: z
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .default(DEFAULT_MAX_NEW_SPACES_PER_HOUR),
  authDeadlineMs: z.number().int().min(100).max(600_000).default(DEFAULT_AUTH_DEADLINE_MS),
  /** Receives operational warnings (damaged log tails, storage failures). Defaults to stderr. */
  onWarning: z.custom<(message: string) => void>((v) => typeof v === 'function').optional(),
})
/** Options as a caller writes them (defaults may be left out). */
export type RelayOptions = z.input<typeof RelayOptions>
/** Options after validation, with every default filled in. */
export type ResolvedRelayOptions = z.output<typeof RelayOptions>
