import { describe, expect, it } from 'vitest'
import { erlangASteadyState, erlangCSteadyState } from '../../../../src-main/sim/model'

const mu = 1 / 300

describe('Erlang formulas', () => {
  it('Erlang C matches the reference values of ewt.md §2.1 (s = 50, AHT 300 s)', () => {
    const r95 = erlangCSteadyState(50, (0.95 * 50) / 300, mu)
    expect(r95.pWait).toBeCloseTo(0.629, 3)
    expect(r95.meanWaitSeconds).toBeCloseTo(75.5, 1)
    const r90 = erlangCSteadyState(50, (0.9 * 50) / 300, mu)
    expect(r90.pWait).toBeCloseTo(0.364, 3)
    expect(r90.meanWaitSeconds).toBeCloseTo(21.8, 1)
  })

  it('Erlang C of one agent is M/M/1: P(wait) = ρ, E[Wq] = ρ / (μ − λ)', () => {
    const r = erlangCSteadyState(1, 0.5 * mu, mu)
    expect(r.pWait).toBeCloseTo(0.5, 12)
    expect(r.meanWaitSeconds).toBeCloseTo(0.5 / (mu - 0.5 * mu), 9)
  })

  it('Erlang A matches ewt.md §2.1 (s = 50, AHT 300 s, mean patience 600 s)', () => {
    const r95 = erlangASteadyState(50, (0.95 * 50) / 300, mu, 1 / 600)
    expect(r95.pWait).toBeCloseTo(0.435, 3)
    expect(r95.meanWaitSeconds).toBeCloseTo(16.6, 1)
    expect(r95.pAbandon).toBeCloseTo(0.028, 3)
    const r90 = erlangASteadyState(50, (0.9 * 50) / 300, mu, 1 / 600)
    expect(r90.pWait).toBeCloseTo(0.28, 2)
    expect(r90.meanWaitSeconds).toBeCloseTo(8.8, 1)
    expect(r90.pAbandon).toBeCloseTo(0.015, 3)
  })

  it('Erlang A tends to Erlang C as patience grows, and stays finite in overload', () => {
    const c = erlangCSteadyState(20, (0.9 * 20) / 300, mu)
    const a = erlangASteadyState(20, (0.9 * 20) / 300, mu, 1e-9)
    expect(a.meanWaitSeconds / c.meanWaitSeconds).toBeCloseTo(1, 3)
    const over = erlangASteadyState(500, (1.2 * 500) / 300, mu, 1 / 300)
    expect(Number.isFinite(over.meanWaitSeconds)).toBe(true)
    expect(over.pAbandon).toBeGreaterThan(0.15)
    expect(over.pAbandon).toBeLessThan(0.2)
  })

  it('rejects inputs where the formula does not apply', () => {
    expect(() => erlangCSteadyState(10, 11 * mu, mu)).toThrow(RangeError)
    expect(() => erlangASteadyState(10, mu, mu, 0)).toThrow(RangeError)
    expect(() => erlangCSteadyState(0, mu, mu)).toThrow(RangeError)
  })
})
