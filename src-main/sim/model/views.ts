/**
 * Builds the read-only views handed to timing policies (and to the demo org for its EWT and observation APIs)
 * from the model's state. Building a view never changes what the model will do next.
 */
import { queueCfg, type SimContext } from './context'
import { meanOf } from './distributions'
import { type CallbackView, type QueueView } from './policy'
import { type Caller, type QueueState } from './state'
import { answeredInWindow } from './stats'
import { callbacksAheadOf, callsAheadOf, headOfLine } from './target-queue'

/** The callback of caller `c` as policies and the console see it. */
export function callbackView(qs: QueueState, c: Caller): CallbackView {
  const cb = c.cb
  if (!cb) throw new Error(`[SimModel] caller ${c.id} has no callback`)
  return {
    id: c.id,
    state: cb.state,
    arrivalAt: c.arrivalAt,
    requestedAt: cb.requestedAt,
    promisedWaitSeconds: cb.promisedWaitSeconds,
    scheduledAt: cb.scheduledAt,
    priority: cb.priority,
    attempts: cb.attempts,
    fixedTime: cb.fixedTime,
    callsAhead: callsAheadOf(qs, c.place),
    callbacksAhead: callbacksAheadOf(qs, c.place)
  }
}

/**
 * A queue view: scalars computed at construction, lists and the platform EWT on demand (prototype methods, so a
 * view costs one small object — policies are asked thousands of times a day). Valid during the call it is given to.
 */
class LiveQueueView implements QueueView {
  declare readonly queueId: string
  declare readonly now: number
  declare readonly originMs: number
  declare readonly queueLength: number
  declare readonly priorityWaiting: number
  declare readonly agentsOnQueue: number
  declare readonly idleAgents: number
  declare readonly busyAgents: number
  declare readonly leavingAgents: number
  declare readonly holdingCount: number
  declare readonly pendingCallbacks: number
  declare readonly ahtSeconds: number
  declare readonly answeredInWindow: number
  declare readonly windowSeconds: number
  declare readonly abandonRatePerSecond: number
  declare readonly arrivalRatePerSecond: number
  declare readonly holSeconds: number
  declare readonly staffing?: readonly { readonly at: number; readonly agents: number }[]

  constructor(
    private readonly ctx: SimContext,
    private readonly q: number
  ) {
    const s = ctx.state
    const now = s.now
    const qs = s.queues[q]!
    const cfg = queueCfg(ctx, q)
    const tau = cfg.statsWindowSeconds
    const st = qs.stats
    // Exponentially weighted sums brought to `now` without storing them (a view must not change the state).
    const f = Math.exp(-Math.max(0, now - st.decayAt) / tau)
    const area = st.area * f + qs.waitingCount * tau * (1 - f)
    const handleCount = st.handleCount * f
    const coverage = 1 - Math.exp(-now / tau)
    const head = headOfLine(qs, s.callers)
    this.queueId = cfg.id
    this.now = now
    this.originMs = ctx.config.originMs
    this.queueLength = qs.waitingCount
    this.priorityWaiting = qs.priorityWaiting
    this.agentsOnQueue = qs.idle.length + qs.busy + qs.acw
    this.idleAgents = qs.idle.length
    this.busyAgents = qs.busy
    this.leavingAgents = qs.leaving
    this.holdingCount = qs.holdingOpen
    this.pendingCallbacks = qs.pendingCount
    this.ahtSeconds = handleCount > 0.5 ? (st.handleSum * f) / handleCount : meanOf(cfg.handle)
    this.answeredInWindow = answeredInWindow(st, now, tau)
    this.windowSeconds = Math.min(tau, now)
    this.abandonRatePerSecond = area > 1e-9 ? (st.abandons * f) / area : 0
    this.arrivalRatePerSecond = coverage > 1e-9 ? (st.arrivals * f) / (tau * coverage) : 0
    this.holSeconds = head ? now - head.enqueuedAt : 0
    if (cfg.staffingKnown) this.staffing = cfg.staffing
  }

  get recentLesSeconds(): readonly number[] {
    return this.ctx.state.queues[this.q]!.stats.les.slice().reverse()
  }

  platformEwtSeconds(positionInQueue: number): number | undefined {
    const cfg = queueCfg(this.ctx, this.q)
    const st = this.ctx.state.queues[this.q]!.stats
    if (this.agentsOnQueue <= 0) return this.queueLength > 0 ? Math.round(this.holSeconds) : undefined
    const aht = cfg.platformEwt.ahtSeconds ?? (st.totalCompleted > 0 ? st.totalHandle / st.totalCompleted : meanOf(cfg.handle))
    const exits = st.totalAbandoned + st.totalAnswered
    const abandon = Math.min(Math.max(cfg.platformEwt.abandonShare ?? (exits > 0 ? st.totalAbandoned / exits : 0), 0), 1)
    return Math.round(((aht * positionInQueue) / this.agentsOnQueue) * (1 - abandon))
  }

  waitingCalls(): readonly { readonly enteredAt: number; readonly priority: number }[] {
    const s = this.ctx.state
    const out: { enteredAt: number; priority: number }[] = []
    for (const e of s.queues[this.q]!.waiting) {
      const c = s.callers.get(e.id)
      if (c && c.phase === 'queued' && c.tok === e.tok) out.push({ enteredAt: c.enqueuedAt, priority: c.priority })
    }
    return out
  }

  callbacks(): readonly CallbackView[] {
    const s = this.ctx.state
    const qs = s.queues[this.q]!
    const out: CallbackView[] = []
    for (const c of s.callers.values()) if (c.q === this.q && c.cb) out.push(callbackView(qs, c))
    return out
  }
}

/** The live state of queue `q` at the model's current time. */
export function queueView(ctx: SimContext, q: number): QueueView {
  return new LiveQueueView(ctx, q)
}
