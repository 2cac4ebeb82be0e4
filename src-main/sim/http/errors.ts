/**
 * Genesys-shaped API errors. Handlers throw these (expected failures); the server renders them as
 * `{message, code, status, contextId, details, errors}` so the SDK rejects exactly as against the real cloud.
 */
import { SimHttpError, type GenesysErrorBody } from './types'

/** Renders any SimHttpError into the wire body. */
export function errorBody(err: SimHttpError, contextId: string): GenesysErrorBody {
  const { extra } = err
  return {
    message: err.message,
    code: err.code,
    status: err.status,
    ...(extra.messageWithParams !== undefined ? { messageWithParams: extra.messageWithParams } : {}),
    ...(extra.messageParams !== undefined ? { messageParams: extra.messageParams } : {}),
    ...(extra.entityId !== undefined ? { entityId: extra.entityId } : {}),
    contextId,
    details: extra.details ?? [],
    errors: extra.errors ?? []
  }
}

/** 400 for a body or parameter the API rejects; `fieldName` lands in `details[]` like Genesys does. */
export function badRequest(message: string, code = 'bad.request', fieldName?: string): SimHttpError {
  const details = fieldName ? [{ errorCode: code, fieldName }] : []
  return new SimHttpError(400, code, message, {}, { details })
}

/** 404 for an unknown entity. */
export function notFound(message = 'The requested resource was not found.', code = 'not.found'): SimHttpError {
  return new SimHttpError(404, code, message)
}

/** 409 for version conflicts and "already done" races (e.g. two consoles acting on one callback). */
export function conflict(message: string, code = 'conflict'): SimHttpError {
  return new SimHttpError(409, code, message)
}

/** 403 naming the missing permission(s), like Genesys' `missing.any.permissions` / `missing.all.permissions`. */
export function missingPermissions(perms: readonly string[], all: boolean): SimHttpError {
  const list = `[${perms.join(', ')}]`
  const template = 'Unable to perform the requested action. You are missing the following permission(s): {permissions}'
  return new SimHttpError(
    403,
    all ? 'missing.all.permissions' : 'missing.any.permissions',
    template.replace('{permissions}', list),
    {},
    { messageWithParams: template, messageParams: { permissions: list } }
  )
}

/** 401 for a missing, unknown, expired or revoked bearer token. */
export function unauthorized(missing: boolean): SimHttpError {
  return missing
    ? new SimHttpError(401, 'authentication.required', 'No authentication bearer token specified in authorization header.')
    : new SimHttpError(401, 'bad.credentials', 'Invalid login credentials.')
}

/** 429 with the Retry-After the caller must honour. */
export function tooManyRequests(retryAfterSeconds: number, headers: Record<string, string>): SimHttpError {
  const template = 'Rate limit exceeded the maximum. Retry the request in [{retryAfter}] seconds'
  return new SimHttpError(
    429,
    'too.many.requests.retry.after',
    template.replace('{retryAfter}', String(retryAfterSeconds)),
    { ...headers, 'Retry-After': String(retryAfterSeconds) },
    { messageWithParams: template, messageParams: { retryAfter: String(retryAfterSeconds) } }
  )
}

/** Narrows a string-keyed JSON object; anything else is a 400. */
export function requireObject(body: unknown, what = 'body'): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest(`The request ${what} must be a JSON object.`, 'bad.request', what)
  }
  return body as Record<string, unknown>
}

/** Narrows a JSON array; anything else is a 400. */
export function requireArray(body: unknown, what = 'body'): unknown[] {
  if (!Array.isArray(body)) throw badRequest(`The request ${what} must be a JSON array.`, 'bad.request', what)
  return body
}

/** Reads a required non-empty string field or throws a 400 naming it. */
export function requireString(obj: Record<string, unknown>, field: string): string {
  const v = obj[field]
  if (typeof v !== 'string' || v.length === 0) {
    throw badRequest(`The field '${field}' is required and must be a non-empty string.`, 'invalid.value', field)
  }
  return v
}

/** Reads an optional string field (400 when present with another type). */
export function optionalString(obj: Record<string, unknown>, field: string): string | undefined {
  const v = obj[field]
  if (v === undefined || v === null) return undefined
  if (typeof v !== 'string') throw badRequest(`The field '${field}' must be a string.`, 'invalid.value', field)
  return v
}

/** Parses an ISO-8601 instant (400 on garbage). */
export function parseInstant(value: string, field: string): number {
  const t = Date.parse(value)
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(t)) {
    throw badRequest(`The field '${field}' must be an ISO-8601 date-time.`, 'invalid.date', field)
  }
  return t
}
