/**
 * The demo org's contact-center model: a seeded, deterministic discrete-event simulation of target queues, agents,
 * callers and the callback solution. It runs in pure virtual time (`run`, `runUntil`, `step`) for benchmarks and
 * is advanced against a clock by `RealTimeDriver` for the demo org server, which mirrors its events.
 */
import { toDisposable, type Disposable } from '../../core/disposable'
import { acwDone, answer, handleDone } from './agents'
import { blueprintPolicy, qlPolicy } from './builtin-policies'
import { onConfirm, onDial, onOutcome, onWake } from './callbacks'
import { onAbandon, onArrival, onOffer, onStaffing, scheduleNextArrival } from './calls'
import { cancelCallback, dispatchCallbackNow, rescheduleCallback, type CommandResult } from './commands'
import { schedule, type SimContext } from './context'
import { heapPop } from './event-heap'
import { type ModelConfig, type QueueConfig, validateConfig } from './config'
import { type AgentActivity, type ModelEvent, type ModelListener } from './events'
import { type CallbackView, type QueueView, type TimingPolicy } from './policy'
import { cloneState, createState, Ev, type Caller, type SimEvent, type SimState } from './state'
import { DEFAULT_TWIN_HORIZON_SECONDS, type TwinOptions } from './twins'
import { callbackView, queueView } from './views'

/** How to build a model. */
export interface ModelOptions {
  /** One policy for all queues, or one per queue. Default: `qlPolicy()` (ours flows) / `blueprintPolicy()`. */
  readonly policy?: TimingPolicy | ((queue: QueueConfig) => TimingPolicy)
  /** Run a counterfactual twin for callback requesters (benchmark ground truth). */
  readonly twins?: TwinOptions
  /** From-scratch twin: this caller id never takes a callback nor abandons (and `twinAnsweredAt` records them). */
  readonly holdCallerId?: number
}

/** A live callback as the demo org needs it (adds the queue and the dial stage to the policy view). */
export interface CallbackSnapshot extends CallbackView {
  readonly queueId: string
  readonly stage: 'sleeping' | 'latency' | 'ringing' | 'confirming'
}

/** Running totals of a queue since t = 0 (for analytics aggregates: nOffered, tAnswered, tAbandon, tHandle). */
export interface QueueTotals {
  readonly arrivals: number
  readonly answered: number
  readonly abandoned: number
  readonly completed: number
  readonly handleSeconds: number
  /** Placeholders the blueprint flows left in the holding queue. */
  readonly leakedPlaceholders: number
}

/** One agent's current activity. */
export interface AgentSnapshot {
  readonly agentId: number
  readonly state: AgentActivity
  readonly leaving: boolean
  readonly callerId?: number
}

function defaultPolicy(queue: QueueConfig): TimingPolicy {
  return queue.callbacks.flows === 'blueprint' ? blueprintPolicy() : qlPolicy()
}

/** The contact-center model. Not re-entrant: listeners must not call its methods while it is processing. */
export class ContactCenterModel {
  readonly config: ModelConfig
  private readonly state: SimState
  private readonly policies: readonly TimingPolicy[]
  private readonly listeners = new Set<ModelListener>()
  private readonly twins: TwinOptions | undefined
  private readonly ctx: SimContext
  private processing = false
  private eventCount = 0

  /** `forkOf` is internal (used by `fork` and twins): start from a copied state instead of t = 0. */
  constructor(config: ModelConfig, options: ModelOptions = {}, forkOf?: { state: SimState; policies: readonly TimingPolicy[] }) {
    validateConfig(config)
    this.config = config
    this.twins = forkOf ? undefined : options.twins
    const p = options.policy
    this.policies =
      forkOf?.policies ?? config.queues.map((q) => (p === undefined ? defaultPolicy(q) : typeof p === 'function' ? p(q) : p))
    this.state = forkOf?.state ?? createState(config)
    const listeners = this.listeners
    this.ctx = {
      config,
      state: this.state,
      policyFor: (q) => this.policies[q]!,
      get listening() {
        return listeners.size > 0
      },
      emit: (event) => {
        for (const l of listeners) l(event)
      },
      beforeCallbackAccepted: (ev, caller) => this.runTwin(ev, caller)
    }
    if (!forkOf) {
      if (options.holdCallerId !== undefined) {
        this.state.holdForever = options.holdCallerId
        this.state.watch = options.holdCallerId
      }
      config.queues.forEach((_, q) => {
        schedule(this.ctx, 0, Ev.Staffing, q, 0, 0)
        scheduleNextArrival(this.ctx, q)
      })
    }
  }

  /** Current model time, seconds since t = 0. */
  get now(): number {
    return this.state.now
  }

  /** Events processed so far (a cost measure for benchmarks). */
  get processedEvents(): number {
    return this.eventCount
  }

  /** With `holdCallerId`: when that caller was answered (undefined until then). */
  get twinAnsweredAt(): number | undefined {
    return this.state.watchAnsweredAt >= 0 ? this.state.watchAnsweredAt : undefined
  }

  /** Subscribes to every model event; dispose to unsubscribe. */
  onEvent(listener: ModelListener): Disposable {
    this.listeners.add(listener)
    return toDisposable(() => this.listeners.delete(listener))
  }

  /** Time of the next pending event, or undefined when nothing is pending. */
  nextEventTime(): number | undefined {
    return this.state.heap[0]?.t
  }

  /** Processes the next event. Returns false when none is pending. */
  step(): boolean {
    this.assertIdle()
    const ev = heapPop(this.state.heap)
    if (!ev) return false
    this.state.now = ev.t
    this.processing = true
    try {
      this.handle(ev)
    } finally {
      this.processing = false
    }
    this.eventCount++
    return true
  }

  /** Processes every event up to and including `t`, then sets the time to `t` (never backwards). */
  runUntil(t: number): void {
    const heap = this.state.heap
    while (heap.length > 0 && heap[0]!.t <= t) this.step()
    if (t > this.state.now) this.state.now = t
  }

  /** Runs until nothing is pending or `limit` (default: duration + 6 h to drain, or 24 h when endless). */
  run(limit?: number): void {
    const d = this.config.durationSeconds
    const until = limit ?? (Number.isFinite(d) ? d + 6 * 3600 : 24 * 3600)
    const heap = this.state.heap
    while (heap.length > 0 && heap[0]!.t <= until) this.step()
  }

  /** An independent copy at the same instant (same policies, no listeners, no twins). */
  fork(): ContactCenterModel {
    this.assertIdle()
    return this.forkRaw()
  }

  /** Live state of a queue, as policies see it (also what the demo org's EWT / observation APIs report). */
  queueView(queueId: string): QueueView {
    return queueView(this.ctx, this.queueIndex(queueId))
  }

  /** Live callbacks (waiting or dispatched), optionally of one queue, in request order. */
  callbacks(queueId?: string): CallbackSnapshot[] {
    const q = queueId === undefined ? -1 : this.queueIndex(queueId)
    const out: CallbackSnapshot[] = []
    for (const c of this.state.callers.values()) {
      if (c.cb && (q < 0 || c.q === q)) out.push(this.snapshotOf(c))
    }
    return out.sort((a, b) => a.requestedAt - b.requestedAt || a.id - b.id)
  }

  /** One live callback, or undefined when it has ended (or never existed). */
  callback(id: number): CallbackSnapshot | undefined {
    const c = this.state.callers.get(id)
    return c?.cb ? this.snapshotOf(c) : undefined
  }

  /** Every agent of a queue (logged off ones included). */
  agents(queueId: string): AgentSnapshot[] {
    return this.state.queues[this.queueIndex(queueId)]!.agents.map((a, agentId) => ({
      agentId,
      state: a.state,
      leaving: a.leaving,
      ...(a.caller >= 0 ? { callerId: a.caller } : {})
    }))
  }

  /** Placeholders the blueprint flows left in the holding queue so far. */
  leakedPlaceholders(queueId: string): number {
    return this.state.queues[this.queueIndex(queueId)]!.leaked
  }

  /** Running totals of a queue since t = 0. */
  queueTotals(queueId: string): QueueTotals {
    const qs = this.state.queues[this.queueIndex(queueId)]!
    const st = qs.stats
    return {
      arrivals: qs.arrivals,
      answered: st.totalAnswered,
      abandoned: st.totalAbandoned,
      completed: st.totalCompleted,
      handleSeconds: st.totalHandle,
      leakedPlaceholders: qs.leaked
    }
  }

  /** Staff cancel (see commands.ts). */
  cancelCallback(id: number, reason?: string): CommandResult {
    this.assertIdle()
    return cancelCallback(this.ctx, id, reason)
  }

  /** Staff reschedule to model time `at` (see commands.ts). */
  rescheduleCallback(id: number, at: number): CommandResult {
    this.assertIdle()
    return rescheduleCallback(this.ctx, id, at)
  }

  /** Staff "call now" (see commands.ts). */
  dispatchCallbackNow(id: number): CommandResult {
    this.assertIdle()
    return dispatchCallbackNow(this.ctx, id)
  }

  private handle(ev: SimEvent): void {
    const ctx = this.ctx
    switch (ev.k) {
      case Ev.Arrival:
        return onArrival(ctx, ev.q)
      case Ev.Offer:
        return onOffer(ctx, ev)
      case Ev.Abandon:
        return onAbandon(ctx, ev)
      case Ev.Answer:
        return answer(ctx, ev.q, ev.id)
      case Ev.HandleDone:
        return handleDone(ctx, ev.q, ev.id)
      case Ev.AcwDone:
        return acwDone(ctx, ev.q, ev.id)
      case Ev.Staffing:
        return onStaffing(ctx, ev.q)
      case Ev.CbWake:
        return onWake(ctx, ev)
      case Ev.CbDial:
        return onDial(ctx, ev)
      case Ev.CbOutcome:
        return onOutcome(ctx, ev)
      case Ev.CbConfirm:
        return onConfirm(ctx, ev)
      default:
        throw new Error(`[SimModel] unknown event kind ${ev.k}`)
    }
  }

  private forkRaw(): ContactCenterModel {
    return new ContactCenterModel(this.config, {}, { state: cloneState(this.state), policies: this.policies })
  }

  /** The twin fork point: called inside the offer handler before any state has changed. */
  private runTwin(ev: SimEvent, caller: Caller): void {
    const opts = this.twins
    if (!opts) return
    const request = {
      queueId: this.config.queues[caller.q]!.id,
      callerId: caller.id,
      arrivalAt: caller.arrivalAt,
      offeredAt: this.state.now
    }
    if (opts.select && !opts.select(request)) return
    const twin = this.forkRaw()
    const ts = twin.state
    ts.holdForever = caller.id
    ts.watch = caller.id
    twin.handle(ev)
    const limit = this.state.now + (opts.horizonSeconds ?? DEFAULT_TWIN_HORIZON_SECONDS)
    while (ts.watchAnsweredAt < 0 && ts.heap.length > 0 && ts.heap[0]!.t <= limit) twin.step()
    const answeredAt = ts.watchAnsweredAt >= 0 ? ts.watchAnsweredAt : undefined
    opts.onResult({
      ...request,
      answeredAt,
      waitSeconds: answeredAt === undefined ? undefined : answeredAt - caller.arrivalAt,
      events: twin.eventCount
    })
  }

  private snapshotOf(c: Caller): CallbackSnapshot {
    return {
      ...callbackView(this.state.queues[c.q]!, c),
      queueId: this.config.queues[c.q]!.id,
      stage: c.cb!.stage
    }
  }

  private queueIndex(queueId: string): number {
    const q = this.config.queues.findIndex((x) => x.id === queueId)
    if (q < 0) throw new Error(`[SimModel] unknown queue ${queueId}`)
    return q
  }

  private assertIdle(): void {
    if (this.processing) throw new Error('[SimModel] model commands must not be called from inside a listener')
  }
}

/** Runs a whole day in virtual time and returns every event (handy for tests and small benchmarks). */
export function runDay(config: ModelConfig, options: ModelOptions = {}): ModelEvent[] {
  const model = new ContactCenterModel(config, options)
  const events: ModelEvent[] = []
  model.onEvent((e) => events.push(e))
  model.run()
  return events
}
