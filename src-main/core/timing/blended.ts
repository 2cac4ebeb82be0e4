/**
 * Blended predictor: the throughput/schedule-aware QL-m as backbone, corrected by a linear model over
 * delay-history features (ewt.md §2.5, after Ang et al.'s Q-Lasso and Thiongane et al.):
 * Ŵ = β₀ + β·x, x = [QL-m backbone, plain QL, refined HOL, Avg-LES]. Coefficients come from ridge regression
 * shrunk toward "backbone only", β = (XᵀX + λD)⁻¹(Xᵀy + λDβ_prior) (Hoerl & Kennard 1970), so with little or no
 * training data the blend is exactly the backbone.
 */

/** Feature names in vector order (after the intercept). */
export const BLEND_FEATURES = ['backbone', 'ql', 'refinedHol', 'avgLes'] as const

/** One row of predictor outputs for a caller; missing delay-history values fall back to the backbone. */
export interface BlendFeatures {
  readonly backbone: number
  readonly ql?: number
  readonly refinedHol?: number
  readonly avgLes?: number
}

/** Intercept (seconds) and one weight per feature. */
export interface BlendCoefficients {
  readonly intercept: number
  readonly weights: readonly number[]
}

/** The untrained blend: the backbone alone. */
export const BACKBONE_ONLY: BlendCoefficients = { intercept: 0, weights: [1, 0, 0, 0] }

/** Feature vector with missing values replaced by the backbone, so a missing input never moves the estimate. */
export function blendVector(features: BlendFeatures): number[] {
  const b = features.backbone
  return [b, features.ql ?? b, features.refinedHol ?? b, features.avgLes ?? b]
}

/** Blended wait in seconds (never negative). */
export function blendedSeconds(features: BlendFeatures, coefficients: BlendCoefficients = BACKBONE_ONLY): number {
  const x = blendVector(features)
  const y = x.reduce((sum, v, j) => sum + v * (coefficients.weights[j] ?? 0), coefficients.intercept)
  return Math.max(0, y)
}

/** A training example: features seen at prediction time and the wait that followed (the twin's W*). */
export interface BlendSample {
  readonly features: BlendFeatures
  readonly actualSeconds: number
}

/** Fits the blend by ridge regression toward BACKBONE_ONLY; `lambda` is per sample (scale-free). */
export function fitBlend(samples: readonly BlendSample[], lambda = 1): BlendCoefficients {
  if (samples.length === 0) return BACKBONE_ONLY
  const dim = BLEND_FEATURES.length + 1
  const ata = Array.from({ length: dim }, () => new Array<number>(dim).fill(0))
  const aty = new Array<number>(dim).fill(0)
  for (const s of samples) {
    const row = [1, ...blendVector(s.features)]
    for (let i = 0; i < dim; i++) {
      aty[i] += row[i] * s.actualSeconds
      for (let j = 0; j < dim; j++) ata[i][j] += row[i] * row[j]
    }
  }
  // scale the penalty by the mean squared feature so lambda means the same at any wait length
  const scale = ata[1][1] / samples.length
  const prior = [BACKBONE_ONLY.intercept, ...BACKBONE_ONLY.weights]
  for (let j = 1; j < dim; j++) {
    ata[j][j] += lambda * scale
    aty[j] += lambda * scale * prior[j]
  }
  const beta = solveLinear(ata, aty)
  if (beta === undefined) return BACKBONE_ONLY
  return { intercept: beta[0], weights: beta.slice(1) }
}

/** Gaussian elimination with partial pivoting; undefined for a singular system. */
export function solveLinear(matrix: readonly (readonly number[])[], rhs: readonly number[]): number[] | undefined {
  const n = rhs.length
  const a = matrix.map((row, i) => [...row, rhs[i]])
  for (let col = 0; col < n; col++) {
    let pivot = col
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r
    if (Math.abs(a[pivot][col]) < 1e-12) return undefined
    ;[a[col], a[pivot]] = [a[pivot], a[col]]
    for (let r = 0; r < n; r++) {
      if (r === col) continue
      const factor = a[r][col] / a[col][col]
      for (let k = col; k <= n; k++) a[r][k] -= factor * a[col][k]
    }
  }
  return a.map((row, i) => row[n] / row[i])
}
