/**
 * Notification topic names: the ones the board subscribes to (genesys-api.md §2.4) and a classifier from a
 * frame's `topicName` to what it is about. Shared by the channel manager (which subscribes and watches
 * heartbeats) and the board (which reduces data frames), so both agree on every name.
 */

/** A data topic the board reduces, with the id it is about. */
export type DataTopic =
  | { readonly kind: 'queue-callbacks'; readonly queueId: string }
  | { readonly kind: 'queue-conversations'; readonly queueId: string }
  | { readonly kind: 'queue-observations'; readonly queueId: string }
  | { readonly kind: 'campaign'; readonly campaignId: string }
  | { readonly kind: 'campaign-progress'; readonly campaignId: string }
  | { readonly kind: 'campaign-stats'; readonly campaignId: string }
  | { readonly kind: 'contact-list'; readonly contactListId: string }

/** A frame from the notification service itself (genesys-api.md §2.3). */
export type SystemTopic =
  'heartbeat' | 'pong' | 'channel-metadata' | 'socket-closing' | 'no-longer-subscribed' | 'token-revoked' | 'subscription-updated'

/** What a topic name denotes. */
export type TopicClass =
  | { readonly kind: 'data'; readonly topic: DataTopic }
  | { readonly kind: 'system'; readonly system: SystemTopic }
  | { readonly kind: 'unknown' }

const DATA_PATTERNS: ReadonlyArray<readonly [RegExp, (id: string) => DataTopic]> = [
  [/^v2\.routing\.queues\.([^.]+)\.conversations\.callbacks$/, (queueId) => ({ kind: 'queue-callbacks', queueId })],
  [/^v2\.routing\.queues\.([^.]+)\.conversations$/, (queueId) => ({ kind: 'queue-conversations', queueId })],
  [/^v2\.analytics\.queues\.([^.]+)\.observations$/, (queueId) => ({ kind: 'queue-observations', queueId })],
  [/^v2\.outbound\.campaigns\.([^.]+)$/, (campaignId) => ({ kind: 'campaign', campaignId })],
  [/^v2\.outbound\.campaigns\.([^.]+)\.progress$/, (campaignId) => ({ kind: 'campaign-progress', campaignId })],
  [/^v2\.outbound\.campaigns\.([^.]+)\.stats$/, (campaignId) => ({ kind: 'campaign-stats', campaignId })],
  [/^v2\.outbound\.contactlists\.([^.]+)$/, (contactListId) => ({ kind: 'contact-list', contactListId })]
]

/**
 * Classifies a topic name. `channel.metadata` is split by its body's `message` (`WebSocket Heartbeat` or
 * `pong`), so pass the event body when you have it.
 */
export function classifyTopic(topicName: string, eventBody?: unknown): TopicClass {
  if (topicName === 'channel.metadata') {
    const message = typeof eventBody === 'object' && eventBody !== null ? (eventBody as { message?: unknown }).message : undefined
    if (message === 'pong') return { kind: 'system', system: 'pong' }
    if (typeof message === 'string' && /heartbeat/i.test(message)) return { kind: 'system', system: 'heartbeat' }
    return { kind: 'system', system: 'channel-metadata' }
  }
  if (topicName === 'v2.system.socket_closing') return { kind: 'system', system: 'socket-closing' }
  if (topicName.startsWith('v2.system.no_longer_subscribed')) return { kind: 'system', system: 'no-longer-subscribed' }
  if (topicName.startsWith('v2.system.token_revoked')) return { kind: 'system', system: 'token-revoked' }
  if (topicName === 'v2.subscription.updated') return { kind: 'system', system: 'subscription-updated' }
  for (const [pattern, build] of DATA_PATTERNS) {
    const match = pattern.exec(topicName)
    if (match) return { kind: 'data', topic: build(match[1]!) }
  }
  return { kind: 'unknown' }
}

/** What a deployment profile says to watch. */
export interface WatchProfile {
  readonly holdingQueueIds: readonly string[]
  readonly targetQueueIds: readonly string[]
  readonly campaignId?: string | null
  readonly contactListId?: string | null
}

/**
 * Every topic the live board needs, de-duplicated: the holding queues' callbacks and observations (the
 * latter cross-checks the row count), the target queues' conversations and observations, the campaign's
 * config, progress and stats, and the contact list.
 */
export function boardTopics(profile: WatchProfile): string[] {
  const topics = new Set<string>()
  for (const q of profile.holdingQueueIds) {
    topics.add(`v2.routing.queues.${q}.conversations.callbacks`)
    topics.add(`v2.analytics.queues.${q}.observations`)
  }
  for (const q of profile.targetQueueIds) {
    topics.add(`v2.routing.queues.${q}.conversations`)
    topics.add(`v2.analytics.queues.${q}.observations`)
  }
  if (profile.campaignId) {
    const c = profile.campaignId
    topics.add(`v2.outbound.campaigns.${c}`)
    topics.add(`v2.outbound.campaigns.${c}.progress`)
    topics.add(`v2.outbound.campaigns.${c}.stats`)
  }
  if (profile.contactListId) topics.add(`v2.outbound.contactlists.${profile.contactListId}`)
  return [...topics]
}
