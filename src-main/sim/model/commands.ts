/**
 * What staff can do to a live callback through the console (lifecycle contract, DESIGN.md): cancel, reschedule,
 * call now. The demo org applies a console action to its org state and to the model with these, so the model's
 * future matches what the console did. Expected refusals are values, not exceptions.
 */
import { dispatch, endCallback } from './callbacks'
import { queueCfg, type SimContext } from './context'

/** Result of a staff command. `honoured: false` = accepted but the flows will ignore it (blueprint reschedule). */
export type CommandResult =
  | { readonly ok: true; readonly honoured: boolean }
  | {
      readonly ok: false
      readonly code: 'not-found' | 'already-dispatched' | 'already-dialling'
      readonly message: string
    }

const notFound = (id: number): CommandResult => ({
  ok: false,
  code: 'not-found',
  message: `No live callback ${id} (it never existed or has already ended)`
})

/**
 * Cancel: a waiting callback, or a dispatched one the campaign has not started dialling (the contact is made
 * uncallable), ends as `cancelled`. Once dialling has started the call cannot be stopped.
 */
export function cancelCallback(ctx: SimContext, id: number, reason?: string): CommandResult {
  const c = ctx.state.callers.get(id)
  const cb = c?.cb
  if (!c || !cb) return notFound(id)
  if (cb.state === 'dispatched' && cb.stage !== 'latency') {
    return { ok: false, code: 'already-dialling', message: `Callback ${id} is being dialled` }
  }
  endCallback(ctx, c, 'cancelled', true, 'staff', reason)
  return { ok: true, honoured: true }
}

/**
 * Reschedule a waiting callback (`callbackScheduledTime`). Ours: honoured within one wake slice, and the policy no
 * longer moves it. Blueprint: the time is recorded but the sleeping workflow dials at its original time.
 */
export function rescheduleCallback(ctx: SimContext, id: number, at: number): CommandResult {
  const s = ctx.state
  const c = s.callers.get(id)
  const cb = c?.cb
  if (!c || !cb) return notFound(id)
  if (cb.state !== 'waiting') {
    return { ok: false, code: 'already-dispatched', message: `Callback ${id} has already been dispatched` }
  }
  const cfg = queueCfg(ctx, c.q)
  cb.scheduledAt = Math.max(s.now, at)
  cb.fixedTime = true
  if (ctx.listening) {
    ctx.emit({
      type: 'callback-rescheduled',
      t: s.now,
      queueId: cfg.id,
      callbackId: id,
      scheduledAt: cb.scheduledAt,
      by: 'staff'
    })
  }
  return { ok: true, honoured: cfg.callbacks.flows === 'ours' }
}

/** Call now: the console appends the contact itself; the workflow, on waking, finds it dispatched. */
export function dispatchCallbackNow(ctx: SimContext, id: number): CommandResult {
  const c = ctx.state.callers.get(id)
  const cb = c?.cb
  if (!c || !cb) return notFound(id)
  if (cb.state !== 'waiting') {
    return { ok: false, code: 'already-dispatched', message: `Callback ${id} has already been dispatched` }
  }
  dispatch(ctx, c, 'staff')
  return { ok: true, honoured: true }
}
