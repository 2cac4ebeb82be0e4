/**
 * The callback path, as the deployed flows (`ours`) or the original blueprint's flows behave: placeholder in the
 * holding queue, workflow wake-ups, dispatch to the campaign, dial outcome, confirmation, transfer back to the
 * target queue with a priority, retries and cleanup — or, in blueprint mode, one wait, one dial, cleanup only on
 * a live answer that reached the menu, and no retry.
 */
import { assign } from './agents'
import { queueCfg, schedule, type SimContext } from './context'
import { type CallbackActor, type CallbackEnd } from './events'
import { DIAL_OUTCOMES } from './config'
import { pickWeighted, sample } from './distributions'
import { fenwickAdd } from './fenwick'
import { nextUniform, Purpose, seedStream } from './rng'
import { Ev, type Caller, type CallbackRec, type SimEvent } from './state'
import { enqueue, leaveQueue } from './target-queue'
import { callbackView, queueView } from './views'

const scratch = new Int32Array(4)
/** Shortest pause between two policy reviews of one callback (guards against a policy asking for "now"). */
const MIN_REVIEW_STEP_SECONDS = 1

/** The caller accepted: flow-out of the target queue, placeholder created, first plan from the policy. */
export function requestCallback(ctx: SimContext, c: Caller, announced: number): void {
  const s = ctx.state
  const qs = s.queues[c.q]!
  const cfg = queueCfg(ctx, c.q)
  leaveQueue(qs, c, s.now, cfg.statsWindowSeconds)
  c.phase = 'callback'
  c.viaCallback = true
  const cb: CallbackRec = {
    state: 'waiting',
    requestedAt: s.now,
    promisedWaitSeconds: announced,
    scheduledAt: s.now,
    priority: 0,
    attempts: 0,
    fixedTime: false,
    tok: 0,
    stage: 'sleeping',
    outcome: 0,
    ring: 0,
    confirm: 0,
    yes: false,
    menuFail: false
  }
  c.cb = cb
  fenwickAdd(qs.pending, c.place, 1)
  qs.pendingCount++
  qs.holdingOpen++
  const plan = ctx.policyFor(c.q).planCallback(queueView(ctx, c.q), callbackView(qs, c))
  const latest = s.now + cfg.callbacks.maxWaitSeconds
  cb.scheduledAt = Number.isFinite(plan.scheduledAt) ? Math.min(Math.max(plan.scheduledAt, s.now), latest) : latest
  cb.priority = Math.max(0, plan.priority)
  if (ctx.listening) {
    ctx.emit({
      type: 'callback-requested',
      t: s.now,
      queueId: cfg.id,
      callbackId: c.id,
      callerId: c.id,
      arrivalAt: c.arrivalAt,
      promisedWaitSeconds: announced,
      scheduledAt: cb.scheduledAt,
      priority: cb.priority
    })
  }
  scheduleWake(ctx, c, Infinity)
}

/** Whether the scheduled time (not a policy review) decides when this callback is dialled. */
function timeDriven(ctx: SimContext, c: Caller): boolean {
  return queueCfg(ctx, c.q).callbacks.flows === 'blueprint' || c.cb!.fixedTime || !ctx.policyFor(c.q).reviewCallback
}

/**
 * Next workflow wake-up. Blueprint: exactly at the scheduled time (one Wait). Ours: within one slice; a reviewing
 * policy may ask for an earlier look (`reviewAt`); a time-driven callback also wakes at its scheduled time.
 */
function scheduleWake(ctx: SimContext, c: Caller, reviewAt: number): void {
  const s = ctx.state
  const cb = c.cb!
  const cbc = queueCfg(ctx, c.q).callbacks
  let at = cb.scheduledAt
  if (cbc.flows === 'ours') {
    at = Math.min(s.now + cbc.sliceSeconds, cb.requestedAt + cbc.maxWaitSeconds)
    if (timeDriven(ctx, c)) at = Math.min(at, cb.scheduledAt)
    if (reviewAt < at) at = Math.max(reviewAt, s.now + MIN_REVIEW_STEP_SECONDS)
  }
  schedule(ctx, Math.max(at, s.now), Ev.CbWake, c.q, c.id, cb.tok)
}

/**
 * The workflow wakes up for a waiting callback. Time-driven callbacks (blueprint flows, a policy without review,
 * a time fixed by staff or a retry) are dialled once their time has come; otherwise the policy's review decides,
 * and its `scheduledAt` is the projection shown as `callbackScheduledTime`.
 */
export function onWake(ctx: SimContext, ev: SimEvent): void {
  const s = ctx.state
  const c = s.callers.get(ev.id)
  const cb = c?.cb
  if (!c || !cb || cb.tok !== ev.tok || cb.state !== 'waiting') return
  const cbc = queueCfg(ctx, c.q).callbacks
  const byTime: CallbackActor = cb.attempts > 0 ? 'retry' : 'schedule'
  if (cbc.flows === 'blueprint' || s.now >= cb.requestedAt + cbc.maxWaitSeconds) {
    dispatch(ctx, c, byTime)
    return
  }
  if (timeDriven(ctx, c)) {
    if (s.now >= cb.scheduledAt) dispatch(ctx, c, byTime)
    else scheduleWake(ctx, c, Infinity)
    return
  }
  const qs = s.queues[c.q]!
  const decision = ctx.policyFor(c.q).reviewCallback!(queueView(ctx, c.q), callbackView(qs, c))
  if (decision.action === 'dispatch') {
    dispatch(ctx, c, 'policy')
    return
  }
  const proposed = decision.scheduledAt
  const minMove = Math.max(cbc.projectionUpdateSeconds, 0.1 * Math.abs(cb.scheduledAt - s.now))
  if (proposed !== undefined && Number.isFinite(proposed) && Math.abs(proposed - cb.scheduledAt) >= minMove) {
    cb.scheduledAt = Math.max(s.now, proposed)
    if (ctx.listening) {
      const queueId = queueCfg(ctx, c.q).id
      ctx.emit({ type: 'callback-rescheduled', t: s.now, queueId, callbackId: c.id, scheduledAt: cb.scheduledAt, by: 'policy' })
    }
  }
  scheduleWake(ctx, c, decision.reviewAt ?? Infinity)
}

/** Appends the contact to the campaign: draws this attempt's dial from the caller's stream for that attempt. */
export function dispatch(ctx: SimContext, c: Caller, by: CallbackActor): void {
  const s = ctx.state
  const cb = c.cb!
  const cbc = queueCfg(ctx, c.q).callbacks
  const seed = ctx.config.seed
  cb.state = 'dispatched'
  cb.attempts++
  cb.tok++
  cb.stage = 'latency'
  const slot = (k: number) => seedStream(scratch, seed, Purpose.Dial, c.q, c.idx, cb.attempts * 16 + k)
  const latency = sample(cbc.dialerLatency, slot(0))
  cb.outcome = pickWeighted(
    DIAL_OUTCOMES.map((o) => cbc.outcomeShares[o]),
    nextUniform(slot(1))
  )
  cb.ring = sample(cbc.ring[DIAL_OUTCOMES[cb.outcome]!], slot(2))
  cb.confirm = sample(cbc.confirm, slot(3))
  cb.yes = nextUniform(slot(4)) < cbc.confirmYesShare
  cb.menuFail = nextUniform(slot(5)) < cbc.menuFailShare
  if (ctx.listening) {
    ctx.emit({
      type: 'callback-dispatched',
      t: s.now,
      queueId: queueCfg(ctx, c.q).id,
      callbackId: c.id,
      attempt: cb.attempts,
      by
    })
  }
  schedule(ctx, s.now + latency, Ev.CbDial, c.q, c.id, cb.tok)
}

function liveCallback(ctx: SimContext, ev: SimEvent, stage: CallbackRec['stage']): Caller | undefined {
  const c = ctx.state.callers.get(ev.id)
  const cb = c?.cb
  if (!c || !cb || cb.tok !== ev.tok || cb.state !== 'dispatched' || cb.stage !== stage) return undefined
  return c
}

/** The campaign starts dialling. */
export function onDial(ctx: SimContext, ev: SimEvent): void {
  const c = liveCallback(ctx, ev, 'latency')
  if (!c) return
  const cb = c.cb!
  cb.stage = 'ringing'
  if (ctx.listening) {
    ctx.emit({
      type: 'callback-dialling',
      t: ctx.state.now,
      queueId: queueCfg(ctx, c.q).id,
      callbackId: c.id,
      attempt: cb.attempts
    })
  }
  schedule(ctx, ctx.state.now + cb.ring, Ev.CbOutcome, c.q, c.id, cb.tok)
}

/** Call analysis result: live → confirmation; otherwise retry (ours) or give up. */
export function onOutcome(ctx: SimContext, ev: SimEvent): void {
  const c = liveCallback(ctx, ev, 'ringing')
  if (!c) return
  const s = ctx.state
  const cb = c.cb!
  const cbc = queueCfg(ctx, c.q).callbacks
  const outcome = DIAL_OUTCOMES[cb.outcome]!
  if (ctx.listening) {
    ctx.emit({
      type: 'callback-dial-outcome',
      t: s.now,
      queueId: queueCfg(ctx, c.q).id,
      callbackId: c.id,
      attempt: cb.attempts,
      outcome,
      ringSeconds: cb.ring
    })
  }
  const ours = cbc.flows === 'ours'
  if (outcome === 'live') {
    if (!ours && cb.menuFail) {
      endCallback(ctx, c, 'unreached', false, 'flow', 'menu-failed')
      return
    }
    cb.stage = 'confirming'
    schedule(ctx, s.now + cb.confirm, Ev.CbConfirm, c.q, c.id, cb.tok)
    return
  }
  if (ours && cb.attempts < cbc.retry.maxAttempts && cbc.retry.on.includes(outcome)) {
    cb.state = 'waiting'
    cb.stage = 'sleeping'
    cb.fixedTime = true
    cb.scheduledAt = s.now + cbc.retry.delaySeconds
    cb.tok++
    if (ctx.listening) {
      const queueId = queueCfg(ctx, c.q).id
      ctx.emit({ type: 'callback-rescheduled', t: s.now, queueId, callbackId: c.id, scheduledAt: cb.scheduledAt, by: 'retry' })
    }
    scheduleWake(ctx, c, Infinity)
    return
  }
  endCallback(ctx, c, 'unreached', ours, 'flow', outcome)
}

/** "Do you still want to speak with an agent?" answered: transfer back with priority, or decline. */
export function onConfirm(ctx: SimContext, ev: SimEvent): void {
  const c = liveCallback(ctx, ev, 'confirming')
  if (!c) return
  const cb = c.cb!
  if (!cb.yes) {
    endCallback(ctx, c, 'declined', true, 'flow')
    return
  }
  const priority = cb.priority
  endCallback(ctx, c, 'connected', true, 'flow')
  requeue(ctx, c, priority)
}

/** A connected callback joins the target queue with its priority (and its own requeue patience). */
function requeue(ctx: SimContext, c: Caller, priority: number): void {
  const s = ctx.state
  const qs = s.queues[c.q]!
  const cfg = queueCfg(ctx, c.q)
  enqueue(qs, c, s.now, priority, cfg.statsWindowSeconds)
  if (ctx.listening) ctx.emit({ type: 'queued', t: s.now, queueId: cfg.id, callerId: c.id, priority, callbackId: c.id })
  if (qs.idle.length > 0) {
    assign(ctx, c.q, qs.idle.shift()!, c)
    return
  }
  const patience = sample(
    cfg.callbacks.requeuePatience,
    seedStream(scratch, ctx.config.seed, Purpose.RequeuePatience, c.q, c.idx)
  )
  if (Number.isFinite(patience)) schedule(ctx, s.now + patience, Ev.Abandon, c.q, c.id, c.tok)
}

/** Terminal state: the placeholder is disconnected (or, blueprint defect, left behind). */
export function endCallback(
  ctx: SimContext,
  c: Caller,
  state: CallbackEnd,
  placeholderDisconnected: boolean,
  by: CallbackActor,
  reason?: string
): void {
  const s = ctx.state
  const qs = s.queues[c.q]!
  const cb = c.cb!
  fenwickAdd(qs.pending, c.place, -1)
  qs.pendingCount--
  if (placeholderDisconnected) qs.holdingOpen--
  else qs.leaked++
  if (ctx.listening) {
    ctx.emit({
      type: 'callback-ended',
      t: s.now,
      queueId: queueCfg(ctx, c.q).id,
      callbackId: c.id,
      state,
      attempts: cb.attempts,
      placeholderDisconnected,
      by,
      ...(reason !== undefined ? { reason } : {})
    })
  }
  cb.tok++
  c.cb = undefined
  if (state !== 'connected') s.callers.delete(c.id)
}
