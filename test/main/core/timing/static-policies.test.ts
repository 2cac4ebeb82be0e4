import { describe, expect, it } from 'vitest'
import { blueprintPolicy, staticPredictorPolicy } from '../../../../src-main/core/timing/static-policies'
import { DEFAULT_POLICY_SETTINGS } from '../../../../src-main/core/timing/policy'
import type { QueueObservation } from '../../../../src-main/core/timing/types'

const T = 1_700_000_000_000
const observation: QueueObservation = { atMs: T, agentsOnQueue: 50, idleAgents: 0, ahtSeconds: 300, platformEwtSeconds: 270 }
const position = { callsAhead: 2, callbacksAhead: 6 } // PIQ 3, C 6

describe('blueprint policy', () => {
  it('promises EWT × (PIQ + C) / PIQ and sleeps the truncated minutes once', () => {
    const p = blueprintPolicy()
    const d = p.onRequest({ nowMs: T, position, observation })
    expect(d).toEqual({
      promisedWaitSeconds: 810,
      firstWakeAtMs: T + 780_000,
      plannedDispatchAtMs: T + 780_000,
      transferPriority: 13
    })
    const callback = { id: 'c', requestedAtMs: T, plannedDispatchAtMs: d.plannedDispatchAtMs }
    expect(p.onWake({ nowMs: T + 60_000, callback, position, observation }).kind).toBe('wait')
    expect(p.onWake({ nowMs: T + 780_000, callback, position, observation })).toMatchObject({
      kind: 'dispatch',
      transferPriority: 13
    })
  })

  it('cannot be rescheduled (its workflow is one Wait) and ignores the queue on waking', () => {
    const p = blueprintPolicy()
    const callback = { id: 'c', requestedAtMs: T, plannedDispatchAtMs: T + 780_000, pinnedDispatchAtMs: T + 1000 }
    expect(p.onWake({ nowMs: T + 2000, callback, position: { callsAhead: 0, callbacksAhead: 0 }, observation }).kind).toBe('wait')
  })

  it('without truncation sleeps the exact adjusted seconds', () => {
    const d = blueprintPolicy({ truncate: false }).onRequest({ nowMs: T, position, observation })
    expect(d.firstWakeAtMs).toBe(T + 810_000)
  })
})

describe('static predictor policy', () => {
  it('dials at a + Ŵ − Ô and rejoins at the virtual place', () => {
    const p = staticPredictorPolicy('ql')
    const d = p.onRequest({ nowMs: T, position, observation })
    expect(d.promisedWaitSeconds).toBeCloseTo(54, 9) // 9 × 6 s
    expect(d.plannedDispatchAtMs).toBeCloseTo(T + (54 - DEFAULT_POLICY_SETTINGS.overheadSeconds) * 1000, 3)
    const callback = { id: 'c', requestedAtMs: T, plannedDispatchAtMs: d.plannedDispatchAtMs }
    const late = p.onWake({ nowMs: d.plannedDispatchAtMs, callback, position, observation })
    expect(late).toMatchObject({ kind: 'dispatch', transferPriority: 1 })
  })

  it('dials at once when the predictor has no answer, and honours a staff-set time', () => {
    const p = staticPredictorPolicy('les')
    expect(p.onRequest({ nowMs: T, position, observation }).plannedDispatchAtMs).toBe(T)
    const callback = { id: 'c', requestedAtMs: T, plannedDispatchAtMs: T, pinnedDispatchAtMs: T + 90_000 }
    expect(p.onWake({ nowMs: T, callback, position, observation }).kind).toBe('wait')
  })
})
