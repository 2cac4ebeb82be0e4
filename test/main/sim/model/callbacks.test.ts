import { describe, expect, it } from 'vitest'
import {
  blueprintPolicy,
  DEFAULT_CALLBACKS,
  modelConfig,
  qlPolicy,
  steadyQueue,
  type CallbackConfig,
  type ModelConfig,
  type TimingPolicy
} from '../../../../src-main/sim/model'
import { ofType, runAll } from './helpers'

/** An overloaded queue (ρ = 1.1) so that many callers hear long waits and get offered callbacks. */
function busyDay(callbacks: Partial<CallbackConfig>, seed = 21, hours = 8): ModelConfig {
  return modelConfig({
    seed,
    durationSeconds: hours * 3600,
    queues: [
      steadyQueue({
        agents: 20,
        ahtSeconds: 300,
        rho: 1.1,
        patience: { kind: 'exponential', mean: 900 },
        agentAlertSeconds: 3,
        callbacks: { enabled: true, ...callbacks }
      })
    ]
  })
}

describe('callback offer', () => {
  it('is made exactly when the announced wait is above the threshold, after the prompt, and accepted at the uptake share', () => {
    const announced = new Map<number, number>()
    const inner = qlPolicy()
    const recording: TimingPolicy = {
      ...inner,
      announceWait(queue, caller) {
        const w = inner.announceWait(queue, caller)
        announced.set(caller.callerId, w)
        return w
      }
    }
    const { events } = runAll(busyDay({ uptake: 0.37, offerThresholdSeconds: 120, promptSeconds: 10 }, 21, 24), {
      policy: recording
    })
    const offered = ofType(events, 'callback-offered')
    const offeredIds = new Set(offered.map((e) => e.callerId))
    expect(offered.length).toBeGreaterThan(1500)
    for (const [id, w] of announced) expect(offeredIds.has(id)).toBe(w > 120)
    const arrivals = new Map(ofType(events, 'arrival').map((e) => [e.callerId, e.t]))
    for (const e of offered) expect(e.t - arrivals.get(e.callerId)!).toBeCloseTo(10, 9)
    const share = offered.filter((e) => e.accepted).length / offered.length
    const sd = Math.sqrt((0.37 * 0.63) / offered.length)
    expect(Math.abs(share - 0.37)).toBeLessThan(4 * sd)
    // Every acceptance becomes exactly one request; nobody answered during the prompt was offered.
    expect(ofType(events, 'callback-requested').map((e) => e.callerId)).toEqual(
      offered.filter((e) => e.accepted).map((e) => e.callerId)
    )
    const assignedBeforeOffer = ofType(events, 'agent-assigned').filter(
      (e) => offeredIds.has(e.callerId) && e.t < arrivals.get(e.callerId)! + 10
    )
    expect(assignedBeforeOffer).toEqual([])
  })
})

describe('dispatch follows the timing policy', () => {
  it('a static plan is dialled exactly at its scheduled time and re-queued with its priority', () => {
    const policy: TimingPolicy = {
      name: 'static-420',
      announceWait: () => 600,
      planCallback: (_q, cb) => ({ scheduledAt: cb.requestedAt + 420, priority: 7 })
    }
    const { events } = runAll(
      busyDay({ outcomeShares: { live: 1, busy: 0, 'no-answer': 0, machine: 0, invalid: 0 }, confirmYesShare: 1 }, 22, 2),
      { policy }
    )
    const requested = ofType(events, 'callback-requested')
    expect(requested.length).toBeGreaterThan(50)
    const requestedAt = new Map(requested.map((e) => [e.callbackId, e.t]))
    const dispatched = ofType(events, 'callback-dispatched')
    expect(dispatched.length).toBe(requested.length)
    for (const d of dispatched) {
      expect(d.by).toBe('schedule')
      expect(d.t - requestedAt.get(d.callbackId)!).toBeCloseTo(420, 6)
    }
    const requeued = ofType(events, 'queued').filter((e) => e.callbackId !== undefined)
    expect(requeued.length).toBe(requested.length)
    for (const q of requeued) expect(q.priority).toBe(7)
    expect(ofType(events, 'answered').filter((e) => e.callbackId !== undefined).length).toBe(requested.length)
  })

  it('an adaptive policy is reviewed at least every slice and dispatches only when it says so', () => {
    const reviews = new Map<number, number[]>()
    const dispatchWhen = new Map<number, { t: number; ahead: number }>()
    const policy: TimingPolicy = {
      name: 'place-3',
      announceWait: () => 600,
      planCallback: (q) => ({ scheduledAt: q.now + 3600, priority: 50 }),
      reviewCallback(q, cb) {
        const list = reviews.get(cb.id) ?? []
        list.push(q.now)
        reviews.set(cb.id, list)
        const ahead = cb.callsAhead + cb.callbacksAhead
        if (ahead <= 3) {
          dispatchWhen.set(cb.id, { t: q.now, ahead })
          return { action: 'dispatch' }
        }
        return { action: 'wait' }
      }
    }
    const { events } = runAll(busyDay({ sliceSeconds: 5 }, 23, 3), { policy })
    const requested = ofType(events, 'callback-requested')
    expect(requested.length).toBeGreaterThan(50)
    const firstDispatch = ofType(events, 'callback-dispatched').filter((e) => e.attempt === 1)
    expect(firstDispatch.length).toBe(requested.length)
    for (const d of firstDispatch) {
      expect(d.by).toBe('policy')
      expect(dispatchWhen.get(d.callbackId)!.t).toBe(d.t)
    }
    for (const r of requested) {
      const times = [r.t, ...(reviews.get(r.callbackId) ?? [])]
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeLessThanOrEqual(5 + 1e-9)
    }
  })
})

describe('dial outcomes, retries and cleanup (ours flows)', () => {
  it('unanswered callbacks are retried after the quarantine, then end unreached with the placeholder disconnected', () => {
    const { events, model } = runAll(
      busyDay(
        {
          outcomeShares: { live: 0, busy: 0, 'no-answer': 1, machine: 0, invalid: 0 },
          retry: { maxAttempts: 3, delaySeconds: 120, on: ['no-answer', 'busy', 'machine'] }
        },
        24,
        2
      )
    )
    const requested = ofType(events, 'callback-requested')
    expect(requested.length).toBeGreaterThan(50)
    const ended = ofType(events, 'callback-ended')
    expect(ended.length).toBe(requested.length)
    for (const e of ended) {
      expect(e).toMatchObject({ state: 'unreached', attempts: 3, placeholderDisconnected: true, reason: 'no-answer' })
    }
    const outcomes = ofType(events, 'callback-dial-outcome')
    for (const d of ofType(events, 'callback-dispatched').filter((e) => e.attempt > 1)) {
      const previous = outcomes.find((o) => o.callbackId === d.callbackId && o.attempt === d.attempt - 1)!
      expect(d.by).toBe('retry')
      expect(d.t - previous.t).toBeCloseTo(120, 6)
    }
    expect(model.queueView('q').holdingCount).toBe(0)
    expect(model.leakedPlaceholders('q')).toBe(0)
  })

  it('invalid numbers are not retried; live answers confirm, decline or connect', () => {
    const invalid = runAll(busyDay({ outcomeShares: { live: 0, busy: 0, 'no-answer': 0, machine: 0, invalid: 1 } }, 25, 2))
    const invalidEnds = ofType(invalid.events, 'callback-ended')
    expect(invalidEnds.length).toBeGreaterThan(20)
    for (const e of invalidEnds) expect(e).toMatchObject({ state: 'unreached', attempts: 1, reason: 'invalid' })
    const declined = runAll(
      busyDay({ outcomeShares: { ...DEFAULT_CALLBACKS.outcomeShares, live: 1e9 }, confirmYesShare: 0 }, 25, 2)
    )
    const ends = ofType(declined.events, 'callback-ended')
    expect(ends.length).toBeGreaterThan(20)
    for (const e of ends) expect(e).toMatchObject({ state: 'declined', placeholderDisconnected: true })
  })

  it('dial outcomes occur at the configured shares, and every placeholder is gone at the end of the day', () => {
    const config = modelConfig({
      seed: 26,
      durationSeconds: 30 * 3600,
      queues: [
        steadyQueue({
          agents: 20,
          ahtSeconds: 300,
          rho: 0.97,
          patience: { kind: 'exponential', mean: 900 },
          callbacks: { enabled: true, uptake: 0.6, offerThresholdSeconds: 0 }
        })
      ]
    })
    const { events, model } = runAll(config)
    const outcomes = ofType(events, 'callback-dial-outcome')
    expect(outcomes.length).toBeGreaterThan(2000)
    const shares = DEFAULT_CALLBACKS.outcomeShares
    for (const o of ['live', 'busy', 'no-answer', 'machine', 'invalid'] as const) {
      const observed = outcomes.filter((e) => e.outcome === o).length / outcomes.length
      const sd = Math.sqrt((shares[o] * (1 - shares[o])) / outcomes.length)
      expect(Math.abs(observed - shares[o])).toBeLessThan(4 * sd + 1e-9)
    }
    const noAnswer = outcomes.filter((e) => e.outcome === 'no-answer')
    for (const e of noAnswer) expect(e.ringSeconds).toBe(30)
    expect(model.queueView('q').holdingCount).toBe(0)
    expect(model.callbacks()).toEqual([])
    const ended = ofType(events, 'callback-ended')
    expect(ended.length).toBe(ofType(events, 'callback-requested').length)
    expect(ended.every((e) => e.placeholderDisconnected)).toBe(true)
  })
})

describe('blueprint flows', () => {
  it('delay = EWT_mod truncated to minutes, priority = delay, one attempt, placeholders left behind unless a live answer reached the menu', () => {
    const holdingSeen: { t: number; holding: number }[] = []
    const inner = blueprintPolicy()
    const policy: TimingPolicy = {
      ...inner,
      announceWait(queue, caller) {
        holdingSeen.push({ t: queue.now, holding: queue.holdingCount })
        return inner.announceWait(queue, caller)
      }
    }
    const { events, model } = runAll(busyDay({ flows: 'blueprint' }, 27, 8), { policy })
    const requested = ofType(events, 'callback-requested')
    expect(requested.length).toBeGreaterThan(100)
    const byId = new Map(requested.map((e) => [e.callbackId, e]))
    for (const r of requested) {
      const delay = Math.trunc(r.promisedWaitSeconds / 60)
      expect(Number.isInteger(r.promisedWaitSeconds)).toBe(true)
      expect(r.priority).toBe(delay)
      expect(r.scheduledAt).toBe(r.t + delay * 60)
    }
    for (const d of ofType(events, 'callback-dispatched')) {
      const r = byId.get(d.callbackId)!
      expect(d.attempt).toBe(1)
      expect(d.t).toBe(r.scheduledAt)
    }
    const ended = ofType(events, 'callback-ended')
    const leaked = ended.filter((e) => !e.placeholderDisconnected)
    expect(leaked.length).toBeGreaterThan(10)
    for (const e of leaked) expect(e.state).toBe('unreached')
    for (const e of ended.filter((x) => x.placeholderDisconnected)) expect(['connected', 'declined']).toContain(e.state)
    expect(ended.every((e) => e.attempts === 1)).toBe(true)
    expect(model.leakedPlaceholders('q')).toBe(leaked.length)
    expect(model.queueView('q').holdingCount).toBe(leaked.length)
    // Leaked placeholders keep counting as C in every later caller's EWT.
    for (const seen of holdingSeen) {
      const leakedSoFar = leaked.filter((e) => e.t < seen.t).length
      expect(seen.holding).toBeGreaterThanOrEqual(leakedSoFar)
    }
    for (const q of ofType(events, 'queued').filter((e) => e.callbackId !== undefined)) {
      expect(q.priority).toBe(byId.get(q.callbackId!)!.priority)
    }
  })
})
