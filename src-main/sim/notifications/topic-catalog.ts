/**
 * The notification topics the demo org offers (`GET /api/v2/notifications/availabletopics`) and what a
 * subscriber must hold to get them, so subscriptions are permission-checked like in Genesys Cloud.
 */
import { hasPermission } from '../auth/permissions'

/** One topic template, `{id}` = one id segment. */
export interface TopicTemplate {
  readonly id: string
  readonly description: string
  /** ALL of these are required. */
  readonly requiresPermissions: readonly string[]
  /** Only the token's own user may subscribe (`v2.users.{id}.…`). */
  readonly requiresCurrentUser?: boolean
  readonly publicApiTemplateUriPaths: readonly string[]
}

const queue = '/api/v2/routing/queues/{id}'
const conversationView = ['routing:queue:view', 'conversation:communication:view']

export const TOPIC_TEMPLATES: readonly TopicTemplate[] = [
  {
    id: 'v2.routing.queues.{id}.conversations',
    description: 'All conversations in a queue',
    requiresPermissions: conversationView,
    publicApiTemplateUriPaths: [queue]
  },
  {
    id: 'v2.routing.queues.{id}.conversations.callbacks',
    description: 'Callback conversations in a queue',
    requiresPermissions: conversationView,
    publicApiTemplateUriPaths: [queue]
  },
  {
    id: 'v2.routing.queues.{id}.conversations.calls',
    description: 'Call conversations in a queue',
    requiresPermissions: conversationView,
    publicApiTemplateUriPaths: [queue]
  },
  {
    id: 'v2.routing.queues.{id}.users',
    description: 'Queue member changes',
    requiresPermissions: ['routing:queue:view'],
    publicApiTemplateUriPaths: [`${queue}/members`]
  },
  {
    id: 'v2.analytics.queues.{id}.observations',
    description: 'Queue observation statistics',
    requiresPermissions: ['analytics:queueObservation:view'],
    publicApiTemplateUriPaths: ['/api/v2/analytics/queues/observations/query']
  },
  {
    id: 'v2.analytics.queues.{id}.activity',
    description: 'Queue activity counts',
    requiresPermissions: ['analytics:queueObservation:view'],
    publicApiTemplateUriPaths: ['/api/v2/analytics/queues/observations/query']
  },
  {
    id: 'v2.outbound.campaigns.{id}',
    description: 'Campaign configuration changes',
    requiresPermissions: ['outbound:campaign:view'],
    publicApiTemplateUriPaths: ['/api/v2/outbound/campaigns/{id}']
  },
  {
    id: 'v2.outbound.campaigns.{id}.progress',
    description: 'Campaign progress',
    requiresPermissions: ['outbound:campaign:view'],
    publicApiTemplateUriPaths: ['/api/v2/outbound/campaigns/{id}/progress']
  },
  {
    id: 'v2.outbound.campaigns.{id}.stats',
    description: 'Campaign statistics',
    requiresPermissions: ['outbound:campaign:view'],
    publicApiTemplateUriPaths: ['/api/v2/outbound/campaigns/{id}/stats']
  },
  {
    id: 'v2.outbound.contactlists.{id}',
    description: 'Contact list changes',
    requiresPermissions: ['outbound:contactList:view'],
    publicApiTemplateUriPaths: ['/api/v2/outbound/contactlists/{id}']
  },
  {
    id: 'v2.outbound.contactlists.{id}.importstatus',
    description: 'Contact list import status',
    requiresPermissions: ['outbound:contactList:view'],
    publicApiTemplateUriPaths: ['/api/v2/outbound/contactlists/{id}/importstatus']
  },
  {
    id: 'v2.outbound.responsesets.{id}',
    description: 'Call analysis response set changes',
    requiresPermissions: ['outbound:responseSet:view'],
    publicApiTemplateUriPaths: ['/api/v2/outbound/callanalysisresponsesets/{id}']
  },
  {
    id: 'v2.outbound.callabletimesets.{id}',
    description: 'Callable time set configuration changes',
    requiresPermissions: ['outbound:callableTimeSet:view'],
    publicApiTemplateUriPaths: ['/api/v2/outbound/callabletimesets/{id}']
  },
  {
    id: 'v2.flows.{id}',
    description: 'Architect flow state (publish, check-in)',
    requiresPermissions: ['architect:flow:view'],
    publicApiTemplateUriPaths: ['/api/v2/flows/{id}']
  },
  {
    id: 'v2.flows.instances.flow.{id}',
    description: 'Workflow execution history',
    requiresPermissions: ['architect:flowExecution:view'],
    publicApiTemplateUriPaths: ['/api/v2/flows/executions/{id}']
  },
  {
    id: 'v2.users.{id}.presence',
    description: "A user's presence",
    requiresPermissions: [],
    publicApiTemplateUriPaths: ['/api/v2/users/{id}/presences']
  },
  {
    id: 'v2.users.{id}.routingStatus',
    description: "A user's routing status",
    requiresPermissions: [],
    publicApiTemplateUriPaths: ['/api/v2/users/{id}/routingstatus']
  },
  {
    id: 'v2.users.{id}.conversations',
    description: "The current user's conversations",
    requiresPermissions: [],
    requiresCurrentUser: true,
    publicApiTemplateUriPaths: ['/api/v2/conversations']
  },
  {
    id: 'v2.users.{id}.conversations.callbacks',
    description: "The current user's callbacks",
    requiresPermissions: [],
    requiresCurrentUser: true,
    publicApiTemplateUriPaths: ['/api/v2/conversations/callbacks']
  }
]

const bySegments = new Map<number, TopicTemplate[]>()
for (const t of TOPIC_TEMPLATES) {
  const n = t.id.split('.').length
  bySegments.set(n, [...(bySegments.get(n) ?? []), t])
}

const ID_SEGMENT = /^[A-Za-z0-9_-]{1,64}$/

/** The template a concrete topic instantiates, plus the `{id}` value. */
export function matchTopic(topic: string): { template: TopicTemplate; id: string } | undefined {
  const segs = topic.split('.')
  for (const t of bySegments.get(segs.length) ?? []) {
    const tsegs = t.id.split('.')
    let id: string | undefined
    let ok = true
    for (let i = 0; i < tsegs.length && ok; i++) {
      if (tsegs[i] === '{id}') {
        if (ID_SEGMENT.test(segs[i]!)) id = segs[i]
        else ok = false
      } else if (tsegs[i] !== segs[i]) ok = false
    }
    if (ok && id !== undefined) return { template: t, id }
  }
  return undefined
}

/** Outcome of checking one topic for one subscriber. */
export type TopicCheck =
  | { readonly ok: true }
  | { readonly ok: false; readonly reason: string; readonly missingPermissions: readonly string[]; readonly unknown: boolean }

/** Checks a topic against the catalogue and the subscriber's permissions / user. */
export function checkTopic(topic: string, permissions: ReadonlySet<string>, userId: string | undefined): TopicCheck {
  const m = matchTopic(topic)
  if (!m) return { ok: false, reason: `Topic ${topic} is not a valid topic`, missingPermissions: [], unknown: true }
  const missing = m.template.requiresPermissions.filter((p) => !hasPermission(permissions, p))
  if (missing.length > 0) return { ok: false, reason: 'Missing permissions', missingPermissions: missing, unknown: false }
  if (m.template.requiresCurrentUser && m.id !== userId) {
    return { ok: false, reason: 'Topic is only available for the current user', missingPermissions: [], unknown: false }
  }
  return { ok: true }
}
