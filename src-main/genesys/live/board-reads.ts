/**
 * The REST reads the live board is built from, chosen for API economy: one observation query lists every
 * waiting callback id (plus the queues' live counts), details queries return up to 100 callbacks per call,
 * and `getConversationsCallback` is only used for the few ids nothing else explains. All go through the
 * gateway, so they are budgeted, retried and counted.
 */
import type { ApiResult, Gateway } from '../gateway-types'

/** What the observation query says about the holding queue(s). */
export interface HoldingListing {
  /** The raw `QueueObservationQueryResponse`, for the board's queue KPIs. */
  readonly response: unknown
  /** Ids of conversations waiting in the holding queue(s), oldest first. */
  readonly ids: readonly string[]
  /** `oWaiting` count of the holding queue(s). */
  readonly count: number
  /** True when the service cut the detail list short. */
  readonly truncated: boolean
}

interface ObservationResult {
  readonly group?: { readonly queueId?: string }
  readonly data?: ReadonlyArray<{
    readonly metric?: string
    readonly stats?: { readonly count?: number }
    readonly truncated?: boolean
    readonly observations?: ReadonlyArray<{ readonly conversationId?: string }>
  }>
}

/** One observation query over the holding and target queues, with waiting details. */
export async function readListing(
  gateway: Gateway,
  holdingIds: readonly string[],
  targetIds: readonly string[],
  signal: AbortSignal
): Promise<ApiResult<HoldingListing>> {
  const queues = [...new Set([...holdingIds, ...targetIds])]
  const r = await gateway.call(
    'POST /api/v2/analytics/queues/observations/query',
    (a) =>
      a.analytics.postAnalyticsQueuesObservationsQuery({
        filter: {
          type: 'or',
          predicates: queues.map((value) => ({ type: 'dimension', dimension: 'queueId', operator: 'matches', value }))
        },
        metrics: ['oWaiting', 'oInteracting', 'oOnQueueUsers'],
        detailMetrics: ['oWaiting']
      }),
    { signal, idempotent: true, label: 'list the waiting callbacks' }
  )
  if (!r.ok) return r
  const holding = new Set(holdingIds)
  const ids: string[] = []
  let count = 0
  let truncated = false
  for (const result of (r.value.results ?? []) as readonly ObservationResult[]) {
    if (!result.group?.queueId || !holding.has(result.group.queueId)) continue
    for (const d of result.data ?? []) {
      if (d.metric !== 'oWaiting') continue
      count += d.stats?.count ?? 0
      truncated ||= d.truncated === true
      for (const o of d.observations ?? []) if (o.conversationId) ids.push(o.conversationId)
    }
  }
  const listed = [...new Set(ids)]
  return { ok: true, value: { response: r.value, ids: listed, count, truncated: truncated || listed.length < count } }
}

/** Callbacks read in bulk from details queries, and whether the pages covered every hit. */
export interface DetailsRead {
  readonly conversations: readonly unknown[]
  readonly ids: readonly string[]
  readonly complete: boolean
}

const DETAILS_PAGE_SIZE = 100
/** How far back a waiting callback may have been created and still be found by the details query. */
const DETAILS_LOOKBACK_MS = 7 * 24 * 3_600_000

/** Every callback still waiting in the holding queue(s): `ceil(n / 100)` details queries. */
export async function readWaitingDetails(
  gateway: Gateway,
  holdingIds: readonly string[],
  nowMs: number,
  signal: AbortSignal,
  maxPages = 100
): Promise<ApiResult<DetailsRead>> {
  const interval = `${new Date(nowMs - DETAILS_LOOKBACK_MS).toISOString()}/${new Date(nowMs + 3_600_000).toISOString()}`
  const conversations: unknown[] = []
  const ids = new Set<string>()
  let totalHits = 0
  for (let page = 1; page <= maxPages; page++) {
    const r = await gateway.call(
      'POST /api/v2/analytics/conversations/details/query',
      (a) =>
        a.analytics.postAnalyticsConversationsDetailsQuery({
          interval,
          order: 'asc',
          orderBy: 'conversationStart',
          paging: { pageSize: DETAILS_PAGE_SIZE, pageNumber: page },
          conversationFilters: [
            { type: 'and', predicates: [{ type: 'dimension', dimension: 'conversationEnd', operator: 'notExists' }] }
          ],
          segmentFilters: [
            {
              type: 'and',
              predicates: [
                { type: 'dimension', dimension: 'mediaType', operator: 'matches', value: 'callback' },
                { type: 'dimension', dimension: 'segmentEnd', operator: 'notExists' }
              ],
              clauses: [
                {
                  type: 'or',
                  predicates: holdingIds.map((value) => ({ type: 'dimension', dimension: 'queueId', operator: 'matches', value }))
                }
              ]
            }
          ]
        } as Parameters<typeof a.analytics.postAnalyticsConversationsDetailsQuery>[0]),
      { signal, idempotent: true, label: 'read the waiting callbacks' }
    )
    if (!r.ok) return r
    const batch = r.value.conversations ?? []
    totalHits = r.value.totalHits ?? totalHits
    for (const c of batch) {
      if (!c.conversationId || ids.has(c.conversationId)) continue
      ids.add(c.conversationId)
      conversations.push(c)
    }
    if (batch.length < DETAILS_PAGE_SIZE || page * DETAILS_PAGE_SIZE >= totalHits) break
  }
  return { ok: true, value: { conversations, ids: [...ids], complete: ids.size >= totalHits } }
}

/** Reads callbacks one by one (`getConversationsCallback`), a few at a time; 404s are skipped. */
export async function readCallbacks(
  gateway: Gateway,
  ids: readonly string[],
  signal: AbortSignal,
  concurrency = 6
): Promise<ApiResult<unknown[]>> {
  const out: unknown[] = []
  let failure: ApiResult<never> | null = null
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < ids.length && failure === null) {
      const id = ids[next++]!
      const r = await gateway.call(
        'GET /api/v2/conversations/callbacks/{conversationId}',
        (a) => a.conversations.getConversationsCallback(id),
        {
          signal,
          label: 'read a callback'
        }
      )
      if (r.ok) out.push(r.value)
      else if (r.error.code !== 'not-found') failure = r
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker))
  return failure ?? { ok: true, value: out }
}

/** Campaign, progress, stats, contact list and target EWTs, read in parallel; failures leave a field out. */
export interface AggregateReads {
  readonly campaign?: unknown
  readonly campaignProgress?: unknown
  readonly campaignStats?: unknown
  readonly contactList?: unknown
  readonly estimatedWaits: Record<string, unknown>
}

/** Reads the header figures that have no listing of their own (aggregates are never worth failing a sync over). */
export async function readAggregates(
  gateway: Gateway,
  ids: { campaignId: string; contactListId: string; targetQueueIds: readonly string[] },
  signal: AbortSignal
): Promise<AggregateReads> {
  const opts = { signal, label: 'read the campaign figures' }
  const [campaign, progress, stats, list, estimatedWaits] = await Promise.all([
    gateway.call('GET /api/v2/outbound/campaigns/{campaignId}', (a) => a.outbound.getOutboundCampaign(ids.campaignId), opts),
    gateway.call(
      'GET /api/v2/outbound/campaigns/{campaignId}/progress',
      (a) => a.outbound.getOutboundCampaignProgress(ids.campaignId),
      opts
    ),
    gateway.call(
      'GET /api/v2/outbound/campaigns/{campaignId}/stats',
      (a) => a.outbound.getOutboundCampaignStats(ids.campaignId),
      opts
    ),
    gateway.call(
      'GET /api/v2/outbound/contactlists/{contactListId}',
      (a) => a.outbound.getOutboundContactlist(ids.contactListId),
      opts
    ),
    readEstimatedWaits(gateway, ids.targetQueueIds, signal)
  ])
  return {
    ...(campaign.ok ? { campaign: campaign.value } : {}),
    ...(progress.ok ? { campaignProgress: progress.value } : {}),
    ...(stats.ok ? { campaignStats: stats.value } : {}),
    ...(list.ok ? { contactList: list.value } : {}),
    estimatedWaits
  }
}

/** `GET /api/v2/routing/queues/{queueId}/estimatedwaittime` per target queue, in parallel; failures are left out. */
export async function readEstimatedWaits(
  gateway: Gateway,
  queueIds: readonly string[],
  signal: AbortSignal
): Promise<Record<string, unknown>> {
  const reads = await Promise.all(
    queueIds.map((queueId) =>
      gateway.call(
        'GET /api/v2/routing/queues/{queueId}/estimatedwaittime',
        (a) => a.routing.getRoutingQueueEstimatedwaittime(queueId),
        { signal, label: 'read the estimated wait' }
      )
    )
  )
  const estimatedWaits: Record<string, unknown> = {}
  queueIds.forEach((q, i) => {
    const r = reads[i]
    if (r?.ok) estimatedWaits[q] = r.value
  })
  return estimatedWaits
}

/** `GET /api/v2/outbound/callabletimesets/{id}`: the campaign's call windows, for the reschedule warning. */
export function readCallableTimeSet(gateway: Gateway, id: string, signal: AbortSignal): Promise<ApiResult<unknown>> {
  return gateway.call(
    'GET /api/v2/outbound/callabletimesets/{callableTimeSetId}',
    (a) => a.outbound.getOutboundCallabletimeset(id),
    { signal, label: 'read the campaign’s callable hours' }
  )
}
