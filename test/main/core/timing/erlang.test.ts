import { describe, expect, it } from 'vitest'
import {
  erlangAMetrics,
  erlangB,
  erlangC,
  erlangCMetrics,
  erlangCWaitExceeds,
  type QueueModel
} from '../../../../src-main/core/timing/erlang'

const base = (rho: number, patienceSeconds?: number): QueueModel => ({
  agents: 50,
  arrivalRatePerSecond: (50 * rho) / 300,
  serviceRatePerSecond: 1 / 300,
  patienceRatePerSecond: patienceSeconds === undefined ? undefined : 1 / patienceSeconds
})

describe('Erlang B and C', () => {
  it('matches hand-computed small cases', () => {
    expect(erlangB(1, 1)).toBeCloseTo(0.5, 12)
    expect(erlangB(2, 1)).toBeCloseTo(0.2, 12) // (1/2) / (1 + 1 + 1/2)
    expect(erlangC(1, 0.6)).toBeCloseTo(0.6, 12) // M/M/1: P(wait) = ρ
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12) // (1/2·2) / (1 + 1 + 1)
  })

  it('reproduces the ewt.md §2.1 anchors (s = 50, AHT 300 s)', () => {
    const r95 = erlangCMetrics(base(0.95))
    expect(r95.pWait).toBeCloseTo(0.629, 3)
    expect(r95.meanWaitSeconds).toBeCloseTo(75.5, 1)
    expect(r95.meanWaitSeconds / r95.pWait).toBeCloseTo(120, 6) // E[W | wait] = 1/(sμ − λ)
    const r90 = erlangCMetrics(base(0.9))
    expect(r90.pWait).toBeCloseTo(0.364, 3)
    expect(r90.meanWaitSeconds).toBeCloseTo(21.8, 1)
    expect(r90.meanWaitSeconds / r90.pWait).toBeCloseTo(60, 6)
  })

  it('gives M/M/1 mean wait ρ/(μ − λ) and an exponential tail', () => {
    const m: QueueModel = { agents: 1, arrivalRatePerSecond: 0.5, serviceRatePerSecond: 1 }
    expect(erlangCMetrics(m).meanWaitSeconds).toBeCloseTo(1, 12)
    expect(erlangCWaitExceeds(m, 2)).toBeCloseTo(0.5 * Math.exp(-1), 12)
  })

  it('treats an overloaded Erlang C queue as never emptying', () => {
    const m = erlangCMetrics(base(1.05))
    expect(m.pWait).toBe(1)
    expect(m.meanWaitSeconds).toBe(Infinity)
  })

  it('rejects a non-integer agent count (a bug, not an input)', () => {
    expect(() => erlangB(2.5, 1)).toThrow(RangeError)
  })
})

describe('Erlang A', () => {
  it('reproduces the ewt.md §2.1 anchors with mean patience 600 s', () => {
    const r95 = erlangAMetrics(base(0.95, 600))
    expect(r95.pWait).toBeCloseTo(0.435, 3)
    expect(r95.meanWaitSeconds).toBeCloseTo(16.6, 1)
    expect(r95.pAbandon).toBeCloseTo(0.028, 3)
    const r90 = erlangAMetrics(base(0.9, 600))
    expect(r90.pWait).toBeCloseTo(0.28, 3)
    expect(r90.meanWaitSeconds).toBeCloseTo(8.8, 1)
    expect(r90.pAbandon).toBeCloseTo(0.015, 3)
  })

  it('is M/M/∞ when patience rate equals service rate (exact check against Poisson)', () => {
    const a = 40
    const s = 45
    const m = erlangAMetrics({
      agents: s,
      arrivalRatePerSecond: a / 300,
      serviceRatePerSecond: 1 / 300,
      patienceRatePerSecond: 1 / 300
    })
    let term = Math.exp(-a)
    let below = 0
    let meanBelow = 0
    for (let n = 0; n < s; n++) {
      below += term
      meanBelow += n * term
      term *= a / (n + 1)
    }
    const pWait = 1 - below
    const meanQueue = a - meanBelow - s * pWait // E[(N − s)+]
    expect(m.pWait).toBeCloseTo(pWait, 9)
    expect(m.meanQueue).toBeCloseTo(meanQueue, 9)
  })

  it('approaches Erlang C as patience grows, and stays finite in overload', () => {
    const c = erlangCMetrics(base(0.9))
    const a = erlangAMetrics(base(0.9, 1e9))
    expect(a.pWait).toBeCloseTo(c.pWait, 5)
    expect(a.meanWaitSeconds).toBeCloseTo(c.meanWaitSeconds, 3)
    const over = erlangAMetrics(base(1.1, 180))
    expect(Number.isFinite(over.meanWaitSeconds)).toBe(true)
    expect(over.pAbandon).toBeGreaterThan(0.05)
    expect(over.pAbandon).toBeLessThan(1)
  })

  it('handles a thousand agents without overflow', () => {
    const m = erlangAMetrics({
      agents: 1000,
      arrivalRatePerSecond: 980 / 300,
      serviceRatePerSecond: 1 / 300,
      patienceRatePerSecond: 1 / 600
    })
    expect(m.pWait).toBeGreaterThan(0)
    expect(m.pWait).toBeLessThan(1)
  })

  it('falls back to Erlang C without patience', () => {
    expect(erlangAMetrics(base(0.95))).toEqual(erlangCMetrics(base(0.95)))
  })
})
