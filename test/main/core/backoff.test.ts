import { describe, expect, it } from 'vitest'
import { RECONNECT_BACKOFF, REST_BACKOFF, backoffCeiling, backoffDelay } from '../../../src-main/core/backoff'
import { seededRandom } from '../../../src-main/core/clock'

describe('backoffCeiling', () => {
  it('doubles from the base and stops at the cap', () => {
    const policy = { baseMs: 100, capMs: 1_000 }
    expect([0, 1, 2, 3, 4, 5, 50, 10_000].map((a) => backoffCeiling(a, policy))).toEqual([
      100, 200, 400, 800, 1000, 1000, 1000, 1000
    ])
  })

  it('honours a custom factor', () => {
    expect(backoffCeiling(2, { baseMs: 10, capMs: 10_000, factor: 3 })).toBe(90)
  })

  it('refuses a negative attempt (a caller bug)', () => {
    expect(() => backoffCeiling(-1, REST_BACKOFF)).toThrow(RangeError)
  })
})

describe('backoffDelay (full jitter)', () => {
  it('stays within [0, ceiling] for every attempt and random value', () => {
    const random = seededRandom(42)
    for (let attempt = 0; attempt < 20; attempt++) {
      for (let i = 0; i < 200; i++) {
        const d = backoffDelay(attempt, RECONNECT_BACKOFF, random)
        expect(d).toBeGreaterThanOrEqual(0)
        expect(d).toBeLessThanOrEqual(backoffCeiling(attempt, RECONNECT_BACKOFF))
        expect(Number.isInteger(d)).toBe(true)
      }
    }
  })

  it('reaches both ends of the range at the extremes of the random source', () => {
    expect(backoffDelay(3, REST_BACKOFF, () => 0)).toBe(0)
    expect(backoffDelay(3, REST_BACKOFF, () => 0.999_999_999_9)).toBe(backoffCeiling(3, REST_BACKOFF))
    expect(backoffDelay(3, REST_BACKOFF, () => 1)).toBe(backoffCeiling(3, REST_BACKOFF))
  })

  it('spreads clients out: delays vary and average about half the ceiling', () => {
    const random = seededRandom(7)
    const samples = Array.from({ length: 4000 }, () => backoffDelay(10, RECONNECT_BACKOFF, random))
    const mean = samples.reduce((a, b) => a + b, 0) / samples.length
    expect(new Set(samples).size).toBeGreaterThan(3000)
    expect(mean).toBeGreaterThan(0.45 * RECONNECT_BACKOFF.capMs)
    expect(mean).toBeLessThan(0.55 * RECONNECT_BACKOFF.capMs)
  })

  it('is reproducible for a seed', () => {
    const a = seededRandom(99)
    const b = seededRandom(99)
    expect(Array.from({ length: 10 }, (_, i) => backoffDelay(i, REST_BACKOFF, a))).toEqual(
      Array.from({ length: 10 }, (_, i) => backoffDelay(i, REST_BACKOFF, b))
    )
  })
})
