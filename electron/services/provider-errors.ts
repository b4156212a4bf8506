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

/** The message for a provider that could not be reached at all. */
export function unreachableMessage(endpoint: ProviderEndpoint): string {
  if (endpoint.kind === 'anthropic') {
    return `Could not reach Anthropic at ${endpoint.baseUrl} — check your internet connection.`
  }
  const port = portOf(endpoint.baseUrl)
  const server = port === null ? undefined : KNOWN_PORTS[port]
  const hint = server === undefined ? 'is the model server running?' : `is ${server} running?`
  return `Could not reach the model at ${endpoint.baseUrl} — ${hint}`
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
    if (cause.statusCode === undefined) {
      return plain({ code: 'provider-unavailable', message: unreachableMessage(endpoint) })
    }
    const body = cause.responseBody ?? ''
    const reason = firstLine(reasonOf(body) ?? cause.message)
    const failure = classifyHttpFailure(
      cause.statusCode,
      reason,
      body,
      where,
      endpoint.modelId ?? null,
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
  if (isNetworkFailure(cause)) {
    return plain({ code: 'provider-unavailable', message: unreachableMessage(endpoint) })
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

function isNetworkFailure(error: unknown): boolean {
  // undici reports refused or reset connections as `TypeError: fetch failed` with a coded cause.
  if (!(error instanceof Error)) return false
  const cause: unknown = error.cause
  if (cause instanceof Error && 'code' in cause && typeof cause.code === 'string') {
    return /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)$/.test(
      cause.code,
    )
  }
  return error instanceof TypeError && error.message === 'fetch failed'
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
