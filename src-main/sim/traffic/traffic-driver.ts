/**
 * The people of the demo org, on the org's own clock: callers arriving at the target queue with the intraday
 * profile, waiting with their patience, hearing the callback offer; agents logging on and off with the staffing
 * plan, taking the next waiting call in the org's routing order (`nextWaiting`, so returned callbacks with
 * priority go first), talking for a lognormal handle time and wrapping up. The org's state is the truth: every
 * step is a store mutation (conversations, routing statuses) that publishes its own topics. Deterministic for a
 * seed on a virtual clock.
 */
import type { SimTimer } from '../org/clock'
import type { SimConversation } from '../org/conversation-types'
import type { SimOrg } from '../org/org'
import { meanOf } from '../model/distributions'
import { nextBoundary, nextArrivalTime, stepAt } from '../model/profile'
import { createStream, nextExp1, nextUniform, Purpose, seedStream } from '../model/rng'
import { AgentPool, type PoolAgent } from './agent-pool'
import { offerCallback } from './callback-offer'
import { drawCaller, drawReturnedHandle, TrafficPurpose, type CallerDraws } from './callers'
import { RunningStats } from './running-stats'
import type { TrafficConfig } from './traffic-config'
import { TrafficCounters } from './traffic-counters'

/** The number callers dial (fictional). */
export const SERVICE_NUMBER = '+13175550199'

interface LiveCaller extends CallerDraws {
  readonly callerId: number
  readonly arrivalMs: number
  readonly handle: number
  readonly timers: SimTimer[]
}

const scratch = new Int32Array(4)

/** Runs the traffic of one target queue until stopped. */
export class TrafficDriver {
  readonly counters = new TrafficCounters()
  readonly stats: RunningStats
  readonly pool: AgentPool
  private readonly callers = new Map<string, LiveCaller>()
  private readonly timers = new Set<SimTimer>()
  private readonly arrivalRng: Int32Array
  private arrivalIndex = 0
  private returnedIndex = 0
  private pumpTimer: SimTimer | undefined
  private unsubscribe: (() => void) | undefined
  private stopped = false
  private startedAt = 0

  constructor(
    readonly org: SimOrg,
    readonly config: TrafficConfig,
    readonly targetQueueId: string,
    private readonly log: (line: string) => void = () => undefined
  ) {
    // the EWT emulation and the policies start from the plan's handle time plus wrap-up
    this.stats = new RunningStats(config.statsWindowSeconds, meanOf(config.handle) + config.afterCallWorkSeconds)
    this.pool = new AgentPool(org.routing, [...org.routing.membersOf(targetQueueId)])
    this.arrivalRng = createStream(config.seed, Purpose.Arrivals, 0)
  }

  /** Profile seconds now. */
  now(): number {
    return (this.org.clock.now() - this.config.originMs) / 1000
  }

  /** Starts staffing, arrivals and routing (and the warm start: busy agents and a few callers waiting). */
  start(): void {
    const t = this.now()
    this.startedAt = t
    const wrapUp = this.config.afterCallWorkSeconds
    this.publishHistory()
    this.pool.start(stepAt(this.config.staffing, t, this.config.cycleSeconds)?.agents ?? 0)
    this.scheduleStaffing(t)
    this.unsubscribe = this.org.conversations.onChange((conv) => {
      if (conv.media === 'call' && conv.phase === 'waiting' && conv.queueId === this.targetQueueId) this.schedulePump()
    })
    for (let i = 0; i < this.config.warmStartCalls; i++) {
      const u = nextUniform(seedStream(scratch, this.config.seed, TrafficPurpose.WarmStart, 0, i))
      this.arrive(i < this.pool.onQueue ? 0.05 + 0.95 * u : 1)
    }
    this.scheduleArrival(t)
    this.log(`[Traffic] started: ${this.pool.onQueue} agents on queue, wrap-up ${wrapUp} s`)
  }

  /** Cancels every timer; the org keeps its state. */
  stop(): void {
    if (this.stopped) return
    this.stopped = true
    this.unsubscribe?.()
    for (const t of this.timers) t.cancel()
    this.timers.clear()
  }

  /** Runs `fn` at profile time `t` (tracked, so `stop` cancels it). */
  at(t: number, fn: () => void): SimTimer {
    return this.after(Math.round(this.config.originMs + t * 1000) - this.org.clock.now(), fn)
  }

  /** Runs `fn` after `ms` of org time (tracked). */
  after(ms: number, fn: () => void): SimTimer {
    // whole milliseconds, like Genesys timestamps
    const timer = this.org.clock.schedule(Math.max(0, Math.round(ms)), () => {
      this.timers.delete(timer)
      if (!this.stopped) fn()
    })
    this.timers.add(timer)
    return timer
  }

  private publishHistory(): void {
    this.org.routing.setHistory(this.targetQueueId, { ahtSeconds: this.stats.ahtSeconds, abandonRate: this.stats.abandonRate })
  }

  private scheduleStaffing(t: number): void {
    const next = nextBoundary(this.config.staffing, t, this.config.cycleSeconds)
    if (!Number.isFinite(next)) return
    this.at(next, () => {
      this.pool.applyStaffing(stepAt(this.config.staffing, next, this.config.cycleSeconds)?.agents ?? 0)
      this.counters.staffingChanges++
      this.schedulePump()
      this.scheduleStaffing(next)
    })
  }

  private scheduleArrival(t: number): void {
    const next = nextArrivalTime(this.config.arrivals, t, nextExp1(this.arrivalRng), Infinity, this.config.cycleSeconds)
    if (!Number.isFinite(next)) return
    this.at(next, () => {
      this.arrive(1)
      this.scheduleArrival(next)
    })
  }

  /** A call reaches the target queue; `handleFactor` < 1 for warm-start calls already in progress. */
  private arrive(handleFactor: number): void {
    const draws = drawCaller(this.config, this.arrivalIndex++)
    const nowMs = this.org.clock.now()
    const conv = this.org.conversations.createInboundCall({
      ani: draws.phone,
      dnis: SERVICE_NUMBER,
      name: draws.name,
      queueId: this.targetQueueId
    })
    this.stats.arrival(this.now())
    this.counters.arrivals++
    const caller: LiveCaller = {
      ...draws,
      callerId: draws.index + 1,
      arrivalMs: nowMs,
      handle: draws.handleSeconds * handleFactor,
      timers: []
    }
    this.callers.set(conv.id, caller)
    if (Number.isFinite(draws.patienceSeconds))
      caller.timers.push(this.after(draws.patienceSeconds * 1000, () => this.abandon(conv.id)))
    caller.timers.push(this.after(this.config.promptSeconds * 1000, () => this.offer(conv.id)))
  }

  private waitingHere(conversationId: string): SimConversation | undefined {
    const conv = this.org.conversations.get(conversationId)
    return conv && conv.phase === 'waiting' && conv.queueId === this.targetQueueId ? conv : undefined
  }

  private forget(conversationId: string): LiveCaller | undefined {
    const caller = this.callers.get(conversationId)
    if (!caller) return undefined
    this.callers.delete(conversationId)
    for (const t of caller.timers) {
      t.cancel()
      this.timers.delete(t)
    }
    return caller
  }

  private abandon(conversationId: string): void {
    const conv = this.waitingHere(conversationId)
    if (!conv) return
    const caller = this.forget(conversationId)
    this.org.conversations.disconnect(conversationId, 'endpoint')
    this.stats.abandoned(this.now(), caller ? (this.org.clock.now() - caller.arrivalMs) / 1000 : 0)
    this.counters.abandoned++
    this.publishHistory()
  }

  private offer(conversationId: string): void {
    const conv = this.waitingHere(conversationId)
    const caller = this.callers.get(conversationId)
    if (!conv || !caller) return
    const src = {
      org: this.org,
      targetQueueId: this.targetQueueId,
      originMs: this.config.originMs,
      startedAt: this.startedAt,
      stats: this.stats,
      pool: this.pool
    }
    const result = offerCallback(src, this.config, caller, conv)
    if (result.kind === 'not-offered') return
    this.counters.offered++
    if (result.kind === 'failed') {
      this.counters.failedLaunches++
      this.log(`[Traffic] workflow launch failed: ${result.message}`)
      return
    }
    if (result.kind !== 'accepted') return
    this.counters.accepted++
    this.forget(conversationId)
    this.stats.flowedOut(this.now(), (this.org.clock.now() - caller.arrivalMs) / 1000)
  }

  private schedulePump(): void {
    if (this.pumpTimer || this.stopped) return
    this.pumpTimer = this.after(0, () => {
      this.pumpTimer = undefined
      this.pump()
    })
  }

  /** Idle agents take the next waiting calls in the org's routing order. */
  private pump(): void {
    for (;;) {
      if (this.pool.idleCount === 0) return
      const next = this.org.conversations.nextWaiting(this.targetQueueId, 'call')
      if (!next) return
      this.route(next)
    }
  }

  private route(conv: SimConversation): void {
    const agent = this.pool.takeIdle(conv.id)!
    const caller = this.forget(conv.id)
    const waited = (this.org.clock.now() - (conv.enqueuedAt ?? this.org.clock.now())) / 1000
    const handle = caller ? caller.handle : drawReturnedHandle(this.config, this.returnedIndex++)
    this.org.conversations.assignAgent(conv.id, agent.userId)
    this.stats.answered(this.now(), waited)
    if (caller) this.counters.answered++
    else this.counters.returnedAnswered++
    this.after(handle * 1000, () => this.complete(agent, conv.id, handle, caller ? 'Resolved' : 'Callback completed'))
  }

  private complete(agent: PoolAgent, conversationId: string, handle: number, wrapupName: string): void {
    const conv = this.org.conversations.get(conversationId)
    const wrapUp = this.config.afterCallWorkSeconds
    if (conv && conv.phase !== 'ended') {
      const leg = this.org.conversations.activeLeg(conv)
      const code = [...this.org.routing.wrapupCodes.values()].find((w) => w.name === wrapupName)
      // the wrap-up the agent will enter; written before the disconnect so its commit publishes it
      if (leg?.purpose === 'agent' && code)
        leg.wrapup = { code: code.id, durationSeconds: wrapUp, endTime: this.org.clock.now() + wrapUp * 1000 }
      this.org.conversations.disconnect(conversationId, 'client')
    }
    this.stats.completed(handle + wrapUp)
    this.counters.completed++
    this.publishHistory()
    this.pool.toWrapUp(agent)
    this.after(wrapUp * 1000, () => {
      if (this.pool.release(agent)) this.schedulePump()
    })
  }
}
