import { describe, expect, it } from 'vitest'
import {
  clearAheadSeconds,
  qlmArithmeticSeconds,
  qlmContinuousSeconds,
  qlmSeconds,
  qlmServeProbability,
  qlSeconds
} from '../../../../src-main/core/timing/ql'
import { seededRandom } from '../../../../src-main/core/clock'

const r50 = 50 / 300 // 50 agents, AHT 300 s

describe('QL', () => {
  it('is (n + 1)/(sμ)', () => {
    expect(qlSeconds(9, r50)).toBeCloseTo(60, 12)
    expect(qlSeconds(0, r50)).toBeCloseTo(6, 12)
  })

  it('meets the ewt.md §3.2 closed-form anchors: relMSE = 1 − ρ for any s, RMSE 19 s / 27 s', () => {
    for (const [agents, rho, rmse] of [
      [50, 0.9, 19],
      [50, 0.95, 27],
      [10, 0.9, undefined],
      [100, 0.98, undefined]
    ] as const) {
      const r = agents / 300
      // among delayed callers n is geometric; W | n ~ Erlang(n + 1, sμ) so Var(W | n) = (n + 1)/r² = QL/r
      let mean = 0
      let mse = 0
      for (let k = 0, p = 1 - rho; k < 20_000; k++, p *= rho) {
        mean += p * qlSeconds(k, r)
        mse += (p * qlSeconds(k, r)) / r
      }
      expect(mean).toBeCloseTo(1 / (r * (1 - rho)), 6)
      expect(mse / mean ** 2).toBeCloseTo(1 - rho, 6)
      if (rmse !== undefined) expect(Math.sqrt(mse)).toBeCloseTo(rmse, -0.3)
    }
    // a caller facing 100 ahead: √101/(sμ) ≈ 60 s of irreducible noise
    expect(Math.sqrt(qlSeconds(100, r50) / r50)).toBeCloseTo(60.3, 1)
  })

  it('is the conditional mean: seeded Monte Carlo of n + 1 exponential gaps is unbiased', () => {
    const random = seededRandom(7)
    const n = 12
    const runs = 20_000
    let sum = 0
    let sq = 0
    for (let j = 0; j < runs; j++) {
      let w = 0
      for (let i = 0; i <= n; i++) w += -Math.log(1 - random()) / r50
      const e = w - qlSeconds(n, r50)
      sum += e
      sq += e * e
    }
    expect(Math.abs(sum / runs)).toBeLessThan(0.5) // s.e. ≈ 21.6/√20000 ≈ 0.15 s
    expect(Math.abs(sq / runs / ((n + 1) / r50 ** 2) - 1)).toBeLessThan(0.05) // MSE = Var(W | n)
  })
})

describe('QL-m', () => {
  it('sums 1/(sμ + iθ): hand-computed 2 + 4/3 + 1', () => {
    expect(qlmSeconds(2, 0.5, 0.25)).toBeCloseTo(13 / 3, 12)
  })

  it('equals QL without abandonment and is shorter with it', () => {
    expect(qlmSeconds(30, r50, 0)).toBeCloseTo(qlSeconds(30, r50), 9)
    expect(qlmSeconds(30, r50, 1 / 600)).toBeLessThan(qlSeconds(30, r50))
  })

  it('clear-ahead time is the wait minus the caller’s own last step', () => {
    expect(clearAheadSeconds(2, 0.5, 0.25)).toBeCloseTo(13 / 3 - 2, 12)
    expect(clearAheadSeconds(0, 0.5, 0.25)).toBeCloseTo(0, 12)
  })

  it('serve probability telescopes to sμ/(sμ + (n+1)θ)', () => {
    expect(qlmServeProbability(0, 0.5, 0.25)).toBeCloseTo(2 / 3, 12)
    expect(qlmServeProbability(2, 0.5, 0.25)).toBeCloseTo(0.4, 12)
    expect(qlmServeProbability(5, 0.5, 0)).toBe(1)
  })

  it('continuous form tracks the sum within one step', () => {
    for (const n of [10, 100, 300]) {
      const exact = qlmSeconds(n, r50, 1 / 600)
      const cont = qlmContinuousSeconds(n, r50, 1 / 600)
      expect(Math.abs(exact - cont)).toBeLessThan(1 / r50)
    }
    expect(qlmContinuousSeconds(12, r50, 0)).toBeCloseTo(72, 9)
  })

  it('arithmetic (Architect) form is exact without abandonment and within 0.5 % while θn ≤ 3sμ', () => {
    expect(qlmArithmeticSeconds(40, r50, 0)).toBeCloseTo(qlSeconds(40, r50), 9)
    expect(qlmArithmeticSeconds(0, r50, 1 / 60)).toBeCloseTo(1 / r50, 12)
    let worst = 0
    for (const rate of [8 / 420, 8 / 300, 50 / 300, 100 / 300]) {
      for (const theta of [1 / 600, 1 / 180, 1 / 60, 1 / 20]) {
        for (let n = 0; n <= 2000; n += 7) {
          if (theta * n > 3 * rate) continue
          const rel = Math.abs(qlmArithmeticSeconds(n, rate, theta) / qlmSeconds(n, rate, theta) - 1)
          worst = Math.max(worst, rel)
        }
      }
    }
    expect(worst).toBeLessThan(0.005)
    expect(worst).toBeGreaterThan(0) // it is an approximation, and the test can tell
  })

  it('rejects impossible inputs as bugs', () => {
    expect(() => qlSeconds(-1, r50)).toThrow(RangeError)
    expect(() => qlSeconds(1.5, r50)).toThrow(RangeError)
    expect(() => qlmSeconds(3, 0, 0.1)).toThrow(RangeError)
    expect(() => qlmSeconds(3, r50, -0.1)).toThrow(RangeError)
  })
})
