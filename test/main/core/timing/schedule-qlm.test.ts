import { describe, expect, it } from 'vitest'
import { qlmSeconds, qlSeconds } from '../../../../src-main/core/timing/ql'
import {
  plannedAgents,
  scheduleAwareClearing,
  scheduleAwareQlmSeconds,
  steppedQlmSeconds
} from '../../../../src-main/core/timing/schedule-qlm'
import type { QueueObservation } from '../../../../src-main/core/timing/types'

const T0 = 1_700_000_000_000
const obs = (extra: Partial<QueueObservation> = {}): QueueObservation => ({
  atMs: T0,
  agentsOnQueue: 50,
  ahtSeconds: 300,
  ...extra
})

describe('schedule-aware QL-m', () => {
  it('equals QL / QL-m when nothing changes', () => {
    expect(scheduleAwareQlmSeconds(9, obs())).toBeCloseTo(qlSeconds(9, 1 / 6), 9)
    expect(scheduleAwareQlmSeconds(40, obs({ abandonRatePerSecond: 1 / 600 }))).toBeCloseTo(qlmSeconds(40, 1 / 6, 1 / 600), 5) // epoch-ms rounding
  })

  it('slows down when half the agents are planned to leave (hand value: 30 s + 60 s)', () => {
    // 10 positions; 5 clear in the first 30 s at 1/6 s⁻¹, the other 5 at 1/12 s⁻¹ take 60 s
    const w = scheduleAwareQlmSeconds(9, obs({ staffing: [{ fromMs: T0 + 30_000, agents: 25 }] }))
    expect(w).toBeCloseTo(90, 9)
  })

  it('waits for planned agents when none are on queue now', () => {
    const w = scheduleAwareQlmSeconds(9, obs({ agentsOnQueue: 0, staffing: [{ fromMs: T0 + 120_000, agents: 50 }] }))
    expect(w).toBeCloseTo(180, 9)
  })

  it('has no answer when nobody will ever serve', () => {
    expect(scheduleAwareQlmSeconds(3, obs({ agentsOnQueue: 0 }))).toBeUndefined()
    expect(steppedQlmSeconds(0, T0, () => 0, 0.01)).toBeUndefined() // abandonment alone never serves the caller
  })

  it('ignores plan steps that are already in the past (live counts win)', () => {
    expect(plannedAgents([{ fromMs: T0 - 60_000, agents: 80 }], T0, T0 + 60_000, 40)).toBe(40)
    expect(plannedAgents([{ fromMs: T0 + 10, agents: 80 }], T0, T0 + 60_000, 40)).toBe(80)
    expect(scheduleAwareQlmSeconds(9, obs({ staffing: [{ fromMs: T0 - 1, agents: 100 }] }))).toBeCloseTo(60, 9)
  })

  it('splits the wait into clearing the callers ahead plus the caller’s own step', () => {
    const c = scheduleAwareClearing(9, obs())
    expect(c?.clearSeconds).toBeCloseTo(54, 9)
    expect(c?.waitSeconds).toBeCloseTo(60, 9)
    expect(scheduleAwareClearing(0, obs())).toEqual({ clearSeconds: 0, waitSeconds: 6 })
  })

  it('is monotone: more agents planned -> earlier, more ahead -> later', () => {
    let previous = Infinity
    for (const agents of [10, 20, 40, 80]) {
      const w = scheduleAwareQlmSeconds(30, obs({ staffing: [{ fromMs: T0 + 20_000, agents }] }))!
      expect(w).toBeLessThan(previous)
      previous = w
    }
    let last = 0
    for (let n = 0; n < 200; n += 13) {
      const w = scheduleAwareQlmSeconds(
        n,
        obs({ abandonRatePerSecond: 1 / 300, staffing: [{ fromMs: T0 + 20_000, agents: 20 }] })
      )!
      expect(w).toBeGreaterThan(last)
      last = w
    }
  })
})
