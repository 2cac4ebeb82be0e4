/**
 * Routing API: queues (list/get/create/update/delete, members, `queueFlow`), wrap-up codes (`wrapup-codes.ts`), estimated wait
 * time (queue and per media type, with `formula`) and routing priority of a conversation.
 */
import type { CoreContext } from '../core-context'
import { badRequest, requireObject } from '../http/errors'
import type { SimRequest, SimRouter } from '../http/types'
import type { SimMediaType } from '../org/conversation-types'
import { estimateWait } from '../org/ewt'
import { userJson } from './identity'
import { nameFilter } from '../domains/shared/listing'
import { pageOf, parseQueueBody, queueJson } from './queue-json'
import { registerWrapupCodeRoutes } from './wrapup-codes'

const QUEUES = '/api/v2/routing/queues'
const MEDIA = new Set(['all', 'call', 'callback', 'chat', 'email', 'message', 'videoComm'])

function listQueues(ctx: CoreContext, req: SimRequest): Record<string, unknown> {
  const q = req.query
  const ids = new Set(
    q
      .getAll('id')
      .flatMap((v) => v.split(','))
      .filter(Boolean)
  )
  const divisions = new Set(
    q
      .getAll('divisionId')
      .flatMap((v) => v.split(','))
      .filter(Boolean)
  )
  const matchName = nameFilter(q.get('name'))
  const desc = (q.get('sortOrder') ?? 'asc').toLowerCase() === 'desc'
  const items = [...ctx.org.routing.queues.values()]
    .filter(
      (x) => (ids.size === 0 || ids.has(x.id)) && (divisions.size === 0 || divisions.has(x.divisionId)) && matchName(x.name)
    )
    .sort((a, b) => (desc ? -1 : 1) * a.name.localeCompare(b.name))
    .map((x) => queueJson(ctx.org, x))
  return pageOf(items, q, QUEUES)
}

function mediaParam(v: string): SimMediaType | 'all' {
  if (!MEDIA.has(v)) throw badRequest(`Unsupported media type '${v}'.`, 'invalid.value', 'mediaType')
  return v === 'all' || v === 'call' || v === 'callback' ? v : 'callback'
}

/** Registers the routing routes. */
export function registerRoutingRoutes(router: SimRouter, ctx: CoreContext): void {
  const { routing } = ctx.org
  router.add('GET', QUEUES, (req) => ({ status: 200, body: listQueues(ctx, req) }), { permission: 'routing:queue:view' })
  router.add(
    'POST',
    QUEUES,
    (req) => {
      const q = routing.createQueue(parseQueueBody(req.body, req.principal!.userId ?? req.principal!.clientId))
      return { status: 200, body: queueJson(ctx.org, q) }
    },
    { permission: 'routing:queue:add' }
  )
  router.add(
    'GET',
    `${QUEUES}/:queueId`,
    (req) => ({ status: 200, body: queueJson(ctx.org, routing.requireQueue(req.params.queueId!)) }),
    { permission: 'routing:queue:view', permissionMode: 'all' }
  )
  router.add(
    'PUT',
    `${QUEUES}/:queueId`,
    (req) => {
      const q = routing.replaceQueue(
        req.params.queueId!,
        parseQueueBody(req.body, req.principal!.userId ?? req.principal!.clientId)
      )
      return { status: 200, body: queueJson(ctx.org, q) }
    },
    { permission: 'routing:queue:edit' }
  )
  router.add(
    'DELETE',
    `${QUEUES}/:queueId`,
    (req) => {
      routing.deleteQueue(req.params.queueId!)
      return { status: 200 }
    },
    { permission: 'routing:queue:delete' }
  )
  router.add(
    'GET',
    `${QUEUES}/:queueId/members`,
    (req) => {
      const q = routing.requireQueue(req.params.queueId!)
      const members = [...routing.membersOf(q.id)].flatMap((id) => {
        const u = routing.users.get(id)
        if (!u) return []
        return [
          {
            id: u.id,
            name: u.name,
            user: userJson(ctx, u),
            ringNumber: 1,
            joined: true,
            memberBy: 'user',
            routingStatus: { userId: u.id, status: u.routingStatus, startTime: new Date(u.routingStatusSince).toISOString() },
            selfUri: `/api/v2/users/${u.id}`
          }
        ]
      })
      // QueueMemberEntityListing has no totals (cursor-like paging).
      const { total: _t, lastUri: _l, pageCount: _p, ...page } = pageOf(members, req.query, `${QUEUES}/${q.id}/members`)
      return { status: 200, body: page }
    },
    { permission: 'routing:queue:view' }
  )

  router.add(
    'GET',
    `${QUEUES}/:queueId/estimatedwaittime`,
    (req) => {
      const conversationId = req.query.get('conversationId') ?? undefined
      return { status: 200, body: { results: [estimateWait(ctx.org, req.params.queueId!, 'all', conversationId)] } }
    },
    { permission: 'routing:queue:view', permissionMode: 'all' }
  )
  router.add(
    'GET',
    `${QUEUES}/:queueId/mediatypes/:mediaType/estimatedwaittime`,
    (req) => {
      const media = mediaParam(req.params.mediaType!)
      const result = estimateWait(ctx.org, req.params.queueId!, media)
      return { status: 200, body: { results: [{ ...result, intent: req.params.mediaType!.toUpperCase() }] } }
    },
    { permission: 'routing:queue:view', permissionMode: 'all' }
  )

  registerWrapupCodeRoutes(router, ctx)

  router.add(
    'PATCH',
    '/api/v2/routing/conversations/:conversationId',
    (req) => {
      const o = requireObject(req.body)
      const p = o.priority
      if (typeof p !== 'number' || !Number.isInteger(p) || Math.abs(p) > 25_000_000) {
        throw badRequest('priority must be an integer between -25000000 and 25000000.', 'invalid.value', 'priority')
      }
      const conv = ctx.org.conversations.setRoutingPriority(req.params.conversationId!, p)
      const leg = ctx.org.conversations.activeLeg(conv)!
      return {
        status: 200,
        body: { priority: leg.routing!.priority, skills: leg.routing!.skillIds.map((id) => ({ id })), scoredAgents: [] }
      }
    },
    { permission: 'routing:conversation:edit' }
  )
}
