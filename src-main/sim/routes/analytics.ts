/**
 * Analytics API: queue observations (real-time counts + detail observations), conversation activity and
 * conversation details queries.
 */
import { conversationActivity } from '../analytics/activity'
import { conversationDetails } from '../analytics/details'
import { queueObservations } from '../analytics/observations'
import type { CoreContext } from '../core-context'
import type { SimRouter } from '../http/types'

/** Registers the analytics query routes. */
export function registerAnalyticsRoutes(router: SimRouter, ctx: CoreContext): void {
  router.add(
    'POST',
    '/api/v2/analytics/queues/observations/query',
    (req) => ({ status: 200, body: queueObservations(ctx.org, req.body) }),
    {
      permission: 'analytics:queueObservation:view'
    }
  )
  router.add(
    'POST',
    '/api/v2/analytics/conversations/activity/query',
    (req) => ({
      status: 200,
      body: conversationActivity(ctx.org, req.body, req.query)
    }),
    { permission: 'analytics:queueObservation:view' }
  )
  router.add(
    'POST',
    '/api/v2/analytics/conversations/details/query',
    (req) => ({ status: 200, body: conversationDetails(ctx.org, req.body) }),
    {
      permission: ['analytics:conversationDetail:view', 'analytics:agentConversationDetail:view']
    }
  )
}
