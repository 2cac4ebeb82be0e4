import { describe, expect, it } from 'vitest'
import { predictWait } from '../../../../src-main/core/timing/predictors'
import {
  clearingSeconds,
  decideSlice,
  DEFAULT_VIRTUAL_PLACE_SETTINGS,
  virtualPlacePolicy
} from '../../../../src-main/core/timing/virtual-place-policy'
import type { QueueObservation, VirtualPosition } from '../../../../src-main/core/timing/types'
import type { WakeDecision } from '../../../../src-main/core/timing/policy'
import { seededRandom } from '../../../../src-main/core/clock'
import { randomInt } from './seeded'

const T = 1_700_000_000_000
// Ô = 35 s here (ewt.md §4's example) so that k* = 35/6 ≈ 6 places; every callback ahead counted (weight 1)
const S = { ...DEFAULT_VIRTUAL_PLACE_SETTINGS, overheadSeconds: 35, callbacksAheadWeight: 1 }
const obs = (extra: Partial<QueueObservation> = {}): QueueObservation => ({
  atMs: T,
  agentsOnQueue: 50,
  idleAgents: 0,
  ahtSeconds: 300,
  ...extra
})
const at = (calls: number, callbacks = 0): VirtualPosition => ({ callsAhead: calls, callbacksAhead: callbacks })
const wait = (d: WakeDecision) => {
  if (d.kind !== 'wait') throw new Error(`expected wait, got ${d.reason}`)
  return d
}

describe('virtual-place slice decision (50 agents, AHT 300 s: a place clears every 6 s; Ô = 35 s)', () => {
  it('dispatches once the callers ahead clear within the overhead (k ≤ 6)', () => {
    for (const k of [0, 1, 6]) expect(decideSlice(T, T, at(k), obs(), S).kind, `k=${k}`).toBe('dispatch')
    expect(decideSlice(T, T, at(4, 2), obs(), S).kind).toBe('dispatch') // callbacks ahead count too
    expect(decideSlice(T, T, at(7), obs(), S).kind).toBe('wait')
  })

  it('sleeps half the time left to the ideal dial, within the slice bounds, and plans the dial', () => {
    const d = wait(decideSlice(T, T, at(20), obs(), S)) // clear 120 s -> dial in 85 s
    expect(d.plannedDispatchAtMs).toBe(T + 85_000)
    expect(d.wakeAtMs).toBe(T + 42_500)
    expect(wait(decideSlice(T, T, at(200), obs(), S)).wakeAtMs).toBe(T + 60_000) // capped at the max slice
    expect(wait(decideSlice(T, T, at(7), obs(), S)).wakeAtMs).toBe(T + 5_000) // 7 s left: min slice 5 s
    expect(wait(decideSlice(T, T, at(7), obs(), { ...S, overheadSeconds: 38.5 })).wakeAtMs).toBe(T + 3_500) // never past the dial
  })

  it('dispatches at once when an idle agent would take the caller', () => {
    expect(decideSlice(T, T, at(30), obs({ idleAgents: 31 }), S).kind).toBe('dispatch')
  })

  it('keeps waiting in max slices while nobody is on queue', () => {
    const d = wait(decideSlice(T, T, at(3), obs({ agentsOnQueue: 0 }), S))
    expect(d.wakeAtMs).toBe(T + S.maxSliceSeconds * 1000)
    expect(d.reason).toMatch(/no agents/)
  })

  it('counts abandonment ahead: impatient callers ahead clear sooner', () => {
    const patient = wait(decideSlice(T, T, at(60), obs(), S)).plannedDispatchAtMs
    const impatient = wait(decideSlice(T, T, at(60), obs({ abandonRatePerSecond: 1 / 120 }), S)).plannedDispatchAtMs
    expect(impatient).toBeLessThan(patient)
  })

  it('arithmetic clearing (what Architect computes) stays within 0.5 % of the exact sum', () => {
    for (const k of [1, 6, 30, 120]) {
      const o = obs({ abandonRatePerSecond: 1 / 600 })
      const a = clearingSeconds(at(k), o, 'arithmetic')!.seconds
      const e = clearingSeconds(at(k), o, 'exact')!.seconds
      expect(Math.abs(a - e) / e).toBeLessThan(0.005)
    }
  })

  it('property: more agents -> dial no later, more ahead -> dial no earlier', () => {
    const random = seededRandom(3)
    const plan = (d: WakeDecision) => (d.kind === 'dispatch' ? T : d.plannedDispatchAtMs)
    for (let trial = 0; trial < 300; trial++) {
      const k = randomInt(random, 0, 400)
      const o = obs({
        agentsOnQueue: randomInt(random, 1, 150),
        ahtSeconds: 60 + random() * 900,
        abandonRatePerSecond: random() / 200
      })
      const base = plan(decideSlice(T, T, at(k), o, S))
      expect(plan(decideSlice(T, T, at(k), { ...o, agentsOnQueue: o.agentsOnQueue + 5 }, S))).toBeLessThanOrEqual(base)
      expect(plan(decideSlice(T, T, at(k + 3), o, S))).toBeGreaterThanOrEqual(base)
    }
  })
})

describe('virtual-place policy through request and wake-ups', () => {
  const policy = virtualPlacePolicy({ overheadSeconds: 35, callbacksAheadWeight: 1 })

  it('ships the settings calibrated on the training family: Ô = 32 s, ¾ of the callbacks ahead counted', () => {
    expect(DEFAULT_VIRTUAL_PLACE_SETTINGS.overheadSeconds).toBe(32)
    expect(DEFAULT_VIRTUAL_PLACE_SETTINGS.callbacksAheadWeight).toBe(0.75)
  })

  it('promises the schedule-aware QL-m wait and plans the first wake', () => {
    const o = obs({ abandonRatePerSecond: 1 / 600 })
    const d = policy.onRequest({ nowMs: T, position: at(30, 5), observation: o })
    expect(d.promisedWaitSeconds).toBeCloseTo(predictWait('schedule-qlm', { position: at(30, 5), observation: o })!, 9)
    expect(d.firstWakeAtMs).toBeGreaterThan(T)
    expect(d.plannedDispatchAtMs).toBeGreaterThan(d.firstWakeAtMs)
  })

  it('falls back to the platform EWT for the promise when nobody is on queue', () => {
    const d = policy.onRequest({ nowMs: T, position: at(3, 1), observation: obs({ agentsOnQueue: 0, platformEwtSeconds: 400 }) })
    expect(d.promisedWaitSeconds).toBe(500) // 400/4 × 5
  })

  it('follows a steadily clearing queue and dials within one place of the ideal, with few wake-ups', () => {
    const rate = 1 / 6
    const k0 = 100
    const ideal = T + (k0 / rate - S.overheadSeconds) * 1000 // everyone ahead gone at k0/r
    const aheadAt = (ms: number) => Math.max(0, Math.ceil(k0 - (rate * (ms - T)) / 1000))
    const first = policy.onRequest({ nowMs: T, position: at(k0), observation: obs() })
    let now = first.firstWakeAtMs
    let wakes = 0
    for (;;) {
      wakes++
      const d = policy.onWake({
        nowMs: now,
        callback: { id: 'c1', requestedAtMs: T, plannedDispatchAtMs: first.plannedDispatchAtMs },
        position: at(aheadAt(now)),
        observation: obs({ atMs: now })
      })
      if (d.kind === 'dispatch') {
        expect(Math.abs(now - ideal)).toBeLessThanOrEqual((1 / rate + S.dispatchToleranceSeconds) * 1000)
        expect(d.transferPriority).toBe(Math.ceil((now + S.overheadSeconds * 1000 - T) / 60_000))
        break
      }
      expect(d.wakeAtMs - now).toBeLessThanOrEqual(S.maxSliceSeconds * 1000)
      now = d.wakeAtMs
      expect(wakes).toBeLessThan(30)
    }
    expect(wakes).toBeLessThanOrEqual(16)
  })

  it('reacts to a log-off between slices: fewer agents -> later dial', () => {
    const callback = { id: 'c1', requestedAtMs: T, plannedDispatchAtMs: T + 200_000 }
    const full = wait(policy.onWake({ nowMs: T, callback, position: at(40), observation: obs() }))
    const halved = wait(policy.onWake({ nowMs: T, callback, position: at(40), observation: obs({ agentsOnQueue: 25 }) }))
    expect(halved.plannedDispatchAtMs).toBeGreaterThan(full.plannedDispatchAtMs)
  })

  it('honours a staff-set time: later is kept even if the queue has cleared, earlier dials at once', () => {
    const later = { id: 'c1', requestedAtMs: T, plannedDispatchAtMs: T, pinnedDispatchAtMs: T + 300_000 }
    const d = wait(policy.onWake({ nowMs: T, callback: later, position: at(0), observation: obs() }))
    expect(d.wakeAtMs).toBe(T + 60_000) // in slices, so an earlier reschedule is seen within one
    expect(d.plannedDispatchAtMs).toBe(T + 300_000)
    const earlier = { ...later, pinnedDispatchAtMs: T - 1 }
    expect(policy.onWake({ nowMs: T, callback: earlier, position: at(80), observation: obs() }).kind).toBe('dispatch')
  })
})
