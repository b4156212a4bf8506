import { z } from 'zod'

/** Stable error codes. A code never changes meaning once shipped; new failures get new codes. */
export const AppErrorCode = z.enum([
  'validation',
  'not-found',
  'read-only',
  'busy',
  /** Nothing answered at the provider's address (refused, unknown name, no route). */
  'provider-unavailable',
  'provider-error',
  'provider-timeout',
  /** The provider refused the API key (HTTP 401/403). */
  'provider-auth',
  /** The server does not have the model the settings name. */
  'provider-model-missing',
  /** The model does not accept tool definitions (Ollama's "does not support tools"). */
  'provider-no-tools',
  'context-overflow',
  /** The model server closed the connection before it finished: mid-reply, or before answering. */
  'provider-disconnected',
  /** Keepsake's own host (which calls the model) could not be reached, or dropped mid-reply. */
  'host-unavailable',
  'storage',
  'storage-quota',
  'file-invalid',
  'file-too-large',
  'unsupported-version',
  'sync-auth',
  'sync-unreachable',
  'secret-storage-unavailable',
  'cancelled',
  'internal',
  /**
   * The runtime is restarting to take a new security policy (a relay was allowed); the request
   * was not carried out: send it again once the window is connected to the new runtime.
   */
  'restarting',
])
export type AppErrorCode = z.infer<typeof AppErrorCode>

/** An expected failure as plain data, so it survives any process or port boundary. */
export const AppError = z.object({
  code: AppErrorCode,
  message: z.string(),
  /** For validation errors: where the bad value is, e.g. `conversations[3].messages[17].createdAt`. */
  path: z.string().optional(),
})
export type AppError = z.infer<typeof AppError>

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const err = (code: AppErrorCode, message: string, path?: string): Result<never> => ({
  ok: false,
  error: path === undefined ? { code, message } : { code, message, path },
})

/** Builds the zod schema of a `Result` whose value matches `value`. */
export const resultSchema = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: AppError }),
  ])
