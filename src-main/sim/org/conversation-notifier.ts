/**
 * Publishes what a conversation change means on the notification topics the console watches: the queue
 * conversation topics (snapshot per event, as Genesys does) and the queue observation counts. Bodies are only
 * built when some channel watches the topic, so an unwatched org pays almost nothing per event.
 */
import type { SimClock } from './clock'
import type { SimConversation, SimMediaType } from './conversation-types'
import { toQueueCallbackEvent, toQueueConversationEvent } from './conversation-views'
import type { QueueIndexes } from './queue-indexes'
import type { RoutingStore } from './routing-store'
import type { SimPublish } from '../http/types'

/** Where events go: the notification hub (or a test double). */
export interface SimEventSink {
  readonly publish: SimPublish
  /** True when at least one channel subscribes to the topic (lets publishers skip building bodies). */
  isWatched(topic: string): boolean
}

/** Topic names, in one place. */
export const topics = {
  queueConversations: (queueId: string) => `v2.routing.queues.${queueId}.conversations`,
  queueCallbacks: (queueId: string) => `v2.routing.queues.${queueId}.conversations.callbacks`,
  queueCalls: (queueId: string) => `v2.routing.queues.${queueId}.conversations.calls`,
  queueObservations: (queueId: string) => `v2.analytics.queues.${queueId}.observations`,
  userRoutingStatus: (userId: string) => `v2.users.${userId}.routingStatus`,
  userPresence: (userId: string) => `v2.users.${userId}.presence`
} as const

/** Emits conversation + observation events for the conversation store. */
export class ConversationNotifier {
  constructor(
    private readonly sink: SimEventSink,
    private readonly routing: RoutingStore,
    private readonly indexes: QueueIndexes,
    private readonly clock: SimClock
  ) {}

  /** Publishes the conversation snapshot on every queue it has a participant in. */
  conversationChanged(conv: SimConversation): void {
    const queues = new Set<string>()
    for (const p of conv.participants) if (p.queueId) queues.add(p.queueId)
    for (const q of queues) {
      const all = topics.queueConversations(q)
      if (this.sink.isWatched(all)) this.sink.publish(all, toQueueConversationEvent(conv, this.routing))
      const media = conv.media === 'callback' ? topics.queueCallbacks(q) : topics.queueCalls(q)
      if (this.sink.isWatched(media)) {
        // The calls topic shares the generic nested shape; callbacks use the flattened one.
        const body =
          conv.media === 'callback' ? toQueueCallbackEvent(conv, this.routing) : toQueueConversationEvent(conv, this.routing)
        this.sink.publish(media, body)
      }
    }
  }

  /** Publishes the current counts for one queue + media (`StatEventQueueTopicStatsNotification`). */
  countsChanged(queueId: string, media: SimMediaType): void {
    const topic = topics.queueObservations(queueId)
    if (!this.sink.isWatched(topic)) return
    const now = this.clock.nowIso()
    this.sink.publish(topic, {
      group: { queueId, mediaType: analyticsMediaType(media) },
      data: [
        {
          interval: `${now}/${now}`,
          metrics: [
            { metric: 'oWaiting', stats: { count: this.indexes.countWaiting(queueId, media) } },
            { metric: 'oInteracting', stats: { count: this.indexes.countInteracting(queueId, media) } }
          ]
        }
      ]
    })
  }

  /** Publishes a user's routing status and presence (`v2.users.{id}.routingStatus` / `.presence`). */
  userChanged(userId: string): void {
    const u = this.routing.users.get(userId)
    if (!u) return
    const since = new Date(u.routingStatusSince).toISOString()
    const status = topics.userRoutingStatus(userId)
    if (this.sink.isWatched(status))
      this.sink.publish(status, { id: userId, routingStatus: { status: u.routingStatus, startTime: since } })
    const presence = topics.userPresence(userId)
    if (this.sink.isWatched(presence)) {
      const system = u.presence.toUpperCase().replace(/\s+/g, '_')
      this.sink.publish(presence, {
        source: 'PURECLOUD',
        presenceDefinition: { id: system.toLowerCase(), systemPresence: u.presence },
        primary: true,
        modifiedDate: since
      })
    }
  }

  /** Publishes agent counts after a status or membership change (`oOnQueueUsers` / `oMemberUsers`). */
  agentsChanged(queueId: string): void {
    const topic = topics.queueObservations(queueId)
    if (!this.sink.isWatched(topic)) return
    const now = this.clock.nowIso()
    const byStatus = new Map<string, number>()
    for (const u of this.routing.onQueueMembers(queueId)) byStatus.set(u.routingStatus, (byStatus.get(u.routingStatus) ?? 0) + 1)
    this.sink.publish(topic, {
      group: { queueId },
      data: [
        {
          interval: `${now}/${now}`,
          metrics: [
            { metric: 'oMemberUsers', stats: { count: this.routing.membersOf(queueId).size } },
            ...[...byStatus].map(([qualifier, count]) => ({ metric: 'oOnQueueUsers', qualifier, stats: { count } }))
          ]
        }
      ]
    })
  }
}

/** Analytics names the call media `voice`; everything else keeps its name. */
export function analyticsMediaType(media: SimMediaType): string {
  return media === 'call' ? 'voice' : media
}
