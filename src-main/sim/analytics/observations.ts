/**
 * `POST /api/v2/analytics/queues/observations/query`: live counts per queue and media type (`oWaiting`,
 * `oInteracting`, agent metrics) and, with `detailMetrics`, the waiting / interacting conversations themselves
 * (oldest first, `truncated` past the limit). Counts come from the O(1) queue indexes.
 */
import { badRequest, requireObject } from '../http/errors'
import type { SimConversation, SimMediaType } from '../org/conversation-types'
import type { SimOrg } from '../org/org'
import { evalFilter, parseFilter, valuesOf } from './filter'

const METRICS = new Set([
  'oActiveUsers',
  'oAlerting',
  'oInteracting',
  'oLongestInteracting',
  'oLongestWaiting',
  'oMemberUsers',
  'oOffQueueUsers',
  'oOnQueueUsers',
  'oUserPresences',
  'oUserRoutingStatuses',
  'oWaiting'
])
const DETAIL_METRICS = new Set([...METRICS].filter((m) => !m.startsWith('oLongest')))
const DIMENSIONS = new Set(['queueId', 'mediaType'])
/** Analytics media names and the sim media they map to (others are valid but always empty). */
const MEDIA: Record<string, SimMediaType | undefined> = {
  voice: 'call',
  callback: 'callback',
  chat: undefined,
  email: undefined,
  message: undefined,
  cobrowse: undefined,
  video: undefined,
  screenshare: undefined
}
/** Most observations returned per metric before `truncated` is set. */
export const OBSERVATION_LIMIT = 1000

function metricList(v: unknown, field: string, allowed: ReadonlySet<string>, required: boolean): string[] {
  if (v === undefined && !required) return []
  if (!Array.isArray(v) || (required && v.length === 0))
    throw badRequest(`${field} must be a non-empty array.`, 'invalid.value', field)
  for (const m of v)
    if (typeof m !== 'string' || !allowed.has(m))
      throw badRequest(`'${String(m)}' is not a valid ${field} value.`, 'invalid.value', field)
  return v as string[]
}

function conversationsIn(
  org: SimOrg,
  queueId: string,
  media: SimMediaType | undefined,
  phase: 'waiting' | 'interacting'
): SimConversation[] {
  const medias: SimMediaType[] = media ? [media] : ['callback', 'call']
  const out: SimConversation[] = []
  for (const m of medias) {
    if (phase === 'waiting') out.push(...(org.conversations.indexes.findWaiting(queueId, m)?.values() ?? []))
    else
      for (const id of org.conversations.indexes.findInteracting(queueId, m) ?? []) {
        const c = org.conversations.get(id)
        if (c) out.push(c)
      }
  }
  return out
}

/** `ObservationValue` for one conversation. */
function observation(org: SimOrg, c: SimConversation): Record<string, unknown> {
  const leg = org.conversations.activeLeg(c)
  const customer = org.conversations.customerOf(c)
  const since = c.enqueuedAt ?? c.startTime
  return {
    observationDate: new Date(since).toISOString(),
    conversationId: c.id,
    sessionId: leg?.communicationId,
    routingPriority: leg?.routing?.priority ?? 0,
    ...(customer?.name ? { participantName: customer.name } : {}),
    direction: c.call?.dialer ? 'outbound' : 'inbound',
    ...(leg?.userId ? { userId: leg.userId } : {}),
    ...(c.call ? { ani: `tel:${c.call.ani}`, dnis: `tel:${c.call.dnis}` } : {}),
    ...(c.callback ? { addressTo: c.callback.callbackNumbers[0] } : {}),
    requestedRoutings: ['Standard'],
    usedRouting: 'Standard',
    requestedRoutingSkillIds: leg?.routing?.skillIds ?? []
  }
}

function detail(org: SimOrg, list: SimConversation[]): { observations: unknown[]; truncated?: boolean } {
  list.sort((a, b) => (a.enqueuedAt ?? a.startTime) - (b.enqueuedAt ?? b.startTime))
  const truncated = list.length > OBSERVATION_LIMIT
  return { observations: list.slice(0, OBSERVATION_LIMIT).map((c) => observation(org, c)), ...(truncated ? { truncated } : {}) }
}

function metricData(
  org: SimOrg,
  queueId: string,
  media: SimMediaType | undefined,
  known: boolean,
  metric: string,
  withDetail: boolean
): unknown[] {
  const users = () => [...org.routing.membersOf(queueId)].flatMap((id) => org.routing.users.get(id) ?? [])
  const byQualifier = (key: (u: ReturnType<typeof users>[number]) => string | undefined) => {
    const counts = new Map<string, number>()
    for (const u of users()) {
      const k = key(u)
      if (k) counts.set(k, (counts.get(k) ?? 0) + 1)
    }
    return [...counts].map(([qualifier, count]) => ({ metric, qualifier, stats: { count } }))
  }
  switch (metric) {
    case 'oWaiting':
    case 'oInteracting': {
      const phase = metric === 'oWaiting' ? 'waiting' : 'interacting'
      const list = known ? conversationsIn(org, queueId, media, phase) : []
      return [{ metric, stats: { count: list.length }, ...(withDetail ? detail(org, list) : {}) }]
    }
    case 'oAlerting':
      return [{ metric, stats: { count: 0 }, ...(withDetail ? { observations: [] } : {}) }]
    case 'oLongestWaiting':
    case 'oLongestInteracting': {
      const list = known ? conversationsIn(org, queueId, media, metric === 'oLongestWaiting' ? 'waiting' : 'interacting') : []
      if (list.length === 0) return [{ metric, stats: { count: 0 } }]
      const oldest = Math.min(...list.map((c) => c.enqueuedAt ?? c.startTime))
      const ms = org.clock.now() - oldest
      return [{ metric, stats: { count: 1, max: ms, calculatedMetricValue: ms } }]
    }
    case 'oMemberUsers':
      return [{ metric, stats: { count: users().length } }]
    case 'oActiveUsers':
      return [{ metric, stats: { count: users().filter((u) => u.presence !== 'Offline').length } }]
    case 'oOffQueueUsers':
      return [
        { metric, stats: { count: users().filter((u) => u.routingStatus === 'OFF_QUEUE' && u.presence !== 'Offline').length } }
      ]
    case 'oOnQueueUsers':
      return byQualifier((u) => (u.routingStatus === 'OFF_QUEUE' ? undefined : u.routingStatus))
    case 'oUserRoutingStatuses':
      return byQualifier((u) => u.routingStatus)
    case 'oUserPresences':
      return byQualifier((u) => u.presence.toUpperCase().replace(/\s+/g, '_'))
    default:
      return []
  }
}

/** Runs a queue observation query (`QueueObservationQuery` → `QueueObservationQueryResponse`). */
export function queueObservations(org: SimOrg, body: unknown): Record<string, unknown> {
  const o = requireObject(body)
  const filter = parseFilter(o.filter, 'filter', DIMENSIONS)
  const metrics = metricList(o.metrics, 'metrics', METRICS, true)
  const detailMetrics = new Set(metricList(o.detailMetrics, 'detailMetrics', DETAIL_METRICS, false))
  const queues = valuesOf(filter, 'queueId')
  if (queues.length === 0) throw badRequest('The filter must select at least one queueId.', 'invalid.value', 'filter')
  const medias = valuesOf(filter, 'mediaType')
  for (const m of medias) if (!(m in MEDIA)) throw badRequest(`'${m}' is not a valid mediaType.`, 'invalid.value', 'filter')
  const results: unknown[] = []
  for (const queueId of queues) {
    for (const mediaName of medias.length > 0 ? medias : [undefined]) {
      if (!evalFilter(filter, (d) => (d === 'queueId' ? queueId : d === 'mediaType' ? mediaName : undefined))) continue
      const media = mediaName === undefined ? undefined : MEDIA[mediaName]
      const known = mediaName === undefined || media !== undefined
      const data = [...new Set([...metrics, ...detailMetrics])].flatMap((m) =>
        metricData(org, queueId, media, known, m, detailMetrics.has(m))
      )
      results.push({ group: { queueId, ...(mediaName ? { mediaType: mediaName } : {}) }, data })
    }
  }
  return { results }
}
