/**
 * Shared setup for the demo-org core tests: a quiet org (no domain plugins, no traffic), SDK clients pointed at
 * it with `setGateway`, and small helpers to receive notification frames over a real WebSocket.
 */
import platformClient from 'purecloud-platform-client-v2'
import WebSocket from 'ws'
import { startDemoOrg, type DemoOrg, type DemoOrgOptions } from '../../../src-main/sim/server'

export type ApiClient = typeof platformClient.ApiClient

/** Starts a core-only demo org on an ephemeral port. */
export function startQuietOrg(options: DemoOrgOptions = {}): Promise<DemoOrg> {
  return startDemoOrg({ plugins: {}, log: () => undefined, ...options })
}

/** A fresh SDK client (not the singleton) pointed at the demo org. */
export function sdkClient(demo: DemoOrg): ApiClient {
  const Ctor = (platformClient as unknown as { ApiClientClass: new () => ApiClient }).ApiClientClass
  const client = new Ctor()
  client.config.live_reload_config = false
  client.setGateway({ host: '127.0.0.1', protocol: 'http', port: demo.port })
  return client
}

/** An SDK client logged in with client credentials. */
export async function loggedIn(demo: DemoOrg, clientId = 'callback-console-demo', secret = 'demo-secret'): Promise<ApiClient> {
  const client = sdkClient(demo)
  await client.loginClientCredentialsGrant(clientId, secret)
  return client
}

/** Awaits a rejected SDK call and returns its error body. */
export async function rejection(p: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await p
  } catch (e: unknown) {
    return e as Record<string, unknown>
  }
  throw new Error('expected the call to fail')
}

/** A notification frame as received. */
export interface Frame {
  topicName: string
  version: string
  eventBody: Record<string, unknown>
  metadata?: { CorrelationId?: string }
}

/** A WebSocket that records frames and lets a test await the next one matching a predicate. */
export class FrameRecorder {
  readonly frames: Frame[] = []
  private waiters: Array<{ pred: (f: Frame) => boolean; resolve: (f: Frame) => void }> = []
  closed: { code: number; reason: string } | undefined
  private closeWaiters: Array<() => void> = []

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const f = JSON.parse(data.toString()) as Frame
      this.frames.push(f)
      this.waiters = this.waiters.filter((w) => {
        if (!w.pred(f)) return true
        w.resolve(f)
        return false
      })
    })
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() }
      for (const w of this.closeWaiters) w()
    })
  }

  static open(url: string): Promise<FrameRecorder> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url)
      const rec = new FrameRecorder(ws)
      ws.once('open', () => resolve(rec))
      ws.once('error', reject)
    })
  }

  /** Resolves with the first frame (already received or future) matching `pred`. */
  next(pred: (f: Frame) => boolean, timeoutMs = 3000): Promise<Frame> {
    const seen = this.frames.find(pred)
    if (seen) return Promise.resolve(seen)
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('timed out waiting for a frame')), timeoutMs)
      this.waiters.push({ pred, resolve: (f) => (clearTimeout(t), resolve(f)) })
    })
  }

  onTopic(topic: string): Frame[] {
    return this.frames.filter((f) => f.topicName === topic)
  }

  waitClosed(timeoutMs = 3000): Promise<{ code: number; reason: string }> {
    if (this.closed) return Promise.resolve(this.closed)
    return new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error('timed out waiting for close')), timeoutMs)
      this.closeWaiters.push(() => (clearTimeout(t), resolve(this.closed!)))
    })
  }

  close(): void {
    if (this.ws.readyState <= 1) this.ws.terminate()
  }
}
