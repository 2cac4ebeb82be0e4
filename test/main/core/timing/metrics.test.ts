import { describe, expect, it } from 'vitest'
import { comparePolicies, pairedInterval, percentile, summarizeErrors } from '../../../../src-main/core/timing/metrics'
import { studentTCdf, studentTQuantile } from '../../../../src-main/core/timing/student-t'
import { seededRandom } from '../../../../src-main/core/clock'

describe('error summary', () => {
  it('computes bias, MAE, p90 |e| and share within 60 s by hand', () => {
    expect(summarizeErrors([-30, 10, 20, 100, -70])).toEqual({
      callbacks: 5,
      biasSeconds: 6,
      maeSeconds: 46,
      p90Seconds: 88, // |e| sorted 10 20 30 70 100; h = 3.6 -> 70 + 0.6·30
      within60: 0.6
    })
  })

  it('counts exactly 60 s as within', () => {
    expect(summarizeErrors([60, -60, 60.5]).within60).toBeCloseTo(2 / 3, 12)
  })

  it('returns NaN fields for no callbacks', () => {
    const s = summarizeErrors([])
    expect(s.callbacks).toBe(0)
    expect(s.maeSeconds).toBeNaN()
  })

  it('percentile interpolates between order statistics (type 7)', () => {
    expect(percentile([3, 1, 2], 0)).toBe(1)
    expect(percentile([3, 1, 2], 1)).toBe(3)
    expect(percentile([1, 2, 3, 4], 0.5)).toBe(2.5)
    expect(percentile([7], 0.9)).toBe(7)
    expect(() => percentile([1], 1.5)).toThrow(RangeError)
  })
})

describe('Student t', () => {
  it.each([
    [1, 12.7062],
    [4, 2.7764],
    [10, 2.2281],
    [29, 2.0452],
    [1e6, 1.96]
  ])('t(0.975, %d) = %d', (df, q) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(q, 3)
  })

  it('is symmetric and inverts its CDF', () => {
    expect(studentTQuantile(0.025, 9)).toBeCloseTo(-studentTQuantile(0.975, 9), 9)
    expect(studentTCdf(studentTQuantile(0.9, 7), 7)).toBeCloseTo(0.9, 9)
    expect(studentTCdf(0, 3)).toBeCloseTo(0.5, 12)
  })
})

describe('paired intervals across seeded days', () => {
  it('matches a hand computation: d = 1..5 -> 3 ± 2.776·√(2.5/5)', () => {
    const i = pairedInterval([11, 12, 13, 14, 15], [10, 10, 10, 10, 10])
    expect(i.meanDifference).toBe(3)
    expect(i.lower).toBeCloseTo(3 - 2.7764 * Math.sqrt(0.5), 3)
    expect(i.upper).toBeCloseTo(3 + 2.7764 * Math.sqrt(0.5), 3)
    expect(i.excludesZero).toBe(true)
  })

  it('pairing removes the day-to-day noise that an unpaired comparison would keep', () => {
    const random = seededRandom(5)
    const days = 30
    const dayEffect = Array.from({ length: days }, () => 100 * random())
    const a = dayEffect.map((x) => x + 2 + random())
    const b = dayEffect.map((x) => x + random())
    const i = pairedInterval(a, b)
    expect(i.excludesZero).toBe(true)
    expect(i.upper - i.lower).toBeLessThan(1)
  })

  it('does not exclude zero for identical policies', () => {
    const i = pairedInterval([5, 6, 7], [5, 6, 7])
    expect(i).toMatchObject({ meanDifference: 0, lower: 0, upper: 0, excludesZero: false })
  })

  it('rejects unpaired or too-short samples', () => {
    expect(() => pairedInterval([1, 2], [1])).toThrow(RangeError)
    expect(() => pairedInterval([1], [1])).toThrow(RangeError)
  })

  it('compares two policies on every metric from per-day errors, skipping empty days', () => {
    const ours = [[5, -5, 10], [0, 4], [], [-3, 3]]
    const blueprint = [[40, -35, 60], [30, -20], [12], [50, 45]]
    const c = comparePolicies(ours, blueprint)
    expect(c.maeSeconds.days).toBe(3)
    expect(c.maeSeconds.meanDifference).toBeCloseTo((20 / 3 - 45 + (2 - 25) + (3 - 47.5)) / 3, 9)
    expect(c.maeSeconds.upper).toBeLessThan(0)
    expect(c.within60.days).toBe(3)
    expect(() => comparePolicies([[1]], [])).toThrow(RangeError)
  })
})
