import { describe, expect, it } from 'vitest'
import {
  BACKBONE_ONLY,
  blendedSeconds,
  blendVector,
  fitBlend,
  solveLinear,
  type BlendSample
} from '../../../../src-main/core/timing/blended'
import { seededRandom } from '../../../../src-main/core/clock'

describe('blended predictor', () => {
  it('is the backbone until trained, and never negative', () => {
    expect(blendedSeconds({ backbone: 123, ql: 500, refinedHol: 1, avgLes: 9 })).toBe(123)
    expect(blendedSeconds({ backbone: 10 }, { intercept: -50, weights: [1, 0, 0, 0] })).toBe(0)
  })

  it('fills missing delay-history features with the backbone', () => {
    expect(blendVector({ backbone: 80, ql: 90 })).toEqual([80, 90, 80, 80])
  })

  it('recovers a known linear correction from seeded samples', () => {
    const random = seededRandom(11)
    const samples: BlendSample[] = []
    for (let i = 0; i < 400; i++) {
      const backbone = 30 + random() * 300
      const refinedHol = backbone * (0.7 + random() * 0.6)
      const features = { backbone, ql: backbone * (0.9 + random() * 0.2), refinedHol, avgLes: 20 + random() * 400 }
      samples.push({ features, actualSeconds: 12 + 0.7 * backbone + 0.3 * refinedHol })
    }
    const fit = fitBlend(samples, 1e-9)
    expect(fit.intercept).toBeCloseTo(12, 3)
    expect(fit.weights[0]).toBeCloseTo(0.7, 5)
    expect(fit.weights[2]).toBeCloseTo(0.3, 5)
    expect(fit.weights[3]).toBeCloseTo(0, 5)
    expect(blendedSeconds({ backbone: 100, ql: 100, refinedHol: 200, avgLes: 5 }, fit)).toBeCloseTo(12 + 70 + 60, 3)
  })

  it('shrinks toward the backbone with a heavy penalty or no data', () => {
    const samples: BlendSample[] = [
      { features: { backbone: 100, refinedHol: 300 }, actualSeconds: 200 },
      { features: { backbone: 200, refinedHol: 100 }, actualSeconds: 150 }
    ]
    const fit = fitBlend(samples, 1e9)
    expect(fit.weights[0]).toBeCloseTo(1, 3)
    expect(fit.weights[2]).toBeCloseTo(0, 3)
    expect(fitBlend([])).toBe(BACKBONE_ONLY)
  })

  it('solves linear systems and reports singular ones', () => {
    const x = solveLinear(
      [
        [2, 1, -1],
        [-3, -1, 2],
        [-2, 1, 2]
      ],
      [8, -11, -3]
    )
    expect(x?.map((v) => Math.round(v * 1e9) / 1e9)).toEqual([2, 3, -1])
    expect(
      solveLinear(
        [
          [1, 2],
          [2, 4]
        ],
        [1, 2]
      )
    ).toBeUndefined()
  })
})
