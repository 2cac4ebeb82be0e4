/** Tiny readers for untrusted JSON bodies: they either return a typed value or throw a Genesys 400. */
import { badRequest } from './errors'

/** A parsed JSON object, the currency of every store's public views. */
export type Json = Record<string, unknown>

/** True for a plain JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The body as an object, or 400. */
export function requireObject(body: unknown, what = 'request body'): Json {
  if (!isRecord(body)) throw badRequest(`The ${what} must be a JSON object.`)
  return body
}

/** A required non-empty string field, or 400 naming it. */
export function requireString(obj: Json, field: string): string {
  const value = obj[field]
  if (typeof value !== 'string' || value.trim() === '') throw badRequest(`The field '${field}' is required and must be a string.`)
  return value
}

/** An optional string field; wrong types are a 400. */
export function optionalString(obj: Json, field: string): string | undefined {
  const value = obj[field]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'string') throw badRequest(`The field '${field}' must be a string.`)
  return value
}

/** An optional finite number field; wrong types are a 400. */
export function optionalNumber(obj: Json, field: string): number | undefined {
  const value = obj[field]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'number' || !Number.isFinite(value)) throw badRequest(`The field '${field}' must be a number.`)
  return value
}

/** An optional boolean field; wrong types are a 400. */
export function optionalBoolean(obj: Json, field: string): boolean | undefined {
  const value = obj[field]
  if (value === undefined || value === null) return undefined
  if (typeof value !== 'boolean') throw badRequest(`The field '${field}' must be a boolean.`)
  return value
}

/** An optional `{id}` reference; returns the id. */
export function optionalRefId(obj: Json, field: string): string | undefined {
  const value = obj[field]
  if (value === undefined || value === null) return undefined
  if (!isRecord(value) || typeof value.id !== 'string' || value.id === '') {
    throw badRequest(`The field '${field}' must be a reference with an 'id'.`)
  }
  return value.id
}

/** A required `{id}` reference; returns the id. */
export function requireRefId(obj: Json, field: string): string {
  const id = optionalRefId(obj, field)
  if (id === undefined) throw badRequest(`The field '${field}' is required.`)
  return id
}

/** Parses a boolean query parameter the way the Platform API does (`true`/`false`, default when absent). */
export function queryBool(query: URLSearchParams, name: string, fallback: boolean): boolean {
  const raw = query.get(name)
  if (raw === null || raw === '') return fallback
  if (raw === 'true') return true
  if (raw === 'false') return false
  throw badRequest(`The query parameter '${name}' must be true or false.`)
}
