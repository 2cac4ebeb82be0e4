/**
 * One notification channel and its (at most one) WebSocket: delivery with the duplicate / out-of-order fault
 * behaviour, heartbeats, and the system frames Genesys sends.
 */
import { randomUUID } from 'node:crypto'
import type { WebSocket } from 'ws'

/** Decides per-event delivery faults (implemented by `Faults`). */
export interface DeliveryFaults {
  duplicateNow(): boolean
  reorderNow(): boolean
}

/** How long an out-of-order event may be held back when no later event comes. */
const HOLD_MS = 200

/** A channel record; the hub owns the maps, this owns the socket. */
export class Channel {
  readonly topics = new Set<string>()
  socket: WebSocket | undefined
  lastUsed: number
  private heartbeat: ReturnType<typeof setInterval> | undefined
  private held: string | undefined
  private heldTimer: ReturnType<typeof setTimeout> | undefined
  closeTimer: ReturnType<typeof setTimeout> | undefined
  expiryTimer: ReturnType<typeof setTimeout> | undefined

  constructor(
    readonly id: string,
    readonly token: string,
    readonly clientId: string,
    readonly userId: string | undefined,
    readonly connectUri: string,
    readonly createdAt: number,
    public expiresAt: number
  ) {
    this.lastUsed = createdAt
  }

  get ownerKey(): string {
    return `${this.clientId}|${this.userId ?? ''}`
  }

  get connected(): boolean {
    return this.socket !== undefined && this.socket.readyState === 1
  }

  /** Adopts a new socket; the previous one (if any) is closed, like Genesys' one-socket-per-channel rule. */
  attach(socket: WebSocket, heartbeatMs: number, now: number): void {
    const previous = this.socket
    this.detach()
    if (previous && previous.readyState <= 1) previous.close(4000, 'Replaced by a newer connection to this channel')
    this.socket = socket
    this.lastUsed = now
    this.heartbeat = setInterval(() => this.sendFrame(frame('channel.metadata', { message: 'WebSocket Heartbeat' })), heartbeatMs)
    this.heartbeat.unref?.()
  }

  /** Forgets the socket (it closed or was replaced) and stops its timers. */
  detach(): void {
    if (this.heartbeat) clearInterval(this.heartbeat)
    this.heartbeat = undefined
    if (this.heldTimer) clearTimeout(this.heldTimer)
    this.heldTimer = undefined
    this.held = undefined
    if (this.closeTimer) clearTimeout(this.closeTimer)
    this.closeTimer = undefined
    this.socket = undefined
  }

  /** Delivers one pre-serialized event frame, applying duplicate / reorder faults. */
  deliver(text: string, faults: DeliveryFaults): void {
    if (!this.connected) return
    if (this.held === undefined && faults.reorderNow()) {
      this.held = text
      this.heldTimer = setTimeout(() => this.flushHeld(), HOLD_MS)
      this.heldTimer.unref?.()
      return
    }
    this.sendFrame(text)
    if (faults.duplicateNow()) this.sendFrame(text)
    this.flushHeld()
  }

  /** Answers a client `{"message":"ping"}`. */
  pong(now: number): void {
    this.lastUsed = now
    this.sendFrame(frame('channel.metadata', { message: 'pong' }))
  }

  /** Sends a `v2.system.*` message (socket_closing and friends). */
  system(topicName: string, body: Record<string, unknown>): void {
    this.sendFrame(frame(topicName, body))
  }

  /** Closes the socket politely; the channel itself may live on. */
  closeSocket(code: number, reason: string): void {
    const s = this.socket
    this.detach()
    if (s && s.readyState <= 1) s.close(code, reason)
  }

  /** Kills the TCP connection without a close frame (the "dropped socket" fault). */
  terminateSocket(): boolean {
    const s = this.socket
    this.detach()
    if (!s) return false
    s.terminate()
    return true
  }

  stopTimers(): void {
    if (this.expiryTimer) clearTimeout(this.expiryTimer)
    this.expiryTimer = undefined
  }

  private flushHeld(): void {
    if (this.heldTimer) clearTimeout(this.heldTimer)
    this.heldTimer = undefined
    const h = this.held
    this.held = undefined
    if (h !== undefined) this.sendFrame(h)
  }

  private sendFrame(text: string): void {
    const s = this.socket
    if (s && s.readyState === 1) s.send(text)
  }
}

/** The Genesys notification envelope. */
export function frame(topicName: string, eventBody: unknown): string {
  return frameJson(topicName, JSON.stringify(eventBody))
}

/** The envelope around an already serialized body (publish serializes once for every channel). */
export function frameJson(topicName: string, eventBodyJson: string): string {
  return `{"topicName":${JSON.stringify(topicName)},"version":"2","eventBody":${eventBodyJson},"metadata":{"CorrelationId":"${randomUUID()}"}}`
}
