/**
 * The analytics filter language shared by the observation, activity and details queries:
 * `{type: and|or, predicates[], clauses[{type, predicates[]}]}` with `matches` / `exists` / `notExists`.
 * Parsed once (400 on malformed input), then evaluated against any dimension lookup.
 */
import { badRequest, requireObject } from '../http/errors'

/** One predicate after validation. */
export interface Predicate {
  readonly dimension: string
  readonly operator: 'matches' | 'exists' | 'notExists'
  readonly value?: string
}

/** A parsed filter (clauses are one level deep, like Genesys'). */
export interface Filter {
  readonly type: 'and' | 'or'
  readonly predicates: readonly Predicate[]
  readonly clauses: ReadonlyArray<{ readonly type: 'and' | 'or'; readonly predicates: readonly Predicate[] }>
}

/** Value of a dimension for the thing being filtered (undefined = does not exist). */
export type DimensionLookup = (dimension: string) => string | undefined

function parseType(v: unknown, field: string): 'and' | 'or' {
  if (v !== 'and' && v !== 'or') throw badRequest(`${field} must be 'and' or 'or'.`, 'invalid.value', field)
  return v
}

function parsePredicates(v: unknown, field: string, allowed: ReadonlySet<string>): Predicate[] {
  if (v === undefined || v === null) return []
  if (!Array.isArray(v)) throw badRequest(`${field} must be an array.`, 'invalid.value', field)
  return v.map((raw, i) => {
    const p = requireObject(raw, `${field}[${i}]`)
    if (p.type !== undefined && p.type !== 'dimension') {
      throw badRequest(
        `${field}[${i}].type '${String(p.type)}' is not supported by the demo org (only 'dimension').`,
        'invalid.value',
        `${field}[${i}].type`
      )
    }
    const dimension = p.dimension
    if (typeof dimension !== 'string' || !allowed.has(dimension)) {
      throw badRequest(
        `${field}[${i}].dimension '${String(dimension)}' is not a valid dimension.`,
        'invalid.value',
        `${field}[${i}].dimension`
      )
    }
    const operator = p.operator ?? 'matches'
    if (operator !== 'matches' && operator !== 'exists' && operator !== 'notExists') {
      throw badRequest(`${field}[${i}].operator '${String(operator)}' is not valid.`, 'invalid.value', `${field}[${i}].operator`)
    }
    if (operator === 'matches' && typeof p.value !== 'string') {
      throw badRequest(`${field}[${i}].value is required for operator 'matches'.`, 'invalid.value', `${field}[${i}].value`)
    }
    return { dimension, operator, ...(typeof p.value === 'string' ? { value: p.value } : {}) }
  })
}

/** Parses a filter object; `allowed` lists the dimensions the query type supports. */
export function parseFilter(v: unknown, field: string, allowed: ReadonlySet<string>): Filter {
  const o = requireObject(v, field)
  const clausesRaw = o.clauses
  if (clausesRaw !== undefined && clausesRaw !== null && !Array.isArray(clausesRaw))
    throw badRequest(`${field}.clauses must be an array.`, 'invalid.value', `${field}.clauses`)
  const clauses = ((clausesRaw as unknown[] | undefined) ?? []).map((c, i) => {
    const co = requireObject(c, `${field}.clauses[${i}]`)
    return {
      type: parseType(co.type, `${field}.clauses[${i}].type`),
      predicates: parsePredicates(co.predicates, `${field}.clauses[${i}].predicates`, allowed)
    }
  })
  const predicates = parsePredicates(o.predicates, `${field}.predicates`, allowed)
  if (predicates.length === 0 && clauses.length === 0)
    throw badRequest(`${field} must contain predicates or clauses.`, 'invalid.value', field)
  return { type: parseType(o.type, `${field}.type`), predicates, clauses }
}

function evalPredicate(p: Predicate, lookup: DimensionLookup): boolean {
  const v = lookup(p.dimension)
  if (p.operator === 'exists') return v !== undefined
  if (p.operator === 'notExists') return v === undefined
  return v !== undefined && v === p.value
}

function combine(type: 'and' | 'or', results: boolean[]): boolean {
  return type === 'and' ? results.every(Boolean) : results.some(Boolean)
}

/** Evaluates a parsed filter. */
export function evalFilter(f: Filter, lookup: DimensionLookup): boolean {
  const parts = [
    ...f.predicates.map((p) => evalPredicate(p, lookup)),
    ...f.clauses.map((c) =>
      combine(
        c.type,
        c.predicates.map((p) => evalPredicate(p, lookup))
      )
    )
  ]
  return combine(f.type, parts)
}

/** Every value a filter tests a dimension against with `matches` (to enumerate candidate groups). */
export function valuesOf(f: Filter, dimension: string): string[] {
  const all = [...f.predicates, ...f.clauses.flatMap((c) => c.predicates)]
  return [
    ...new Set(
      all.filter((p) => p.dimension === dimension && p.operator === 'matches' && p.value !== undefined).map((p) => p.value!)
    )
  ]
}
