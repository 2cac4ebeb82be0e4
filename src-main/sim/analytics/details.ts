/**
 * `POST /api/v2/analytics/conversations/details/query`: conversations overlapping `interval`, filtered by
 * conversation and segment filters, ordered by start, paged (default 25, max 100), with `totalHits`.
 * Each participant becomes one session with one segment (acd/agent segments carry the queue).
 */
import { badRequest, requireObject } from '../http/errors'
import { analyticsMediaType } from '../org/conversation-notifier'
import type { SimConversation, SimParticipant } from '../org/conversation-types'
import type { SimOrg } from '../org/org'
import { evalFilter, parseFilter, type Filter } from './filter'

const CONVERSATION_DIMS = new Set([
  'conversationId',
  'conversationEnd',
  'conversationStart',
  'divisionId',
  'originatingDirection',
  'externalTag'
])
const SEGMENT_DIMS = new Set([
  'queueId',
  'mediaType',
  'segmentType',
  'segmentEnd',
  'purpose',
  'direction',
  'participantName',
  'userId',
  'sessionId',
  'disconnectType',
  'outboundCampaignId',
  'outboundContactListId',
  'outboundContactId',
  'ani',
  'dnis',
  'conversationId'
])

const iso = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : new Date(ms).toISOString())

function parseInterval(v: unknown): [number, number] {
  if (typeof v !== 'string') throw badRequest('interval is required (ISO-8601 start/end).', 'invalid.value', 'interval')
  const [a, b] = v.split('/')
  const start = Date.parse(a ?? '')
  const end = Date.parse(b ?? '')
  if (Number.isNaN(start) || Number.isNaN(end) || end <= start)
    throw badRequest(`interval '${v}' is not a valid ISO-8601 interval.`, 'invalid.value', 'interval')
  return [start, end]
}

function filters(v: unknown, field: string, dims: ReadonlySet<string>): Filter[] {
  if (v === undefined || v === null) return []
  if (!Array.isArray(v)) throw badRequest(`${field} must be an array.`, 'invalid.value', field)
  return v.map((f, i) => parseFilter(f, `${field}[${i}]`, dims))
}

function segmentType(p: SimParticipant): string {
  if (p.purpose === 'ivr' || p.purpose === 'workflow') return 'ivr'
  if (p.purpose === 'acd') return 'interact'
  return p.state === 'connected' || p.state === 'disconnected' ? 'interact' : 'dialing'
}

function segmentDims(conv: SimConversation, p: SimParticipant): (d: string) => string | undefined {
  const dialer = conv.call?.dialer
  const values: Record<string, string | undefined> = {
    queueId: p.queueId,
    mediaType: analyticsMediaType(conv.media),
    segmentType: segmentType(p),
    segmentEnd: iso(p.endTime),
    purpose: p.purpose,
    direction: p.direction,
    participantName: p.name,
    userId: p.userId,
    sessionId: p.communicationId,
    disconnectType: p.disconnectType,
    outboundCampaignId: dialer?.campaignId,
    outboundContactListId: dialer?.contactListId,
    outboundContactId: dialer?.contactId,
    ani: conv.call ? `tel:${conv.call.ani}` : undefined,
    dnis: conv.call ? `tel:${conv.call.dnis}` : undefined,
    conversationId: conv.id
  }
  return (d) => values[d]
}

function session(conv: SimConversation, p: SimParticipant): Record<string, unknown> {
  const cb = conv.callback
  const dialer = conv.call?.dialer
  const dims = segmentDims(conv, p)
  return {
    sessionId: p.communicationId,
    mediaType: analyticsMediaType(conv.media),
    direction: p.direction,
    ...(conv.call ? { ani: dims('ani'), dnis: dims('dnis'), addressFrom: dims('ani'), addressTo: dims('dnis') } : {}),
    ...(cb
      ? {
          callbackNumbers: [...cb.callbackNumbers],
          ...(cb.callbackUserName ? { callbackUserName: cb.callbackUserName } : {}),
          ...(cb.callbackScheduledTime !== undefined ? { callbackScheduledTime: iso(cb.callbackScheduledTime) } : {})
        }
      : {}),
    ...(dialer
      ? {
          outboundCampaignId: dialer.campaignId,
          outboundContactListId: dialer.contactListId,
          outboundContactId: dialer.contactId
        }
      : {}),
    ...(p.purpose === 'acd' || p.purpose === 'agent' ? { requestedRoutings: ['Standard'], usedRouting: 'Standard' } : {}),
    ...(p.name ? { remote: p.name } : {}),
    segments: [
      {
        segmentStart: iso(p.startTime),
        ...(p.endTime !== undefined ? { segmentEnd: iso(p.endTime) } : {}),
        segmentType: segmentType(p),
        ...(p.queueId ? { queueId: p.queueId } : {}),
        ...(p.disconnectType ? { disconnectType: p.disconnectType } : {}),
        conference: false
      }
    ],
    metrics:
      p.purpose === 'acd' && conv.media === 'callback'
        ? [{ emitDate: iso(p.startTime), name: 'nCallbackScheduled', value: 1 }]
        : []
  }
}

function conversationJson(conv: SimConversation): Record<string, unknown> {
  return {
    conversationId: conv.id,
    conversationStart: iso(conv.startTime),
    ...(conv.endTime !== undefined ? { conversationEnd: iso(conv.endTime) } : {}),
    divisionIds: [conv.divisionId],
    originatingDirection: conv.call?.dialer ? 'outbound' : 'inbound',
    participants: conv.participants.map((p) => ({
      participantId: p.id,
      ...(p.name ? { participantName: p.name } : {}),
      purpose: p.purpose,
      ...(p.userId ? { userId: p.userId } : {}),
      sessions: [session(conv, p)]
    }))
  }
}

/** Runs a details query (`ConversationQuery` → `AnalyticsConversationQueryResponse`). */
export function conversationDetails(org: SimOrg, body: unknown): Record<string, unknown> {
  const o = requireObject(body)
  const [start, end] = parseInterval(o.interval)
  const convFilters = filters(o.conversationFilters, 'conversationFilters', CONVERSATION_DIMS)
  const segFilters = filters(o.segmentFilters, 'segmentFilters', SEGMENT_DIMS)
  const order = o.order ?? 'asc'
  if (order !== 'asc' && order !== 'desc') throw badRequest("order must be 'asc' or 'desc'.", 'invalid.value', 'order')
  if (o.orderBy !== undefined && o.orderBy !== 'conversationStart' && o.orderBy !== 'conversationEnd') {
    throw badRequest(`orderBy '${String(o.orderBy)}' is not supported.`, 'invalid.value', 'orderBy')
  }
  const paging = o.paging === undefined || o.paging === null ? {} : requireObject(o.paging, 'paging')
  const pageSize = paging.pageSize ?? 25
  const pageNumber = paging.pageNumber ?? 1
  if (typeof pageSize !== 'number' || !Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100)
    throw badRequest('paging.pageSize must be 1..100.', 'invalid.value', 'paging.pageSize')
  if (typeof pageNumber !== 'number' || !Number.isInteger(pageNumber) || pageNumber < 1)
    throw badRequest('paging.pageNumber must be ≥ 1.', 'invalid.value', 'paging.pageNumber')
  const now = org.clock.now()
  const hits: SimConversation[] = []
  for (const conv of org.conversations.all()) {
    if (conv.startTime >= end || (conv.endTime ?? now) < start) continue
    const cdims: Record<string, string | undefined> = {
      conversationId: conv.id,
      conversationStart: iso(conv.startTime),
      conversationEnd: iso(conv.endTime),
      divisionId: conv.divisionId,
      originatingDirection: conv.call?.dialer ? 'outbound' : 'inbound'
    }
    if (!convFilters.every((f) => evalFilter(f, (d) => cdims[d]))) continue
    if (!segFilters.every((f) => conv.participants.some((p) => evalFilter(f, segmentDims(conv, p))))) continue
    hits.push(conv)
  }
  const key = (c: SimConversation): number => (o.orderBy === 'conversationEnd' ? (c.endTime ?? now) : c.startTime)
  hits.sort((a, b) => (order === 'desc' ? key(b) - key(a) : key(a) - key(b)))
  const page = hits.slice((pageNumber - 1) * pageSize, pageNumber * pageSize)
  return { ...(page.length > 0 ? { conversations: page.map((c) => conversationJson(c)) } : {}), totalHits: hits.length }
}
