/**
 * The REST half of notifications, through the gateway: create a channel and (re)place its subscriptions with
 * `ignoreErrors`, so one topic the role may not see does not sink the others — and the refused ones come back
 * with the missing permission named, for the connection banner.
 */
import type { ApiResult, Gateway } from '../gateway-types'
import type { ChannelInfo } from './channel-link'

/** A topic the service refused. */
export interface RejectedTopic {
  readonly topic: string
  readonly reason: string
  readonly missingPermissions: readonly string[]
}

/** Outcome of one subscription request. */
export interface SubscriptionReport {
  readonly permitted: readonly string[]
  readonly rejected: readonly RejectedTopic[]
}

/** `POST /api/v2/notifications/channels`. */
export async function createChannel(gateway: Gateway, signal: AbortSignal): Promise<ApiResult<ChannelInfo>> {
  const r = await gateway.call('POST /api/v2/notifications/channels', (a) => a.notifications.postNotificationsChannels(), {
    signal,
    label: 'open the live updates channel'
  })
  if (!r.ok) return r
  const { id, connectUri, expires } = r.value
  if (!id || !connectUri)
    return { ok: false, error: { code: 'bad-response', message: 'Genesys Cloud returned a channel without an address.' } }
  const at = expires ? Date.parse(expires) : Number.NaN
  return { ok: true, value: { id, connectUri, expiresAt: Number.isNaN(at) ? Number.POSITIVE_INFINITY : at } }
}

/** `PUT …/channels/{id}/subscriptions?ignoreErrors=true`: replaces the channel's topics. */
export async function replaceSubscriptions(
  gateway: Gateway,
  channelId: string,
  topics: readonly string[],
  signal: AbortSignal
): Promise<ApiResult<SubscriptionReport>> {
  const r = await gateway.call(
    'PUT /api/v2/notifications/channels/{channelId}/subscriptions',
    (a) =>
      a.notifications.putNotificationsChannelSubscriptions(
        channelId,
        topics.map((id) => ({ id })),
        { ignoreErrors: true }
      ),
    { signal, idempotent: true, label: 'subscribe to live updates' }
  )
  if (!r.ok) return r
  const entities = r.value.entities ?? []
  const rejected: RejectedTopic[] = entities
    .filter((t) => t.state === 'Rejected' && t.id)
    .map((t) => ({
      topic: t.id!,
      reason: t.rejectionReason ?? 'Rejected',
      missingPermissions: [...(t.missingPermissions ?? [])]
    }))
  const rejectedIds = new Set(rejected.map((t) => t.topic))
  const listed = new Set(entities.map((t) => t.id))
  const permitted = topics.filter((t) => !rejectedIds.has(t) && (entities.length === 0 || listed.has(t)))
  for (const t of topics)
    if (!listed.has(t) && !rejectedIds.has(t) && entities.length > 0)
      rejected.push({ topic: t, reason: 'Not subscribed', missingPermissions: [] })
  return { ok: true, value: { permitted, rejected } }
}
