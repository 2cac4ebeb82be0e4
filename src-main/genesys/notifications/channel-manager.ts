/**
 * Keeps exactly one notification channel streaming: creates it, subscribes (ignoreErrors, refused topics
 * reported by permission), watches it, and replaces it. On `v2.system.socket_closing`, before the channel's
 * `expires`, and on token renewal it rolls over WITHOUT a gap (the new channel is connected and subscribed
 * before the old one is closed); when a socket dies it reconnects with jittered backoff and, once live again,
 * says a reconcile is needed because events are never replayed.
 */
import type WebSocket from 'ws'
import { RECONNECT_BACKOFF, backoffDelay } from '../../core/backoff'
import { classifyTopic } from '../../core/board/topics'
import type { Clock, Random } from '../../core/clock'
import { Emitter, type Disposable } from '../../core/disposable'
import type { ApiError, Gateway } from '../gateway-types'
import { realTimers, sleep, type TimerHandle, type Timers } from '../timers'
import { createChannel, replaceSubscriptions, type RejectedTopic } from './channel-api'
import { ChannelLink, type ChannelInfo, type LinkEvents } from './channel-link'
import { isOpenFailure, openSocket } from './open-socket'

/** Where the stream stands. */
export type ChannelState = 'idle' | 'connecting' | 'live' | 'reconnecting' | 'stale' | 'stopped'

/** Pushed whenever the state, the detail or the refused topics change. */
export interface ChannelStatus {
  readonly state: ChannelState
  /** Start of the current gap (epoch ms) while events may be missing; null when live or never connected. */
  readonly gapSince: number | null
  readonly detail: string | null
  readonly rejectedTopics: readonly RejectedTopic[]
}

/** "Events may have been missed between these instants: re-read the truth." */
export interface ReconcileSignal {
  readonly reason: string
  /** True for the first connection (no baseline yet). */
  readonly initial: boolean
  readonly gapStartedAt: number | null
}

/** Counters for Diagnostics and tests. */
export interface ChannelManagerStats {
  readonly dataFrames: number
  readonly heartbeats: number
  readonly pongs: number
  readonly systemFrames: number
  readonly malformed: number
  readonly unknownTopics: number
  readonly channelsOpened: number
  readonly reconnects: number
  readonly rollovers: number
  readonly lastMalformed: string | null
}

/** Tuning and test seams; production defaults throughout. */
export interface ChannelManagerOptions {
  readonly gateway: Gateway
  readonly clock?: Clock
  readonly random?: Random
  readonly timers?: Timers
  readonly log?: (line: string) => void
  readonly watchdogMs?: number
  readonly pingAfterMs?: number
  /** Roll over this long before `expires` (at most a fifth of the channel's remaining life); 10 min. */
  readonly rolloverLeadMs?: number
  readonly connectTimeoutMs?: number
  readonly openSocket?: (url: string, timeoutMs: number, signal?: AbortSignal) => Promise<WebSocket>
}

type LinkResult = { readonly ok: true; readonly link: ChannelLink } | { readonly ok: false; readonly error: ApiError }

/** The notification channel manager. */
export class ChannelManager implements Disposable {
  private readonly frames = new Emitter<Record<string, unknown>>()
  private readonly statuses = new Emitter<ChannelStatus>()
  private readonly reconciles = new Emitter<ReconcileSignal>()
  /** Data frames (parsed envelopes) from whichever channel is live; system frames are handled here. */
  readonly onDidReceive = this.frames.event
  readonly onDidChangeStatus = this.statuses.event
  readonly onDidNeedReconcile = this.reconciles.event
  private readonly clock: Clock
  private readonly random: Random
  private readonly timers: Timers
  private readonly log: (line: string) => void
  private readonly open: NonNullable<ChannelManagerOptions['openSocket']>
  private topics: readonly string[] = []
  private running = false
  private everLive = false
  private controller = new AbortController()
  private current: ChannelLink | null = null
  private lastChannel: ChannelInfo | null = null
  private pending: Promise<void> | null = null
  private expiryTimer: TimerHandle | undefined
  private gapSince: number | null = null
  private state: ChannelState = 'idle'
  private detail: string | null = null
  private rejected: readonly RejectedTopic[] = []
  private counters = {
    dataFrames: 0,
    heartbeats: 0,
    pongs: 0,
    systemFrames: 0,
    malformed: 0,
    unknownTopics: 0,
    channelsOpened: 0,
    reconnects: 0,
    rollovers: 0
  }
  private lastMalformed: string | null = null
  private readonly linkEvents: LinkEvents = {
    onFrame: (frame, link) => this.onFrame(frame, link),
    onMalformed: (reason) => this.onMalformed(reason),
    onLost: (reason, link) => this.onLost(reason, link)
  }

  constructor(private readonly options: ChannelManagerOptions) {
    this.clock = options.clock ?? Date.now
    this.random = options.random ?? Math.random
    this.timers = options.timers ?? realTimers
    this.log = options.log ?? (() => undefined)
    this.open = options.openSocket ?? openSocket
  }

  /** Starts streaming `topics` (idempotent; a running manager just takes the new topics). */
  start(topics: readonly string[]): void {
    if (this.running) {
      void this.setTopics(topics)
      return
    }
    this.topics = [...topics]
    this.running = true
    this.controller = new AbortController()
    this.setStatus('connecting', null)
    void this.ensureNewLink('start', false)
  }

  /** Replaces the subscribed topics on the live channel (and remembers them for the next one). */
  async setTopics(topics: readonly string[]): Promise<void> {
    this.topics = [...topics]
    const link = this.current
    if (!link) return
    const r = await replaceSubscriptions(this.options.gateway, link.channel.id, this.topics, this.controller.signal)
    if (r.ok) this.setRejected(r.value.rejected)
    else this.log(`[Notifications] could not change subscriptions (${r.error.code})`)
  }

  /** Moves to a new channel without a gap (token renewed, or asked by the owner). */
  rollover(reason: string): Promise<void> {
    if (!this.running) return Promise.resolve()
    return this.ensureNewLink(reason, false)
  }

  /** Closes everything; `start` may be called again later. */
  stop(): void {
    this.running = false
    this.controller.abort()
    this.pending = null
    this.timers.clearTimeout(this.expiryTimer)
    this.current?.close('stopped')
    this.current = null
    this.lastChannel = null
    this.everLive = false
    this.gapSince = null
    this.setStatus('stopped', null)
  }

  status(): ChannelStatus {
    return { state: this.state, gapSince: this.gapSince, detail: this.detail, rejectedTopics: this.rejected }
  }

  stats(): ChannelManagerStats {
    return { ...this.counters, lastMalformed: this.lastMalformed }
  }

  /** The live channel's id (tests, Diagnostics). */
  get channelId(): string | null {
    return this.current?.channel.id ?? null
  }

  dispose(): void {
    this.stop()
    this.frames.dispose()
    this.statuses.dispose()
    this.reconciles.dispose()
  }

  // ---- connecting --------------------------------------------------------------------------------------------

  private ensureNewLink(reason: string, reuse: boolean): Promise<void> {
    if (this.pending) return this.pending
    const pending: Promise<void> = this.connectLoop(reason, reuse).finally(() => {
      if (this.pending === pending) this.pending = null
    })
    this.pending = pending
    return pending
  }

  private async connectLoop(reason: string, reuse: boolean): Promise<void> {
    const signal = this.controller.signal
    for (let attempt = 0; this.running && !signal.aborted; attempt++) {
      if (attempt > 0) {
        try {
          await sleep(this.timers, backoffDelay(attempt - 1, RECONNECT_BACKOFF, this.random), signal)
        } catch {
          return
        }
      }
      const result = await this.openLink(reuse && attempt === 0 ? this.lastChannel : null, signal)
      if (!this.running || signal.aborted) {
        if (result.ok) result.link.close('stopped')
        return
      }
      if (result.ok) return this.adopt(result.link, reason)
      if (result.error.code === 'unauthorized') {
        if (!this.current) this.setStatus('stale', 'Live updates paused: sign in again to resume.')
        return
      }
      this.log(`[Notifications] ${reason}: attempt ${attempt + 1} failed (${result.error.code})`)
      if (!this.current) this.setStatus(this.everLive ? 'reconnecting' : 'connecting', result.error.message)
    }
  }

  private async openLink(reuse: ChannelInfo | null, signal: AbortSignal): Promise<LinkResult> {
    const timeout = this.options.connectTimeoutMs ?? 10_000
    if (reuse && reuse.expiresAt - this.clock() > this.leadFor(reuse)) {
      try {
        const ws = await this.open(reuse.connectUri, timeout, signal)
        return { ok: true, link: new ChannelLink(reuse, ws, this.timing(), this.clock, this.timers, this.linkEvents) }
      } catch (e: unknown) {
        if (!isOpenFailure(e)) throw e
        if (e.kind === 'network')
          return { ok: false, error: { code: 'network', message: 'Lost the live updates connection; retrying.' } }
      }
    }
    const channel = await createChannel(this.options.gateway, signal)
    if (!channel.ok) return channel
    this.counters.channelsOpened++
    let link: ChannelLink
    try {
      const ws = await this.open(channel.value.connectUri, timeout, signal)
      link = new ChannelLink(channel.value, ws, this.timing(), this.clock, this.timers, this.linkEvents)
    } catch (e: unknown) {
      if (!isOpenFailure(e)) throw e
      return { ok: false, error: { code: 'network', message: 'Could not open the live updates connection; retrying.' } }
    }
    const sub = await replaceSubscriptions(this.options.gateway, channel.value.id, this.topics, signal)
    if (sub.ok) this.setRejected(sub.value.rejected)
    if (!sub.ok || !link.isOpen) {
      link.close('subscription failed')
      return sub.ok ? { ok: false, error: { code: 'network', message: 'The new channel closed at once; retrying.' } } : sub
    }
    return { ok: true, link }
  }

  private adopt(link: ChannelLink, reason: string): void {
    if (!link.isOpen) {
      this.onLost('closed before use', link)
      return
    }
    const old = this.current
    this.current = link
    this.lastChannel = link.channel
    if (old && old !== link) {
      old.close('replaced by a new channel')
      this.counters.rollovers++
    }
    this.scheduleExpiryRollover(link.channel)
    const initial = !this.everLive
    const gap = this.gapSince
    this.everLive = true
    this.gapSince = null
    this.setStatus('live', null)
    this.log(`[Notifications] live on channel ${link.channel.id.slice(-6)} (${reason})`)
    if (initial) this.reconciles.fire({ reason, initial: true, gapStartedAt: null })
    else if (gap !== null) this.reconciles.fire({ reason, initial: false, gapStartedAt: gap })
  }

  private leadFor(channel: ChannelInfo): number {
    const remaining = channel.expiresAt - this.clock()
    return Math.min(this.options.rolloverLeadMs ?? 10 * 60_000, Math.max(0, remaining / 5))
  }

  private scheduleExpiryRollover(channel: ChannelInfo): void {
    this.timers.clearTimeout(this.expiryTimer)
    if (!Number.isFinite(channel.expiresAt)) return
    const delay = channel.expiresAt - this.leadFor(channel) - this.clock()
    this.expiryTimer = this.timers.setTimeout(() => {
      if (this.current?.channel === channel) void this.ensureNewLink('channel expires soon', false)
    }, delay)
  }

  private timing(): { watchdogMs: number; pingAfterMs: number } {
    const watchdogMs = this.options.watchdogMs ?? 60_000
    return { watchdogMs, pingAfterMs: this.options.pingAfterMs ?? Math.round(watchdogMs / 2) }
  }

  // ---- receiving ---------------------------------------------------------------------------------------------

  private onFrame(frame: Record<string, unknown>, link: ChannelLink): void {
    const topicName = frame.topicName
    if (typeof topicName !== 'string' || topicName.length === 0) return this.onMalformed('no topicName')
    const cls = classifyTopic(topicName, frame.eventBody)
    if (cls.kind === 'data') {
      this.counters.dataFrames++
      this.frames.fire(frame)
      return
    }
    if (cls.kind === 'unknown') {
      this.counters.unknownTopics++
      if (this.counters.unknownTopics === 1 || this.counters.unknownTopics % 100 === 0) {
        this.log(
          `[Notifications] ignored frame on unknown topic ${topicName.slice(0, 80)} (${this.counters.unknownTopics} so far)`
        )
      }
      return
    }
    switch (cls.system) {
      case 'heartbeat':
        this.counters.heartbeats++
        return
      case 'pong':
        this.counters.pongs++
        return
      case 'socket-closing':
        this.counters.systemFrames++
        if (link === this.current) void this.ensureNewLink('socket closing', false)
        return
      case 'no-longer-subscribed':
        this.counters.systemFrames++
        if (link === this.current) void this.ensureNewLink('subscription dropped', false)
        return
      default:
        this.counters.systemFrames++
    }
  }

  private onMalformed(reason: string): void {
    this.counters.malformed++
    this.lastMalformed = reason
    if (this.counters.malformed === 1 || this.counters.malformed % 100 === 0) {
      this.log(`[Notifications] malformed frame (${reason}); ${this.counters.malformed} so far`)
    }
  }

  private onLost(reason: string, link: ChannelLink): void {
    if (link !== this.current || !this.running) return
    this.current = null
    this.timers.clearTimeout(this.expiryTimer)
    this.gapSince ??= this.clock()
    this.counters.reconnects++
    this.log(`[Notifications] connection lost: ${reason}`)
    this.setStatus('reconnecting', 'Live updates interrupted; reconnecting.')
    void this.ensureNewLink(`reconnect after ${reason}`, true)
  }

  private setRejected(rejected: readonly RejectedTopic[]): void {
    const same = rejected.length === this.rejected.length && rejected.every((r, i) => r.topic === this.rejected[i]?.topic)
    this.rejected = rejected
    if (rejected.length > 0 && !same) {
      this.log(
        `[Notifications] ${rejected.length} topic(s) refused: ${rejected.map((r) => r.missingPermissions.join('+') || r.reason).join(', ')}`
      )
    }
    if (!same) this.statuses.fire(this.status())
  }

  private setStatus(state: ChannelState, detail: string | null): void {
    if (state === this.state && detail === this.detail) return
    this.state = state
    this.detail = detail
    this.statuses.fire(this.status())
  }
}
