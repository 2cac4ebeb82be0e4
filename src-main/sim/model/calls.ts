/**
 * Inbound call handling: arrivals (with each caller's own random draws), the callback offer after the EWT
 * prompt, abandonment, and the staffing plan's step changes.
 */
import { applyStaffing, assign } from './agents'
import { requestCallback } from './callbacks'
import { queueCfg, queueId, schedule, type SimContext } from './context'
import { sample } from './distributions'
import { nextArrivalTime, nextBoundary, stepAt } from './profile'
import { nextExp1, nextUniform, Purpose, seedStream } from './rng'
import { Ev, type Caller, type SimEvent } from './state'
import { recordAbandon, recordArrival } from './stats'
import { callbacksAheadOf, callsAheadOf, enqueue, leaveQueue } from './target-queue'
import { queueView } from './views'

const scratch = new Int32Array(4)

/** Schedules the queue's next arrival after the current time (none after the day's duration). */
export function scheduleNextArrival(ctx: SimContext, q: number): void {
  const s = ctx.state
  const cfg = queueCfg(ctx, q)
  const e = nextExp1(s.queues[q]!.arrivalRng)
  const t = nextArrivalTime(cfg.arrivals, s.now, e, ctx.config.durationSeconds, ctx.config.cycleSeconds)
  if (Number.isFinite(t) && t <= ctx.config.durationSeconds) schedule(ctx, t, Ev.Arrival, q, 0, 0)
}

/** A call arrives: draw its handle time, patience and callback choice from its own streams, and queue it. */
export function onArrival(ctx: SimContext, q: number): void {
  const s = ctx.state
  const qs = s.queues[q]!
  const cfg = queueCfg(ctx, q)
  const seed = ctx.config.seed
  const idx = qs.arrivals++
  const c: Caller = {
    id: s.nextCallerId++,
    q,
    idx,
    arrivalAt: s.now,
    handle: sample(cfg.handle, seedStream(scratch, seed, Purpose.Handle, q, idx)),
    patience: sample(cfg.patience, seedStream(scratch, seed, Purpose.Patience, q, idx)),
    choiceU: nextUniform(seedStream(scratch, seed, Purpose.Choice, q, idx)),
    phase: 'queued',
    tok: 0,
    enqueuedAt: s.now,
    priority: 0,
    order: 0,
    place: 0,
    agent: -1,
    cb: undefined,
    viaCallback: false
  }
  s.callers.set(c.id, c)
  recordArrival(qs, s.now, cfg.statsWindowSeconds)
  if (ctx.listening) ctx.emit({ type: 'arrival', t: s.now, queueId: cfg.id, callerId: c.id })
  enqueue(qs, c, s.now, 0, cfg.statsWindowSeconds)
  c.place = c.order
  if (ctx.listening) ctx.emit({ type: 'queued', t: s.now, queueId: cfg.id, callerId: c.id, priority: 0 })
  if (qs.idle.length > 0) {
    assign(ctx, q, qs.idle.shift()!, c)
  } else {
    if (Number.isFinite(c.patience)) schedule(ctx, s.now + c.patience, Ev.Abandon, q, c.id, c.tok)
    if (cfg.callbacks.enabled) schedule(ctx, s.now + cfg.callbacks.promptSeconds, Ev.Offer, q, c.id, c.tok)
  }
  scheduleNextArrival(ctx, q)
}

/** A waiting caller's patience ran out. The twin's held caller never abandons. */
export function onAbandon(ctx: SimContext, ev: SimEvent): void {
  const s = ctx.state
  const c = s.callers.get(ev.id)
  if (!c || c.phase !== 'queued' || c.tok !== ev.tok || c.id === s.holdForever) return
  const qs = s.queues[c.q]!
  const cfg = queueCfg(ctx, c.q)
  leaveQueue(qs, c, s.now, cfg.statsWindowSeconds)
  recordAbandon(qs, s.now, cfg.statsWindowSeconds)
  s.callers.delete(c.id)
  if (ctx.listening) {
    ctx.emit({ type: 'abandoned', t: s.now, queueId: cfg.id, callerId: c.id, waitedSeconds: s.now - c.enqueuedAt })
  }
}

/** The EWT prompt has played: offer a callback when the announced wait is above the threshold. */
export function onOffer(ctx: SimContext, ev: SimEvent): void {
  const s = ctx.state
  const c = s.callers.get(ev.id)
  if (!c || c.phase !== 'queued' || c.tok !== ev.tok || c.id === s.holdForever) return
  const qs = s.queues[c.q]!
  const cbc = queueCfg(ctx, c.q).callbacks
  const callsAhead = callsAheadOf(qs, c.order)
  const offer = {
    callerId: c.id,
    arrivalAt: c.arrivalAt,
    positionInQueue: callsAhead + 1,
    callsAhead,
    callbacksAhead: callbacksAheadOf(qs, c.place)
  }
  const announced = ctx.policyFor(c.q).announceWait(queueView(ctx, c.q), offer)
  if (!(announced > cbc.offerThresholdSeconds)) return
  const accepted = c.choiceU < cbc.uptake
  if (accepted) ctx.beforeCallbackAccepted(ev, c)
  if (ctx.listening) {
    ctx.emit({
      type: 'callback-offered',
      t: s.now,
      queueId: queueId(ctx, c.q),
      callerId: c.id,
      announcedWaitSeconds: announced,
      accepted
    })
  }
  if (accepted) requestCallback(ctx, c, announced)
}

/** A staffing step begins: apply it and schedule the next one (none after the day's duration). */
export function onStaffing(ctx: SimContext, q: number): void {
  const s = ctx.state
  const cfg = queueCfg(ctx, q)
  const cycle = ctx.config.cycleSeconds
  applyStaffing(ctx, q, stepAt(cfg.staffing, s.now, cycle)?.agents ?? 0)
  const next = nextBoundary(cfg.staffing, s.now, cycle)
  if (Number.isFinite(next) && next <= ctx.config.durationSeconds) schedule(ctx, next, Ev.Staffing, q, 0, 0)
}
