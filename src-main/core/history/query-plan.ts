/**
 * How a History request becomes analytics queries, following the details API's rules (genesys-api.md §3.7):
 * the interval never reaches "now" (data still arriving moves pages and `totalHits`), long ranges are split
 * into day-sized chunks (an overfull chunk can be halved down to 15 minutes), and chunks the analytics data lake
 * already holds are read with one async job each instead of page by page.
 */
import { addDays, daysBetween, isValidTimeZone, startOfZonedDay, type LocalDay } from './zoned-time'

/** A History request: local days `from`..`to` inclusive, in the lead's time zone. */
export interface HistoryRange {
  readonly from: LocalDay
  readonly to: LocalDay
  readonly timeZone: string
}

/** Longest range one report may cover. */
export const MAX_RANGE_DAYS = 31
/** How far behind "now" a query stops, so no page is read while its interval is still filling. */
export const NOW_LAG_MS = 60_000
/** Largest interval of one query. */
export const MAX_CHUNK_MS = 86_400_000
/** Smallest interval an overfull chunk is split into. */
export const MIN_CHUNK_MS = 15 * 60_000
/** How long after the range the campaign's calls are read (callbacks requested late are dialled later). */
export const CAMPAIGN_TAIL_MS = 12 * 3_600_000

/** The range as instants: `[startMs, endMs)` asked, `[startMs, queryEndMs)` actually queryable now. */
export type ResolvedRange =
  | { readonly ok: true; readonly startMs: number; readonly endMs: number; readonly queryEndMs: number }
  | { readonly ok: false; readonly code: 'invalid-range'; readonly message: string }

const invalid = (message: string): ResolvedRange => ({ ok: false, code: 'invalid-range', message })

/** Checks a request and turns its local days into instants, clipped one minute before `nowMs`. */
export function resolveRange(range: HistoryRange, nowMs: number): ResolvedRange {
  if (!isValidTimeZone(range.timeZone)) return invalid(`"${range.timeZone}" is not a time zone this computer knows.`)
  const span = daysBetween(range.from, range.to)
  if (span < 0) return invalid('The first day must not be after the last day.')
  if (span + 1 > MAX_RANGE_DAYS) return invalid(`Choose at most ${MAX_RANGE_DAYS} days at once.`)
  const startMs = startOfZonedDay(range.from, range.timeZone)
  const endMs = startOfZonedDay(addDays(range.to, 1), range.timeZone)
  const queryEndMs = Math.min(endMs, Math.floor((nowMs - NOW_LAG_MS) / 60_000) * 60_000)
  if (queryEndMs <= startMs) return invalid('That day has not started yet; choose today or an earlier day.')
  return { ok: true, startMs, endMs, queryEndMs }
}

/** One query's interval and how it is read: an async job (data lake) or the synchronous query. */
export interface QueryChunk {
  readonly startMs: number
  readonly endMs: number
  readonly source: 'job' | 'query'
}

function slices(startMs: number, endMs: number, source: QueryChunk['source'], maxMs: number): QueryChunk[] {
  const out: QueryChunk[] = []
  for (let s = startMs; s < endMs; s += maxMs) out.push({ startMs: s, endMs: Math.min(endMs, s + maxMs), source })
  return out
}

/**
 * Splits `[startMs, endMs)` into chunks of at most `maxMs`; the part up to `availabilityMs` (the data lake's
 * `dataAvailabilityDate`, null when unknown) is read by jobs, the rest by the synchronous query.
 */
export function planChunks(startMs: number, endMs: number, availabilityMs: number | null, maxMs = MAX_CHUNK_MS): QueryChunk[] {
  const split =
    availabilityMs === null ? startMs : Math.max(startMs, Math.min(endMs, Math.floor(availabilityMs / 60_000) * 60_000))
  return [...slices(startMs, split, 'job', maxMs), ...slices(split, endMs, 'query', maxMs)]
}

/** Halves a chunk whose result is too big to page through; null when it is already as small as allowed. */
export function splitChunk(chunk: QueryChunk): [QueryChunk, QueryChunk] | null {
  if (chunk.endMs - chunk.startMs < 2 * MIN_CHUNK_MS) return null
  const mid = chunk.startMs + Math.floor((chunk.endMs - chunk.startMs) / 2 / 60_000) * 60_000
  return [
    { ...chunk, endMs: mid },
    { ...chunk, startMs: mid }
  ]
}

/** ISO-8601 `start/end` as the analytics APIs take it. */
export function intervalOf(startMs: number, endMs: number): string {
  return `${new Date(startMs).toISOString()}/${new Date(endMs).toISOString()}`
}

/** A details segment filter (`SegmentDetailQueryFilter`). */
export interface SegmentFilter {
  readonly type: 'and' | 'or'
  readonly predicates: readonly {
    readonly type: 'dimension'
    readonly dimension: string
    readonly operator: 'matches'
    readonly value: string
  }[]
}

const match = (dimension: string, value: string) => ({ type: 'dimension', dimension, operator: 'matches', value }) as const

/** The holding queue's callback conversations: every placeholder callback of the solution. */
export function holdingQueueFilters(holdingQueueId: string): SegmentFilter[] {
  return [{ type: 'and', predicates: [match('queueId', holdingQueueId), match('mediaType', 'callback')] }]
}

/** The campaign's calls (the dials of those callbacks), for the agent answer times. */
export function campaignCallFilters(campaignId: string): SegmentFilter[] {
  return [{ type: 'and', predicates: [match('outboundCampaignId', campaignId)] }]
}

/** Body of `POST /api/v2/analytics/conversations/details/query` for one page of a chunk. */
export function detailsQueryBody(filters: readonly SegmentFilter[], chunk: QueryChunk, pageNumber: number, pageSize: number) {
  return {
    interval: intervalOf(chunk.startMs, chunk.endMs),
    order: 'asc',
    orderBy: 'conversationStart',
    segmentFilters: filters,
    paging: { pageSize, pageNumber }
  }
}

/** Body of `POST /api/v2/analytics/conversations/details/jobs` for a chunk. */
export function detailsJobBody(filters: readonly SegmentFilter[], chunk: QueryChunk) {
  return { interval: intervalOf(chunk.startMs, chunk.endMs), order: 'asc', orderBy: 'conversationStart', segmentFilters: filters }
}
