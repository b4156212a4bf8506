import type { AppError, AppErrorCode, Result } from '../../shared/errors'

const STATUS: Partial<Record<AppErrorCode, number>> = {
  validation: 400,
  'not-found': 404,
  busy: 409,
  'file-too-large': 413,
  'provider-unavailable': 502,
  'provider-error': 502,
  'provider-timeout': 504,
  'provider-auth': 502,
  'provider-model-missing': 502,
  'provider-no-tools': 502,
  'context-overflow': 502,
  'provider-disconnected': 502,
  'secret-storage-unavailable': 503,
  cancelled: 499,
  internal: 500,
}

const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
}

/** The HTTP status an error travels with; the body always carries the `AppError` itself. */
export function statusFor(error: AppError): number {
  return STATUS[error.code] ?? 500
}

/** A JSON answer carrying `result`; errors get the status of their code unless `status` is given. */
export function resultResponse<T>(result: Result<T>, status?: number): Response {
  const code = status ?? (result.ok ? 200 : statusFor(result.error))
  const body = result.ok ? { ok: true, value: result.value ?? null } : result
  return new Response(JSON.stringify(body), { status: code, headers: JSON_HEADERS })
}

/** A JSON error answer. */
export function errorResponse(error: AppError, status = statusFor(error)): Response {
  return resultResponse({ ok: false, error }, status)
}
