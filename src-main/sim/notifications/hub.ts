/**
 * The notification service: channels (20 per user + app, 24 h life), subscriptions (1000 topics, permission
 * checked), and fan-out of published events to connected sockets through a topic → channels index.
 */
import { randomBytes } from 'node:crypto'
import type { WebSocket } from 'ws'
import type { SimEventSink } from '../org/conversation-notifier'
import type { SimPrincipal } from '../http/types'
import { badRequest, missingPermissions, notFound } from '../http/errors'
import { SimHttpError } from '../http/types'
import { Channel, frameJson, type DeliveryFaults } from './channel'
import { checkTopic } from './topic-catalog'

export interface HubOptions {
  /** `ws://127.0.0.1:<port>` once the server listens. */
  wsBase: () => string
  channelTtlMs?: number
  heartbeatMs?: number
  maxChannelsPerOwner?: number
  maxTopicsPerChannel?: number
  now?: () => number
  faults: DeliveryFaults
  orgId: () => string
}

/** A topic as returned by the subscription endpoints (`ChannelTopic`). */
export interface ChannelTopicView {
  id: string
  state?: 'Permitted' | 'Rejected'
  rejectionReason?: string
  missingPermissions?: string[]
}

/** Channels, subscriptions and delivery. Implements the org's event sink. */
export class NotificationHub implements SimEventSink {
  private readonly channels = new Map<string, Channel>()
  private readonly byTopic = new Map<string, Set<Channel>>()
  private readonly byOwner = new Map<string, Set<Channel>>()
  readonly ttlMs: number
  readonly heartbeatMs: number
  private readonly maxChannels: number
  readonly maxTopics: number
  private readonly now: () => number

  constructor(private readonly options: HubOptions) {
    this.ttlMs = options.channelTtlMs ?? 24 * 3600_000
    this.heartbeatMs = options.heartbeatMs ?? 30_000
    this.maxChannels = options.maxChannelsPerOwner ?? 20
    this.maxTopics = options.maxTopicsPerChannel ?? 1000
    this.now = options.now ?? Date.now
  }

  readonly isWatched = (topic: string): boolean => (this.byTopic.get(topic)?.size ?? 0) > 0

  readonly publish = (topic: string, body: unknown): void => {
    const subs = this.byTopic.get(topic)
    if (!subs || subs.size === 0) return
    const text = frameJson(topic, JSON.stringify(body))
    for (const ch of subs) ch.deliver(text, this.options.faults)
  }

  /** `POST /notifications/channels`; evicts the oldest (idle first) channel past 20 per user + app. */
  create(principal: SimPrincipal): Channel {
    const id = `streaming-0-${randomBytes(12).toString('hex')}`
    const now = this.now()
    const ch = new Channel(
      id,
      principal.token,
      principal.clientId,
      principal.userId,
      `${this.options.wsBase()}/channels/${id}`,
      now,
      now + this.ttlMs
    )
    let owned = this.byOwner.get(ch.ownerKey)
    if (!owned) this.byOwner.set(ch.ownerKey, (owned = new Set()))
    while (owned.size >= this.maxChannels) {
      const victim = [...owned].sort((a, b) => Number(a.connected) - Number(b.connected) || a.lastUsed - b.lastUsed)[0]!
      this.remove(victim, 'Channel limit reached; the oldest channel was removed')
    }
    owned.add(ch)
    this.channels.set(id, ch)
    ch.expiryTimer = setTimeout(() => this.remove(ch, 'Channel expired'), this.ttlMs)
    ch.expiryTimer.unref?.()
    return ch
  }

  /** Channels visible to the principal: its token's (default) or its whole user + app (`oauthclient`). */
  list(principal: SimPrincipal, include: 'token' | 'oauthclient'): Channel[] {
    const owned = this.byOwner.get(`${principal.clientId}|${principal.userId ?? ''}`) ?? new Set()
    return [...owned].filter((c) => include === 'oauthclient' || c.token === principal.token)
  }

  /** A live channel by id (for the socket server, HEAD and subscriptions). */
  get(id: string): Channel | undefined {
    const ch = this.channels.get(id)
    if (ch && this.now() >= ch.expiresAt) {
      this.remove(ch, 'Channel expired')
      return undefined
    }
    return ch
  }

  /** Like `get` but 404 unless the principal owns it (same OAuth client and user). */
  owned(id: string, principal: SimPrincipal): Channel {
    const ch = this.get(id)
    if (!ch || ch.clientId !== principal.clientId || ch.userId !== principal.userId) {
      throw notFound(`The channel '${id}' was not found.`, 'not.found')
    }
    return ch
  }

  /**
   * PUT (`replace`) or POST (`add`) subscriptions. Without `ignoreErrors` any rejected topic fails the whole
   * request (400 unknown topic / 403 missing permissions); with it, rejected topics are reported and skipped.
   */
  subscribe(
    ch: Channel,
    principal: SimPrincipal,
    requested: readonly string[],
    mode: 'add' | 'replace',
    ignoreErrors: boolean
  ): ChannelTopicView[] {
    const permitted: string[] = []
    const rejected: ChannelTopicView[] = []
    for (const topic of new Set(requested)) {
      const check = checkTopic(topic, principal.permissions, principal.userId)
      if (check.ok) permitted.push(topic)
      else
        rejected.push({
          id: topic,
          state: 'Rejected',
          rejectionReason: check.reason,
          missingPermissions: [...check.missingPermissions]
        })
    }
    if (rejected.length > 0 && !ignoreErrors) {
      const perms = [...new Set(rejected.flatMap((r) => r.missingPermissions ?? []))]
      if (perms.length > 0) throw missingPermissions(perms, true)
      throw badRequest(rejected[0]!.rejectionReason!, 'notification.invalid.topic', 'id')
    }
    const next = new Set(mode === 'add' ? [...ch.topics, ...permitted] : permitted)
    if (next.size > this.maxTopics) {
      throw new SimHttpError(
        400,
        'notification.topic.limit.exceeded',
        `A channel may subscribe to at most ${this.maxTopics} topics; this request would subscribe to ${next.size}.`
      )
    }
    this.setTopics(ch, next)
    ch.lastUsed = this.now()
    return [...this.topicsOf(ch), ...rejected]
  }

  topicsOf(ch: Channel): ChannelTopicView[] {
    return [...ch.topics].map((id) => ({ id, state: 'Permitted' as const }))
  }

  clear(ch: Channel): void {
    this.setTopics(ch, new Set())
  }

  /** Binds a socket to a channel (a second socket replaces the first). */
  attachSocket(ch: Channel, socket: WebSocket): void {
    ch.attach(socket, this.heartbeatMs, this.now())
    socket.on('close', () => {
      if (ch.socket === socket) ch.detach()
    })
  }

  /** Drops the channel of every token that was revoked (it dies with its token). */
  revokeToken(token: string): void {
    for (const ch of [...this.channels.values()]) if (ch.token === token) this.remove(ch, 'Token revoked')
  }

  // ---- fault actions -----------------------------------------------------------------------------------------

  dropSockets(): number {
    let n = 0
    for (const ch of this.channels.values()) if (ch.terminateSocket()) n++
    return n
  }

  /** Sends `v2.system.socket_closing` on every socket and closes them after `graceMs`. */
  sendSocketClosing(graceMs: number): number {
    let n = 0
    for (const ch of this.channels.values()) {
      if (!ch.connected) continue
      n++
      ch.system(
        'v2.system.socket_closing',
        this.systemMessage(ch, 'socket_closing', 'The socket is closing for maintenance; reconnect within a minute.')
      )
      const socket = ch.socket
      ch.closeTimer = setTimeout(() => {
        if (ch.socket === socket) ch.closeSocket(1001, 'Socket closing for maintenance')
      }, graceMs)
      ch.closeTimer.unref?.()
    }
    return n
  }

  /** Expires every channel now (as if 24 h had passed). */
  expireChannels(): number {
    const all = [...this.channels.values()]
    for (const ch of all) this.remove(ch, 'Channel expired')
    return all.length
  }

  /** Closes every socket and forgets every channel (server shutdown). */
  close(): void {
    for (const ch of [...this.channels.values()]) this.remove(ch, 'Server shutting down')
  }

  get channelCount(): number {
    return this.channels.size
  }

  private systemMessage(ch: Channel, type: string, message: string): Record<string, unknown> {
    return {
      channelId: ch.id,
      systemTopicType: type,
      correlationId: ch.id,
      organizationId: this.options.orgId(),
      ...(ch.userId ? { userId: ch.userId } : {}),
      oauthClientId: ch.clientId,
      oauthClientOrgId: this.options.orgId(),
      reason: type,
      message,
      data: {}
    }
  }

  private setTopics(ch: Channel, next: Set<string>): void {
    for (const t of ch.topics) if (!next.has(t)) this.unindex(t, ch)
    for (const t of next) {
      if (ch.topics.has(t)) continue
      let set = this.byTopic.get(t)
      if (!set) this.byTopic.set(t, (set = new Set()))
      set.add(ch)
    }
    ch.topics.clear()
    for (const t of next) ch.topics.add(t)
  }

  private unindex(topic: string, ch: Channel): void {
    const set = this.byTopic.get(topic)
    if (!set) return
    set.delete(ch)
    if (set.size === 0) this.byTopic.delete(topic)
  }

  private remove(ch: Channel, reason: string): void {
    if (!this.channels.delete(ch.id)) return
    for (const t of ch.topics) this.unindex(t, ch)
    ch.topics.clear()
    this.byOwner.get(ch.ownerKey)?.delete(ch)
    ch.stopTimers()
    ch.closeSocket(1000, reason)
  }
}
