/**
 * How we score a timing policy (ewt.md §3.1, §7.5): per callback the error e = time to agent − counterfactual hold
 * time (positive = late); per day bias, MAE, p90 |e| and share within 60 s; across seeded days, paired 95 %
 * intervals of the difference between two policies run on the same random numbers.
 */
import { studentTQuantile } from './student-t'

/** The per-scenario, per-policy summary (field names match test/bench/results/timing.json). */
export interface ErrorSummary {
  readonly callbacks: number
  readonly biasSeconds: number
  readonly maeSeconds: number
  readonly p90Seconds: number
  readonly within60: number
}

/** Percentile by linear interpolation between order statistics (Hyndman–Fan type 7, as numpy and R default). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile must be within 0..1, got ${p}`)
  const sorted = [...values].sort((a, b) => a - b)
  const h = (sorted.length - 1) * p
  const lo = Math.floor(h)
  const hi = Math.min(lo + 1, sorted.length - 1)
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo])
}

/** Bias (mean e), MAE (mean |e|), p90 |e| and the share with |e| ≤ 60 s; NaN fields for an empty list. */
export function summarizeErrors(errorsSeconds: readonly number[]): ErrorSummary {
  const n = errorsSeconds.length
  if (n === 0) return { callbacks: 0, biasSeconds: NaN, maeSeconds: NaN, p90Seconds: NaN, within60: NaN }
  const abs = errorsSeconds.map(Math.abs)
  return {
    callbacks: n,
    biasSeconds: errorsSeconds.reduce((s, e) => s + e, 0) / n,
    maeSeconds: abs.reduce((s, e) => s + e, 0) / n,
    p90Seconds: percentile(abs, 0.9),
    within60: abs.filter((e) => e <= 60).length / n
  }
}

/** Mean and two-sided interval of a paired difference. */
export interface PairedInterval {
  readonly days: number
  readonly meanDifference: number
  readonly lower: number
  readonly upper: number
  /** True when the interval lies entirely on one side of zero. */
  readonly excludesZero: boolean
}

/**
 * Paired t interval for mean(a − b) over days run with the same seeds: d̄ ± t_{1−α/2, n−1}·s_d/√n.
 * `a[i]` and `b[i]` must come from the same seeded day. Needs at least two days.
 */
export function pairedInterval(a: readonly number[], b: readonly number[], level = 0.95): PairedInterval {
  if (a.length !== b.length) throw new RangeError(`paired samples differ in length: ${a.length} vs ${b.length}`)
  const n = a.length
  if (n < 2) throw new RangeError('a paired interval needs at least two days')
  const d = a.map((x, i) => x - b[i])
  const mean = d.reduce((s, x) => s + x, 0) / n
  const variance = d.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1)
  const half = studentTQuantile(1 - (1 - level) / 2, n - 1) * Math.sqrt(variance / n)
  const lower = mean - half
  const upper = mean + half
  return { days: n, meanDifference: mean, lower, upper, excludesZero: lower > 0 || upper < 0 }
}

/** The metrics compared between policies. */
export type ComparedMetric = 'biasSeconds' | 'absBiasSeconds' | 'maeSeconds' | 'p90Seconds' | 'within60'

/**
 * Paired intervals (A − B) for every summary metric from per-day errors of policies A and B (index = seeded day).
 * Days where either policy had no callbacks are left out of both sides.
 */
export function comparePolicies(
  daysA: readonly (readonly number[])[],
  daysB: readonly (readonly number[])[],
  level = 0.95
): Record<ComparedMetric, PairedInterval> {
  if (daysA.length !== daysB.length) throw new RangeError(`day counts differ: ${daysA.length} vs ${daysB.length}`)
  const kept = daysA.map((_, i) => i).filter((i) => daysA[i].length > 0 && daysB[i].length > 0)
  const a = kept.map((i) => summarizeErrors(daysA[i]))
  const b = kept.map((i) => summarizeErrors(daysB[i]))
  const pick = (k: keyof ErrorSummary, s: readonly ErrorSummary[]): number[] => s.map((x) => x[k])
  return {
    biasSeconds: pairedInterval(pick('biasSeconds', a), pick('biasSeconds', b), level),
    absBiasSeconds: pairedInterval(
      a.map((x) => Math.abs(x.biasSeconds)),
      b.map((x) => Math.abs(x.biasSeconds)),
      level
    ),
    maeSeconds: pairedInterval(pick('maeSeconds', a), pick('maeSeconds', b), level),
    p90Seconds: pairedInterval(pick('p90Seconds', a), pick('p90Seconds', b), level),
    within60: pairedInterval(pick('within60', a), pick('within60', b), level)
  }
}
