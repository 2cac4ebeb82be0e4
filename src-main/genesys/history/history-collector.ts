/**
 * Collects what a History report is computed from: the holding queue's callback conversations of the range
 * (async jobs for what the data lake holds, the paged query for the rest), the `cc.*` attributes of those the
 * query returned without them, and the campaign's calls for agent answer times. Progress is reported as one
 * fraction that only moves forward.
 */
import { agentAnswersByCallback } from '../../core/history/agent-answers'
import type { HistoryConversation } from '../../core/history/analytics-schema'
import { toCallbackHistory, type CallbackHistoryRecord } from '../../core/history/history-record'
import type { HistoryPhase, HistoryProgress } from '../../core/history/history-views'
import {
  CAMPAIGN_TAIL_MS,
  campaignCallFilters,
  holdingQueueFilters,
  planChunks,
  type QueryChunk,
  type SegmentFilter
} from '../../core/history/query-plan'
import type { ApiResult, Gateway } from '../gateway-types'
import type { Timers } from '../timers'
import type { AttributeReader } from './attribute-reader'
import { listByJob, readAvailability } from './details-jobs'
import { emptyListing, listByQuery, type Listing } from './details-pager'

/** The objects History reads: the holding queue, and the campaign that dials its callbacks (optional). */
export interface HistoryTarget {
  readonly holdingQueueId: string
  readonly campaignId: string | null
}

export interface CollectorDeps {
  readonly gateway: Gateway
  readonly reader: AttributeReader
  readonly timers: Timers
  readonly clock: () => number
  readonly pageSize?: number | undefined
}

export interface CollectRun {
  readonly runId: string
  readonly signal: AbortSignal
  readonly onProgress: (p: HistoryProgress) => void
}

/** What was collected, ready for `ReportSource`. */
export interface Collected {
  readonly records: CallbackHistoryRecord[]
  readonly agentAnswers: Map<string, number>
  readonly agentTimesRead: boolean
  readonly unreadDetails: number
  readonly rejected: number
}

const LABEL = 'read the callback history'
const FATAL = new Set(['unauthorized', 'forbidden', 'cancelled'])

/** Lists conversations of `chunks`: jobs first (falling back to the query when a job fails), then the query. */
async function list(
  deps: CollectorDeps,
  filters: readonly SegmentFilter[],
  chunks: readonly QueryChunk[],
  run: CollectRun,
  tick: (done: number, total: number) => void
): Promise<ApiResult<{ listing: Listing; withAttributes: Set<string> }>> {
  const listing = emptyListing()
  const withAttributes = new Set<string>()
  const queryChunks = chunks.filter((c) => c.source === 'query')
  let done = 0
  for (const chunk of chunks.filter((c) => c.source === 'job')) {
    const jobListing = emptyListing()
    const r = await listByJob(deps.gateway, filters, chunk, jobListing, {
      signal: run.signal,
      timers: deps.timers,
      clock: deps.clock,
      label: LABEL,
      onTick: () => tick(done, chunks.length)
    })
    if (!r.ok && FATAL.has(r.error.code)) return r
    if (!r.ok) queryChunks.push({ ...chunk, source: 'query' })
    else {
      for (const [id, conv] of jobListing.conversations) {
        listing.conversations.set(id, conv)
        withAttributes.add(id)
      }
      listing.rejected += jobListing.rejected
    }
    tick(++done, chunks.length)
  }
  const base = done
  const fromQuery = emptyListing()
  const r = await listByQuery(
    deps.gateway,
    filters,
    queryChunks,
    {
      signal: run.signal,
      label: LABEL,
      onPage: (d, t) => tick(base + d, base + t),
      ...(deps.pageSize ? { pageSize: deps.pageSize } : {})
    },
    fromQuery
  )
  // A conversation both a job and the query returned (it spans the data lake's edge): the query's is fresher.
  for (const [id, conv] of fromQuery.conversations) {
    listing.conversations.set(id, conv)
    withAttributes.delete(id)
  }
  listing.rejected += fromQuery.rejected
  return r.ok ? { ok: true, value: { listing, withAttributes } } : r
}

function startedIn(conv: HistoryConversation, startMs: number, endMs: number): boolean {
  const at = Date.parse(conv.conversationStart ?? '')
  return at >= startMs && at < endMs
}

/** Reads everything a report of `[startMs, endMs)` needs (the org is read up to `queryEndMs`). */
export async function collectHistory(
  deps: CollectorDeps,
  target: HistoryTarget,
  range: { readonly startMs: number; readonly endMs: number; readonly queryEndMs: number },
  run: CollectRun
): Promise<ApiResult<Collected>> {
  let last = 0
  let sent: { phase: HistoryPhase; fraction: number } | null = null
  // At most one event per percent of progress (plus phase changes and the end of a phase): thousands of
  // callbacks must not mean thousands of events on the bridge.
  const progress = (phase: HistoryPhase, from: number, to: number, done: number, total: number, message: string): void => {
    last = Math.max(last, from + (to - from) * (total === 0 ? 1 : Math.min(1, done / total)))
    const fraction = Math.round(last * 1000) / 1000
    if (sent && sent.phase === phase && fraction - sent.fraction < 0.01 && done < total) return
    sent = { phase, fraction }
    run.onProgress({ runId: run.runId, phase, fraction, message })
  }
  progress('listing', 0, 0.3, 0, 1, 'Looking for callbacks…')
  const availability = await readAvailability(deps.gateway, {
    signal: run.signal,
    timers: deps.timers,
    clock: deps.clock,
    label: LABEL
  })
  if (run.signal.aborted) return { ok: false, error: { code: 'cancelled', message: `${LABEL} was cancelled.` } }
  const chunks = planChunks(range.startMs, range.queryEndMs, availability)
  const listed = await list(deps, holdingQueueFilters(target.holdingQueueId), chunks, run, (d, t) =>
    progress('listing', 0, 0.3, d, t, `Looking for callbacks: ${d} of ${t} part(s) of the range read…`)
  )
  if (!listed.ok) return listed
  const { listing, withAttributes } = listed.value
  const inRange = [...listing.conversations.values()].filter((c) => startedIn(c, range.startMs, range.endMs))
  const toRead = inRange.filter((c) => !withAttributes.has(c.conversationId)).map((c) => c.conversationId)
  const reads = await deps.reader.read(toRead, {
    signal: run.signal,
    onRead: (d, t) => progress('details', 0.3, 0.85, d, t, `Reading callback details: ${d} of ${t}`)
  })
  if (!reads.ok) return reads
  const records = inRange
    .map((c) => toCallbackHistory(c, reads.value.enrichments.get(c.conversationId) ?? null))
    .filter((r): r is CallbackHistoryRecord => r !== null)
  let agentAnswers = new Map<string, number>()
  let agentTimesRead = target.campaignId !== null
  if (target.campaignId !== null && records.some((r) => r.outcome === 'connected')) {
    const callsEnd = Math.min(range.queryEndMs, range.endMs + CAMPAIGN_TAIL_MS)
    const calls = await list(
      deps,
      campaignCallFilters(target.campaignId),
      planChunks(range.startMs, callsEnd, availability),
      run,
      (d, t) => progress('agent-times', 0.85, 0.97, d, t, 'Reading when agents answered…')
    )
    if (!calls.ok && FATAL.has(calls.error.code) && calls.error.code !== 'forbidden') return calls
    if (calls.ok) agentAnswers = agentAnswersByCallback(calls.value.listing.conversations.values())
    else agentTimesRead = false
  }
  return {
    ok: true,
    value: { records, agentAnswers, agentTimesRead, unreadDetails: reads.value.unread.length, rejected: listing.rejected }
  }
}
