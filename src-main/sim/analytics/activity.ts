/**
 * `POST /api/v2/analytics/conversations/activity/query`: live conversations per group (queue, media, …) with
 * counts and, for metrics asked with `details: true`, one entity per conversation (paged by `pageSize` /
 * `pageNumber`, ordered by activity date).
 */
import { badRequest, requireObject } from '../http/errors'
import { analyticsMediaType } from '../org/conversation-notifier'
import type { SimConversation, SimMediaType } from '../org/conversation-types'
import type { SimOrg } from '../org/org'
import { evalFilter, parseFilter, valuesOf, type Filter } from './filter'

const METRICS = new Set(['oAlerting', 'oInteracting', 'oLongestInteracting', 'oLongestWaiting', 'oWaiting'])
const DIMENSIONS = new Set([
  'queueId',
  'mediaType',
  'conversationId',
  'routingPriority',
  'direction',
  'userId',
  'requestedRouting',
  'usedRouting',
  'sessionId',
  'teamId'
])

interface Activity {
  readonly conv: SimConversation
  readonly queueId: string
  readonly phase: 'waiting' | 'interacting'
  readonly dims: (d: string) => string | undefined
}

function activityOf(org: SimOrg, conv: SimConversation, queueId: string, phase: 'waiting' | 'interacting'): Activity {
  const leg = org.conversations.activeLeg(conv)
  const values: Record<string, string | undefined> = {
    queueId,
    mediaType: analyticsMediaType(conv.media),
    conversationId: conv.id,
    routingPriority: String(leg?.routing?.priority ?? 0),
    direction: conv.call?.dialer ? 'outbound' : 'inbound',
    userId: leg?.userId,
    requestedRouting: 'Standard',
    usedRouting: 'Standard',
    sessionId: leg?.communicationId
  }
  return { conv, queueId, phase, dims: (d) => values[d] }
}

function collect(org: SimOrg, filter: Filter | undefined): Activity[] {
  const queues = filter ? valuesOf(filter, 'queueId') : []
  const queueIds = queues.length > 0 ? queues : [...org.routing.queues.keys()]
  const out: Activity[] = []
  for (const q of queueIds) {
    for (const m of ['callback', 'call'] as SimMediaType[]) {
      for (const c of org.conversations.indexes.findWaiting(q, m)?.values() ?? []) out.push(activityOf(org, c, q, 'waiting'))
      for (const id of org.conversations.indexes.findInteracting(q, m) ?? []) {
        const c = org.conversations.get(id)
        if (c) out.push(activityOf(org, c, q, 'interacting'))
      }
    }
  }
  return filter ? out.filter((a) => evalFilter(filter, a.dims)) : out
}

function entity(org: SimOrg, a: Activity, metric: string): Record<string, unknown> {
  const leg = org.conversations.activeLeg(a.conv)
  const customer = org.conversations.customerOf(a.conv)
  return {
    activityDate: new Date(a.conv.enqueuedAt ?? a.conv.startTime).toISOString(),
    metric,
    conversationId: a.conv.id,
    queueId: a.queueId,
    mediaType: analyticsMediaType(a.conv.media),
    routingPriority: leg?.routing?.priority ?? 0,
    direction: a.dims('direction'),
    sessionId: leg?.communicationId,
    ...(leg?.userId ? { userId: leg.userId } : {}),
    ...(customer?.name ? { participantName: customer.name } : {}),
    ...(a.conv.call ? { ani: `tel:${a.conv.call.ani}`, dnis: `tel:${a.conv.call.dnis}` } : {}),
    ...(a.conv.callback ? { addressTo: a.conv.callback.callbackNumbers[0] } : {}),
    requestedRoutings: ['Standard'],
    usedRouting: 'Standard',
    requestedRoutingSkillIds: leg?.routing?.skillIds ?? []
  }
}

function pageParam(query: URLSearchParams, name: string, dflt: number, max: number): number {
  const v = query.get(name)
  if (v === null) return dflt
  const n = Number(v)
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw badRequest(`${name} must be an integer between 1 and ${max}.`, 'invalid.value', name)
  return n
}

/** Runs a conversation activity query (`ConversationActivityQuery` → `ConversationActivityResponse`). */
export function conversationActivity(org: SimOrg, body: unknown, query: URLSearchParams): Record<string, unknown> {
  const o = requireObject(body)
  if (!Array.isArray(o.metrics) || o.metrics.length === 0)
    throw badRequest('metrics must be a non-empty array.', 'invalid.value', 'metrics')
  const metrics = o.metrics.map((m, i) => {
    const mo = requireObject(m, `metrics[${i}]`)
    if (typeof mo.metric !== 'string' || !METRICS.has(mo.metric))
      throw badRequest(`'${String(mo.metric)}' is not a valid metric.`, 'invalid.value', `metrics[${i}].metric`)
    return { metric: mo.metric, details: mo.details === true }
  })
  const groupBy = o.groupBy === undefined ? [] : o.groupBy
  if (!Array.isArray(groupBy) || groupBy.some((g) => typeof g !== 'string' || !DIMENSIONS.has(g))) {
    throw badRequest('groupBy must be an array of valid dimensions.', 'invalid.value', 'groupBy')
  }
  const order = o.order ?? 'asc'
  if (order !== 'asc' && order !== 'desc' && order !== 'unordered')
    throw badRequest("order must be 'asc', 'desc' or 'unordered'.", 'invalid.value', 'order')
  const filter = o.filter === undefined || o.filter === null ? undefined : parseFilter(o.filter, 'filter', DIMENSIONS)
  const pageSize = pageParam(query, 'pageSize', 100, 1000)
  const pageNumber = pageParam(query, 'pageNumber', 1, 1_000_000)
  const groups = new Map<string, { group: Record<string, string>; items: Activity[] }>()
  for (const a of collect(org, filter)) {
    const group = Object.fromEntries((groupBy as string[]).map((d) => [d, a.dims(d) ?? ''])) as Record<string, string>
    const key = JSON.stringify(group)
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { group, items: [] }))
    g.items.push(a)
  }
  const now = org.clock.now()
  const results = [...groups.values()].map(({ group, items }) => {
    const data = metrics.map(({ metric }) => {
      const phase =
        metric === 'oWaiting' || metric === 'oLongestWaiting' ? 'waiting' : metric === 'oAlerting' ? undefined : 'interacting'
      const mine = phase ? items.filter((a) => a.phase === phase) : []
      if (metric.startsWith('oLongest')) {
        const oldest = Math.min(...mine.map((a) => a.conv.enqueuedAt ?? a.conv.startTime))
        return { metric, count: mine.length > 0 ? 1 : 0, ...(mine.length > 0 ? { calculatedMetricValue: now - oldest } : {}) }
      }
      return { metric, count: mine.length }
    })
    const detailed = metrics.filter((m) => m.details && !m.metric.startsWith('oLongest'))
    const all = detailed.flatMap(({ metric }) => {
      const phase = metric === 'oWaiting' ? 'waiting' : metric === 'oInteracting' ? 'interacting' : undefined
      return items.filter((a) => a.phase === phase).map((a) => ({ a, metric }))
    })
    if (order !== 'unordered') {
      const sign = order === 'desc' ? -1 : 1
      all.sort((x, y) => sign * ((x.a.conv.enqueuedAt ?? 0) - (y.a.conv.enqueuedAt ?? 0)))
    }
    const page = all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize)
    return {
      group,
      data,
      ...(detailed.length > 0
        ? { entities: page.map(({ a, metric }) => entity(org, a, metric)), truncated: all.length > pageNumber * pageSize }
        : {})
    }
  })
  return { results, entityIdDimension: 'conversationId' }
}
