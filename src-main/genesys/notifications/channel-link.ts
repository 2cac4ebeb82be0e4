/**
 * One notification channel with its one open socket: parses frames (malformed ones are counted, never fatal),
 * answers quiet periods with `{"message":"ping"}`, and declares the link dead when neither a heartbeat, a pong
 * nor any event arrived within the watchdog window. The manager decides what to do about a dead link.
 */
import type WebSocket from 'ws'
import type { Clock } from '../../core/clock'
import type { TimerHandle, Timers } from '../timers'
import { takeEarlyMessages } from './open-socket'

/** A channel as `POST /api/v2/notifications/channels` returned it. */
export interface ChannelInfo {
  readonly id: string
  readonly connectUri: string
  /** Epoch ms of `expires` (Infinity when the service gave none). */
  readonly expiresAt: number
}

/** Watchdog tuning (ms). */
export interface LinkTiming {
  /** No frame at all for this long → dead (60 s). */
  readonly watchdogMs: number
  /** No frame for this long → send a ping (30 s). */
  readonly pingAfterMs: number
}

/** What the link reports to its owner. */
export interface LinkEvents {
  /** A parsed JSON frame (anything with an object shape; the owner classifies it). */
  onFrame(frame: Record<string, unknown>, link: ChannelLink): void
  /** A frame that was not JSON or not an object. */
  onMalformed(reason: string, link: ChannelLink): void
  /** The link died on its own (closed by the server, dropped, watchdog). Not called after `close()`. */
  onLost(reason: string, link: ChannelLink): void
}

/** A live channel + socket pair. */
export class ChannelLink {
  private lastHeardAt: number
  private lastPingAt = Number.NEGATIVE_INFINITY
  private timer: TimerHandle | undefined
  private closed = false

  constructor(
    readonly channel: ChannelInfo,
    private readonly socket: WebSocket,
    private readonly timing: LinkTiming,
    private readonly clock: Clock,
    private readonly timers: Timers,
    private readonly events: LinkEvents
  ) {
    this.lastHeardAt = clock()
    socket.on('message', (data: WebSocket.RawData, isBinary: boolean) => this.receive(data, isBinary))
    for (const [data, isBinary] of takeEarlyMessages(socket)) this.receive(data, isBinary)
    socket.on('close', (code: number, reason: Buffer) =>
      this.lost(`socket closed (${code}${reason.length > 0 ? ` ${reason.toString()}` : ''})`)
    )
    socket.on('error', (e: Error) => this.lost(`socket error (${e.message})`))
    this.arm()
  }

  get isOpen(): boolean {
    return !this.closed
  }

  /** Closes on purpose (rollover, stop); `onLost` is not called. */
  close(reason: string): void {
    if (this.closed) return
    this.closed = true
    this.timers.clearTimeout(this.timer)
    this.socket.removeAllListeners('message')
    this.socket.on('error', () => undefined)
    if (this.socket.readyState === this.socket.OPEN) this.socket.close(1000, reason.slice(0, 100))
    else this.socket.terminate()
  }

  private receive(data: WebSocket.RawData, isBinary: boolean): void {
    if (this.closed) return
    this.lastHeardAt = this.clock()
    if (isBinary) return this.events.onMalformed('binary frame', this)
    let parsed: unknown
    try {
      parsed = JSON.parse(data.toString())
    } catch (e: unknown) {
      if (!(e instanceof SyntaxError)) throw e
      return this.events.onMalformed('not JSON', this)
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
      return this.events.onMalformed('not an object', this)
    this.events.onFrame(parsed as Record<string, unknown>, this)
  }

  private arm(): void {
    const step = Math.max(10, Math.min(this.timing.pingAfterMs, this.timing.watchdogMs) / 3)
    this.timer = this.timers.setTimeout(() => this.check(), step)
  }

  private check(): void {
    if (this.closed) return
    const quiet = this.clock() - this.lastHeardAt
    if (quiet >= this.timing.watchdogMs) return this.lost(`no heartbeat for ${Math.round(quiet / 1000)} s`)
    if (quiet >= this.timing.pingAfterMs && this.clock() - this.lastPingAt >= this.timing.pingAfterMs) {
      this.lastPingAt = this.clock()
      if (this.socket.readyState === this.socket.OPEN) this.socket.send('{"message":"ping"}')
    }
    this.arm()
  }

  private lost(reason: string): void {
    if (this.closed) return
    this.close(reason)
    this.events.onLost(reason, this)
  }
}
