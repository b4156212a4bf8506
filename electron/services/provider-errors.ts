import {
  APICallError,
  InvalidResponseDataError,
  JSONParseError,
  RetryError,
  TypeValidationError,
} from 'ai'
import type { AppError } from '../../shared/errors'
import { classifyHttpFailure, type ProviderFailure } from './provider-failure'

/** What an error message needs to know about the provider that failed. */
export type ProviderEndpoint = {
  kind: 'openai-compatible' | 'anthropic'
  baseUrl: string
  /** Scrubbed from every message, in case a provider echoes it. */
  apiKey: string | null
  /** The model asked for, named in messages about it. */
  modelId?: string
}

const KNOWN_PORTS: Record<string, string> = {
  '11434': 'Ollama',
  '1234': 'LM Studio',
  '8080': 'the llama.cpp server',
  '8000': 'vLLM',
}

/**
 * The message for a provider that could not be reached at all, saying why when the network layer
 * did (`ECONNREFUSED`: nothing listens there; `ENOTFOUND`: no such name; no route).
 */
export function unreachableMessage(endpoint: ProviderEndpoint, code: string | null = null): string {
  if (endpoint.kind === 'anthropic') {
    return `Could not reach Anthropic at ${endpoint.baseUrl} — check your internet connection.`
  }
  const port = portOf(endpoint.baseUrl)
  const server = port === null ? undefined : KNOWN_PORTS[port]
  const why =
    code === 'ECONNREFUSED'
      ? ': nothing is listening there (connection refused)'
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? `: the name ${hostOf(endpoint.baseUrl)} could not be found`
        : code === 'EHOSTUNREACH' || code === 'ENETUNREACH'
          ? ': there is no network route to it'
          : code === 'BAD_PORT'
            ? `: port ${portOf(endpoint.baseUrl) ?? '?'} is one that web requests may not use`
            : ''
  const hint = server === undefined ? '' : ` Is ${server} running, on that port?`
  return `The model server isn't reachable at ${endpoint.baseUrl}${why}.${hint}`
}

/** The message for a server that closed the connection, mid-reply or before it answered. */
export function disconnectedMessage(endpoint: ProviderEndpoint, midReply: boolean): string {
  return midReply
    ? `The connection to the model at ${endpoint.baseUrl} dropped mid-reply: the server closed it before finishing (it may have crashed or run out of memory).`
    : `The model server at ${endpoint.baseUrl} closed the connection without answering (it may have crashed).`
}

/** The message for a provider that went quiet for `timeoutMs`. */
export function timeoutMessage(endpoint: ProviderEndpoint, timeoutMs: number): string {
  return `The model at ${endpoint.baseUrl} sent nothing for ${formatMs(timeoutMs)}; gave up waiting.`
}

/**
 * Turns whatever the AI SDK reported into an `AppError`: unreachable → `provider-unavailable`,
 * an HTTP error → named by `classifyHttpFailure` (key, model, tools, context) with the provider's own
 * message, a stream that does not parse → `provider-error` saying so.
 */
export function describeProviderError(error: unknown, endpoint: ProviderEndpoint): AppError {
  return describeProviderFailure(error, endpoint).error
}

/** As `describeProviderError`, with what an overflow said about the server's window. */
export function describeProviderFailure(
  error: unknown,
  endpoint: ProviderEndpoint,
): ProviderFailure {
  const cause = RetryError.isInstance(error) ? error.lastError : error
  const where = endpoint.baseUrl
  const plain = (e: AppError): ProviderFailure => ({ error: scrub(e, endpoint) })
  if (APICallError.isInstance(cause)) {
    const network = networkFailure(cause.cause)
    if (cause.statusCode === undefined) {
      if (network === 'closed')
        return plain({
          code: 'provider-disconnected',
          message: disconnectedMessage(endpoint, false),
        })
      return plain({
        code: 'provider-unavailable',
        message: unreachableMessage(endpoint, networkCode(cause.cause)),
      })
    }
    if (network === 'closed' && cause.statusCode >= 200 && cause.statusCode < 300) {
      // The answer had begun ("Failed to process successful response") when the connection died.
      return plain({ code: 'provider-disconnected', message: disconnectedMessage(endpoint, true) })
    }
    const body = cause.responseBody ?? ''
    const reason = firstLine(reasonOf(body) ?? cause.message)
    const failure = classifyHttpFailure(
      cause.statusCode,
      reason,
      body,
      where,
      endpoint.modelId ?? null,
      endpoint.apiKey !== null,
    )
    return { ...failure, error: scrub(failure.error, endpoint) }
  }
  const streamed = streamedError(cause)
  if (streamed !== null) {
    const failure = classifyHttpFailure(
      null,
      firstLine(streamed),
      streamed,
      where,
      endpoint.modelId ?? null,
    )
    return { ...failure, error: scrub(failure.error, endpoint) }
  }
  if (
    JSONParseError.isInstance(cause) ||
    TypeValidationError.isInstance(cause) ||
    InvalidResponseDataError.isInstance(cause)
  ) {
    const message = `The model at ${where} sent a malformed stream: ${firstLine(cause.message)}`
    return plain({ code: 'provider-error', message })
  }
  const network = networkFailure(cause)
  if (network === 'closed') {
    // undici says "terminated" when a body it was reading is cut; "fetch failed" before headers.
    const midReply = cause instanceof Error && cause.message === 'terminated'
    return plain({
      code: 'provider-disconnected',
      message: disconnectedMessage(endpoint, midReply),
    })
  }
  if (network === 'unreachable') {
    return plain({
      code: 'provider-unavailable',
      message: unreachableMessage(endpoint, networkCode(cause)),
    })
  }
  const detail = cause instanceof Error ? cause.message : String(cause)
  return plain({
    code: 'provider-error',
    message: `The model at ${where} failed: ${firstLine(detail)}`,
  })
}

/**
 * The words of an error a server sent inside a stream it had begun: an `{ "error": { "message" } }`
 * chunk arrives as that plain object; an `{ "error": "…" }` chunk fails the chunk schema and
 * arrives as a validation error holding the chunk.
 */
function streamedError(cause: unknown): string | null {
  if (TypeValidationError.isInstance(cause)) {
    const value: unknown = cause.value
    return typeof value === 'object' && value !== null && 'error' in value
      ? reasonOf(JSON.stringify(value))
      : null
  }
  if (cause instanceof Error || typeof cause !== 'object' || cause === null) return null
  const message = (cause as Record<string, unknown>).message
  return typeof message === 'string' && message !== '' ? message : null
}

/**
 * The server's own words from an error body: `{ "error": "…" }` (LM Studio, Ollama's native API),
 * `{ "error": { "message": "…" } }` (OpenAI and most others) or `{ "message": "…" }`.
 */
export function reasonOf(body: string): string | null {
  let json: unknown
  try {
    json = JSON.parse(body)
  } catch {
    return null
  }
  if (typeof json !== 'object' || json === null) return null
  const record = json as Record<string, unknown>
  const error = record.error
  if (typeof error === 'string' && error !== '') return error
  if (typeof error === 'object' && error !== null) {
    const message = (error as Record<string, unknown>).message
    if (typeof message === 'string' && message !== '') return message
  }
  return typeof record.message === 'string' && record.message !== '' ? record.message : null
}

/** Removes the API key from a message, wherever a provider may have echoed it. */
export function scrub(error: AppError, endpoint: { apiKey: string | null }): AppError {
  const key = endpoint.apiKey
  if (key === null || key.length < 4 || !error.message.includes(key)) return error
  return { ...error, message: error.message.split(key).join('[redacted]') }
}

const UNREACHABLE = /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|BAD_PORT)$/
const CLOSED = /^(ECONNRESET|EPIPE|UND_ERR_SOCKET|UND_ERR_CLOSED)$/

/** The first network error code (`ECONNREFUSED`, `UND_ERR_SOCKET`…) along an error's causes. */
export function networkCode(error: unknown): string | null {
  let e: unknown = error
  for (let depth = 0; depth < 6 && e instanceof Error; depth++) {
    const code: unknown = (e as { code?: unknown }).code
    if (typeof code === 'string' && /^(E[A-Z]+|UND_ERR_[A-Z_]+)$/.test(code)) return code
    // The fetch standard blocks some ports (9, 25, 6000…) and undici says only this.
    if (e.message === 'bad port') return 'BAD_PORT'
    e = e.cause
  }
  return null
}

/**
 * Whether an error is the network failing, and how: nothing answered at the address, or a
 * connection that was open closed under us. undici reports both as a `TypeError` ("fetch failed"
 * before the answer, "terminated" while reading it) with the coded cause.
 */
export function networkFailure(error: unknown): 'unreachable' | 'closed' | null {
  const code = networkCode(error)
  if (code !== null && UNREACHABLE.test(code)) return 'unreachable'
  if (code !== null && CLOSED.test(code)) return 'closed'
  if (error instanceof TypeError && error.message === 'terminated') return 'closed'
  if (error instanceof TypeError && error.message === 'fetch failed') return 'unreachable'
  return null
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname
  } catch {
    return url
  }
}

function portOf(url: string): string | null {
  try {
    return new URL(url).port || null
  } catch {
    return null
  }
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0] ?? ''
  return line.length > 300 ? `${line.slice(0, 300)}…` : line
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`
}
