/**
 * Plain-data probability distributions for the model's random durations (handle, patience, ring, …), so configs
 * stay serialisable (bench records, CLI flags) and each draw comes from the stream of the entity it belongs to.
 */
import { nextExp1, nextNormal, nextUniform, type StreamState } from './rng'

/** A distribution of a non-negative duration in seconds. `none` means "never" (Infinity), e.g. unlimited patience. */
export type Dist =
  | { readonly kind: 'fixed'; readonly value: number }
  | { readonly kind: 'exponential'; readonly mean: number }
  | { readonly kind: 'lognormal'; readonly mean: number; readonly cv: number }
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number }
  /** Normal truncated below at `min` (default 0) by clamping. */
  | { readonly kind: 'normal'; readonly mean: number; readonly sd: number; readonly min?: number }
  | { readonly kind: 'mixture'; readonly parts: readonly { readonly weight: number; readonly dist: Dist }[] }
  | { readonly kind: 'none' }

/** Draws one value of `dist` from stream `s`. */
export function sample(dist: Dist, s: StreamState): number {
  switch (dist.kind) {
    case 'fixed':
      return dist.value
    case 'exponential':
      return dist.mean * nextExp1(s)
    case 'lognormal': {
      if (dist.cv <= 0) return dist.mean
      const sigma2 = Math.log(1 + dist.cv * dist.cv)
      const mu = Math.log(dist.mean) - sigma2 / 2
      return Math.exp(mu + Math.sqrt(sigma2) * nextNormal(s))
    }
    case 'uniform':
      return dist.min + (dist.max - dist.min) * nextUniform(s)
    case 'normal':
      return Math.max(dist.min ?? 0, dist.mean + dist.sd * nextNormal(s))
    case 'mixture': {
      const total = dist.parts.reduce((sum, p) => sum + p.weight, 0)
      let u = nextUniform(s) * total
      for (const part of dist.parts) {
        u -= part.weight
        if (u < 0) return sample(part.dist, s)
      }
      const last = dist.parts[dist.parts.length - 1]
      if (!last) throw new Error('[SimModel] empty mixture distribution')
      return sample(last.dist, s)
    }
    case 'none':
      return Infinity
  }
}

/** The mean of `dist` (Infinity for `none`); used for defaults such as the platform EWT's historical AHT. */
export function meanOf(dist: Dist): number {
  switch (dist.kind) {
    case 'fixed':
      return dist.value
    case 'exponential':
    case 'lognormal':
      return dist.mean
    case 'uniform':
      return (dist.min + dist.max) / 2
    case 'normal':
      return dist.mean
    case 'mixture': {
      const total = dist.parts.reduce((sum, p) => sum + p.weight, 0)
      return dist.parts.reduce((sum, p) => sum + (p.weight / total) * meanOf(p.dist), 0)
    }
    case 'none':
      return Infinity
  }
}

/** Picks an index by weights with one uniform (weights need not sum to 1). */
export function pickWeighted(weights: readonly number[], u: number): number {
  const total = weights.reduce((a, b) => a + b, 0)
  let x = u * total
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i]!
    if (x < 0) return i
  }
  return weights.length - 1
}
