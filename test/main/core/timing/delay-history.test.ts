import { describe, expect, it } from 'vitest'
import { avgLesSeconds, holSeconds, lesSeconds, refinedHolSeconds } from '../../../../src-main/core/timing/delay-history'

describe('delay-history predictors', () => {
  it('HOL is the head caller’s elapsed wait', () => {
    expect(holSeconds(83)).toBe(83)
  })

  it('refined HOL is (λw + 2)/(sμ): hand value', () => {
    // λ = 0.15/s, w = 60 s -> 9 arrivals behind the head + head + self = 11 departures at 1/6 s⁻¹ each
    expect(refinedHolSeconds(60, 0.15, 1 / 6)).toBeCloseTo(66, 9)
    expect(refinedHolSeconds(0, 0.15, 1 / 6)).toBeCloseTo(12, 9)
  })

  it('LES is the newest service start’s wait; Avg-LES averages the last k', () => {
    const waits = [40, 50, 60, 70, 80, 90, 100, 110, 120, 130, 1000]
    expect(lesSeconds(waits)).toBe(40)
    expect(avgLesSeconds(waits)).toBe(85) // first ten
    expect(avgLesSeconds(waits, 3)).toBe(50)
  })

  it('returns undefined before anyone has been served', () => {
    expect(lesSeconds([])).toBeUndefined()
    expect(avgLesSeconds([])).toBeUndefined()
  })

  it('rejects negative or non-finite waits as bugs', () => {
    expect(() => holSeconds(-1)).toThrow(RangeError)
    expect(() => lesSeconds([Number.NaN])).toThrow(RangeError)
    expect(() => refinedHolSeconds(10, 0.1, 0)).toThrow(RangeError)
  })
})
