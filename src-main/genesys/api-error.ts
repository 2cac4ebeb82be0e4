/**
 * Turns whatever the SDK rejected with (an extended response, an axios transport error, an abort) into the
 * gateway's view of the failure — for the retry classifier — and into an `ApiError` a contact-center lead
 * can read. 403s name the missing permission, because "forbidden" alone sends people to the wrong admin.
 */
import type { CallFailure } from '../core/retry-classifier'
import type { ApiError } from './gateway-types'

/** The shape `setReturnExtendedResponses(true)` gives to both resolved and rejected calls. */
export interface ExtendedResponse {
  readonly status: number
  readonly headers: Record<string, unknown>
  readonly body: unknown
}

/** True for the SDK's extended response object (status + headers + body + error keys). */
export function isExtendedResponse(value: unknown): value is ExtendedResponse {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v.status === 'number' && 'headers' in v && 'body' in v && 'error' in v
}

/** Reads a header from axios' header object (any case). */
export function headerValue(headers: Record<string, unknown> | undefined, name: string): string | undefined {
  if (!headers) return undefined
  const wanted = name.toLowerCase()
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return Array.isArray(value) ? String(value[0]) : value == null ? undefined : String(value)
  }
  return undefined
}

const CANCEL_CODES = new Set(['ERR_CANCELED', 'ABORT_ERR'])

/** Classifies a rejection for the retry policy. */
export function toCallFailure(reason: unknown): CallFailure {
  if (isExtendedResponse(reason))
    return { kind: 'http', status: reason.status, retryAfter: headerValue(reason.headers, 'retry-after') ?? null }
  const r = (typeof reason === 'object' && reason !== null ? reason : {}) as { code?: unknown; name?: unknown; status?: unknown }
  if (typeof r.code === 'string' && CANCEL_CODES.has(r.code)) return { kind: 'cancelled' }
  if (r.name === 'AbortError' || r.name === 'CanceledError') return { kind: 'cancelled' }
  if (r.code === 'ECONNABORTED' || r.code === 'ETIMEDOUT') return { kind: 'timeout' }
  if (typeof r.status === 'number') return { kind: 'http', status: r.status }
  return { kind: 'transport', ...(typeof r.code === 'string' ? { code: r.code } : {}) }
}

interface GenesysBody {
  readonly message?: string
  readonly code?: string
  readonly messageParams?: Record<string, string>
}

function bodyOf(reason: unknown): GenesysBody {
  const body = isExtendedResponse(reason) ? reason.body : reason
  return typeof body === 'object' && body !== null ? (body as GenesysBody) : {}
}

/** Permission names from a Genesys 403 (`messageParams.permissions` or the `[a, b]` list in the message). */
export function missingPermissionsOf(body: GenesysBody): string[] {
  const source = body.messageParams?.permissions ?? /\[([^\]]*)\]/.exec(body.message ?? '')?.[1] ?? ''
  return source
    .replace(/^\[|\]$/g, '')
    .split(',')
    .map((p) => p.trim())
    .filter((p) => /^[\w*]+:[\w*]+:[\w*]+$/.test(p))
}

/** Builds the plain-language ApiError for a final failure. */
export function toApiError(reason: unknown, what: string): ApiError {
  const failure = toCallFailure(reason)
  switch (failure.kind) {
    case 'cancelled':
      return { code: 'cancelled', message: `${what} was cancelled.` }
    case 'timeout':
      return { code: 'network', message: `Genesys Cloud did not answer in time (${what}). Check the network and try again.` }
    case 'transport':
      return { code: 'network', message: `Could not reach Genesys Cloud (${what}). Check the network and try again.` }
    case 'http':
      return httpError(failure.status, bodyOf(reason), what)
  }
}

function httpError(status: number, body: GenesysBody, what: string): ApiError {
  const base = { status, ...(body.code ? { genesysCode: body.code } : {}) }
  const detail = body.message ? ` ${body.message}` : ''
  if (status === 401) return { ...base, code: 'unauthorized', message: 'Your sign-in has expired or was revoked. Sign in again.' }
  if (status === 403) {
    const missing = missingPermissionsOf(body)
    const message =
      missing.length > 0
        ? `You are not allowed to do this (${what}): your role lacks the permission ${missing.join(', ')}.`
        : `You are not allowed to do this (${what}).${detail}`
    return { ...base, code: 'forbidden', message, ...(missing.length > 0 ? { missingPermissions: missing } : {}) }
  }
  if (status === 404) return { ...base, code: 'not-found', message: `Not found (${what}).${detail}` }
  if (status === 409) return { ...base, code: 'conflict', message: body.message ?? `Someone else changed this first (${what}).` }
  if (status === 429)
    return {
      ...base,
      code: 'rate-limited',
      message: `Genesys Cloud is limiting requests right now (${what}). Try again in a minute.`
    }
  if (status >= 500)
    return { ...base, code: 'server', message: `Genesys Cloud had a problem (${what}, HTTP ${status}). Try again shortly.` }
  return { ...base, code: 'bad-request', message: body.message ?? `Genesys Cloud refused the request (${what}, HTTP ${status}).` }
}
