/**
 * Fault injection for tests: everything the console must survive against the real cloud (dropped sockets,
 * socket_closing, early channel expiry, 429 storms, 5xx bursts, latency, revoked tokens, duplicated and
 * out-of-order events). All off by default; switched at run time in-process or via `POST /__sim/faults`.
 */
import { createRandom, type SimRandom } from './org/ids'

/** Continuous fault settings (shares are probabilities per request / per event). */
export interface FaultSettings {
  /** Share of API requests answered 429 regardless of the budget (a "429 storm"). */
  rateLimitShare: number
  /**
   * `Retry-After` of a storm 429, whole seconds 1–60 (default 1: Genesys answers short bursts with small values).
   * The genuine per-token limit keeps sending its window's reset.
   */
  rateLimitRetryAfterSeconds: number
  /** OAuth client ids the storm hits; empty = every client (default). */
  rateLimitClientIds: readonly string[]
  /** Share of API requests answered 503. */
  serverErrorShare: number
  /** The next N API requests are answered 503 (counts down). */
  serverErrorBurst: number
  /** Added latency before every API request is handled, ms. */
  latencyMs: number
  /** Share of notification events delivered twice. */
  duplicateEventShare: number
  /** Share of notification events held back and delivered after the next one. */
  reorderEventShare: number
}

/** One-shot actions the server wires to the notification hub and token store. */
export interface FaultActions {
  dropSockets(): number
  sendSocketClosing(graceMs: number): number
  expireChannels(): number
  revokeTokens(): number
}

/** The switchboard returned by `startDemoOrg` (and driven by the admin route). */
export interface FaultSwitches extends FaultActions {
  readonly settings: Readonly<FaultSettings>
  /** Storm 429s and forced 503s sent so far, cumulative. */
  readonly injected: Readonly<FaultCounts>
  /** Changes some settings; returns the new ones. Values are validated (shares clamp to 0..1). */
  set(patch: Partial<FaultSettings>): FaultSettings
  /** Everything off. */
  reset(): void
}

/** Default storm `Retry-After`, seconds. */
export const STORM_RETRY_AFTER_SECONDS = 1

export const NO_FAULTS: Readonly<FaultSettings> = Object.freeze({
  rateLimitShare: 0,
  rateLimitRetryAfterSeconds: STORM_RETRY_AFTER_SECONDS,
  rateLimitClientIds: Object.freeze([]) as readonly string[],
  serverErrorShare: 0,
  serverErrorBurst: 0,
  latencyMs: 0,
  duplicateEventShare: 0,
  reorderEventShare: 0
})

/** How many faults were injected since the org started (tests compare them with what a client saw). */
export interface FaultCounts {
  rateLimited: number
  serverErrors: number
}

/** Fault state + the per-request / per-event decisions the server and hub ask for. */
export class Faults implements FaultSwitches {
  private current: FaultSettings = { ...NO_FAULTS }
  private readonly counts: FaultCounts = { rateLimited: 0, serverErrors: 0 }
  private readonly random: SimRandom
  private actions: FaultActions | undefined

  constructor(seed = 7) {
    this.random = createRandom(seed ^ 0xfa017)
  }

  /** Connects the one-shot actions (done once by the server). */
  bind(actions: FaultActions): void {
    this.actions = actions
  }

  get settings(): Readonly<FaultSettings> {
    return this.current
  }

  set(patch: Partial<FaultSettings>): FaultSettings {
    const share = (v: unknown, old: number): number =>
      typeof v === 'number' && Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : old
    const count = (v: unknown, old: number): number =>
      typeof v === 'number' && Number.isFinite(v) ? Math.max(0, Math.floor(v)) : old
    const c = this.current
    const retryAfter = patch.rateLimitRetryAfterSeconds
    const clientIds = patch.rateLimitClientIds
    this.current = {
      rateLimitShare: share(patch.rateLimitShare, c.rateLimitShare),
      rateLimitRetryAfterSeconds:
        typeof retryAfter === 'number' && Number.isFinite(retryAfter)
          ? Math.min(60, Math.max(1, Math.ceil(retryAfter)))
          : c.rateLimitRetryAfterSeconds,
      rateLimitClientIds: Array.isArray(clientIds)
        ? Object.freeze(clientIds.filter((x): x is string => typeof x === 'string'))
        : c.rateLimitClientIds,
      serverErrorShare: share(patch.serverErrorShare, c.serverErrorShare),
      serverErrorBurst: count(patch.serverErrorBurst, c.serverErrorBurst),
      latencyMs: Math.min(60_000, count(patch.latencyMs, c.latencyMs)),
      duplicateEventShare: share(patch.duplicateEventShare, c.duplicateEventShare),
      reorderEventShare: share(patch.reorderEventShare, c.reorderEventShare)
    }
    return { ...this.current }
  }

  reset(): void {
    this.current = { ...NO_FAULTS }
  }

  dropSockets(): number {
    return this.requireActions().dropSockets()
  }

  sendSocketClosing(graceMs = 60_000): number {
    return this.requireActions().sendSocketClosing(graceMs)
  }

  expireChannels(): number {
    return this.requireActions().expireChannels()
  }

  revokeTokens(): number {
    return this.requireActions().revokeTokens()
  }

  /** Faults injected so far (cumulative; `reset()` does not clear them). */
  get injected(): Readonly<FaultCounts> {
    return { ...this.counts }
  }

  /** Per API request of `clientId`: the storm's `Retry-After` (seconds) when this one gets a 429, else null. */
  rateLimitNow(clientId: string): number | null {
    const c = this.current
    if (c.rateLimitClientIds.length > 0 && !c.rateLimitClientIds.includes(clientId)) return null
    if (!this.hit(c.rateLimitShare)) return null
    this.counts.rateLimited++
    return c.rateLimitRetryAfterSeconds
  }

  /** Per API request: a forced 503 (burst first, then share)? */
  serverErrorNow(): boolean {
    if (this.current.serverErrorBurst > 0) {
      this.current.serverErrorBurst--
      this.counts.serverErrors++
      return true
    }
    const hit = this.hit(this.current.serverErrorShare)
    if (hit) this.counts.serverErrors++
    return hit
  }

  latencyMs(): number {
    return this.current.latencyMs
  }

  /** Per event: deliver twice? */
  duplicateNow(): boolean {
    return this.hit(this.current.duplicateEventShare)
  }

  /** Per event: hold back behind the next one? */
  reorderNow(): boolean {
    return this.hit(this.current.reorderEventShare)
  }

  private hit(share: number): boolean {
    return share > 0 && (share >= 1 || this.random.next() < share)
  }

  private requireActions(): FaultActions {
    if (!this.actions) throw new Error('[DemoOrgFaults] not bound to a running demo org')
    return this.actions
  }
}
