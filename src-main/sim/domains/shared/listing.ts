/** Genesys entity listings (`{entities, pageSize, pageNumber, total, pageCount, …Uri}`), paged the same way. */
import { badRequest } from './errors'

/** The paged `…EntityListing` shape every Genesys list endpoint returns. */
export interface EntityListing<T> {
  readonly entities: T[]
  readonly pageSize: number
  readonly pageNumber: number
  readonly total: number
  readonly pageCount: number
  readonly firstUri: string
  readonly selfUri: string
  readonly lastUri: string
  readonly nextUri?: string
  readonly previousUri?: string
}

/** Reads `pageSize` (default 25, max 500 like most Platform lists) and `pageNumber` (1-based). */
export function readPaging(query: URLSearchParams, defaultSize = 25): { pageSize: number; pageNumber: number } {
  const pageSize = query.has('pageSize') ? Number(query.get('pageSize')) : defaultSize
  const pageNumber = query.has('pageNumber') ? Number(query.get('pageNumber')) : 1
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 500) throw badRequest('pageSize must be between 1 and 500.')
  if (!Number.isInteger(pageNumber) || pageNumber < 1) throw badRequest('pageNumber must be a positive integer.')
  return { pageSize, pageNumber }
}

/** Builds one page of a listing for `basePath` from all matching items. */
export function pageOf<T>(items: readonly T[], basePath: string, query: URLSearchParams, defaultSize = 25): EntityListing<T> {
  const { pageSize, pageNumber } = readPaging(query, defaultSize)
  const total = items.length
  const pageCount = Math.max(1, Math.ceil(total / pageSize))
  const uri = (n: number): string => `${basePath}?pageSize=${pageSize}&pageNumber=${n}`
  const start = (pageNumber - 1) * pageSize
  return {
    entities: items.slice(start, start + pageSize),
    pageSize,
    pageNumber,
    total,
    pageCount,
    firstUri: uri(1),
    selfUri: uri(pageNumber),
    lastUri: uri(pageCount),
    ...(pageNumber < pageCount ? { nextUri: uri(pageNumber + 1) } : {}),
    ...(pageNumber > 1 ? { previousUri: uri(pageNumber - 1) } : {})
  }
}

/**
 * The `name` query filter of the Platform list endpoints (queues, wrap-up codes, flows, actions, sites): exact
 * (case-insensitive), or `*` wildcards. Built once per request, then applied to every candidate.
 */
export function nameFilter(filter: string | null): (name: string) => boolean {
  if (filter === null || filter === '') return () => true
  if (!filter.includes('*')) {
    const wanted = filter.toLowerCase()
    return (name) => name.toLowerCase() === wanted
  }
  const pattern = filter
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*')
  const rx = new RegExp(`^${pattern}$`, 'i')
  return (name) => rx.test(name)
}

/** The outbound list endpoints' `name` + `filterType` filter (`Equals`, `Contains`, `Prefix` (default), `RegEx`). */
export function outboundNameMatches(name: string, query: URLSearchParams): boolean {
  const filter = query.get('name')
  if (filter === null || filter === '') return true
  const type = query.get('filterType') ?? 'Prefix'
  const a = name.toLowerCase()
  const b = filter.toLowerCase()
  switch (type) {
    case 'Equals':
      return a === b
    case 'Contains':
      return a.includes(b)
    case 'RegEx':
      try {
        return new RegExp(filter).test(name)
      } catch (e: unknown) {
        throw badRequest(`The name filter is not a valid regular expression: ${String(e)}`)
      }
    default:
      return a.startsWith(b)
  }
}
