/**
 * Scoring of the timing benchmark: one record per scenario and policy (the fields of results/timing.json), and the
 * paired 95 % intervals across seeded days. The headline figures are over callbacks answered on the first dial
 * attempt; retried callbacks (busy / no answer / machine, then a 120 s quarantine) are reported apart, as
 * ewt.md §4 asks, because their lateness is set by the retry rule, not by the timing policy.
 */
import { pairedInterval, percentile, summarizeErrors, type ErrorSummary, type PairedInterval } from '../../src-main/core/timing'
import type { DayResult, ScoredCallback } from './timing-day'

/** One line of results/timing.json. */
export interface TimingRecord extends ErrorSummary {
  readonly scenario: string
  readonly policy: string
  readonly days: number
  /** Callbacks requested per day (all, warm-up included). */
  readonly requestedPerDay: number
  readonly medianAbsSeconds: number
  readonly rmseSeconds: number
  /** Share more than 60 s early / late. */
  readonly earlyShare: number
  readonly lateShare: number
  /** Time back on hold after answering and confirming: mean, p90, share ≤ 15 s (first attempts). */
  readonly requeueMeanSeconds: number
  readonly requeueP90Seconds: number
  readonly requeueWithin15: number
  /** Callbacks that needed a retry, and every connected callback. */
  readonly retried: ErrorSummary
  readonly allConnected: ErrorSummary
  readonly unreachedShare: number
  readonly declinedShare: number
  readonly censoredTwins: number
  /** Mean queue wait of callers who stayed on hold, with these callbacks and in the same days without callbacks. */
  readonly onHoldWaitSeconds: number
  readonly onHoldBaselineWaitSeconds: number
  readonly onHoldWaitDeltaSeconds: number
}

const mean = (xs: readonly number[]): number => (xs.length === 0 ? NaN : xs.reduce((s, x) => s + x, 0) / xs.length)
const round = (x: number, digits = 1): number => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : x)

function roundSummary(s: ErrorSummary): ErrorSummary {
  return {
    callbacks: s.callbacks,
    biasSeconds: round(s.biasSeconds),
    maeSeconds: round(s.maeSeconds),
    p90Seconds: round(s.p90Seconds),
    within60: round(s.within60, 3)
  }
}

/** Errors of the first-attempt callbacks of one day (the headline population). */
export function firstAttemptErrors(day: DayResult): number[] {
  return day.callbacks.filter((c) => c.attempts === 1).map((c) => c.error)
}

/** Per-caller difference in mean on-hold wait against the baseline day (same callers, same random numbers). */
function onHold(days: readonly DayResult[], baselines: readonly Map<number, number>[]): { withCb: number; base: number } {
  const withCb: number[] = []
  const base: number[] = []
  days.forEach((d, i) => {
    for (const [id, wait] of d.onHoldWaits) {
      const b = baselines[i]?.get(id)
      if (b === undefined) continue
      withCb.push(wait)
      base.push(b)
    }
  })
  return { withCb: mean(withCb), base: mean(base) }
}

/** The record of one scenario × policy over its days. */
export function scoreRecord(
  scenario: string,
  policy: string,
  days: readonly DayResult[],
  baselines: readonly Map<number, number>[]
): TimingRecord {
  const all: ScoredCallback[] = days.flatMap((d) => d.callbacks)
  const first = all.filter((c) => c.attempts === 1)
  const errors = first.map((c) => c.error)
  const abs = errors.map(Math.abs)
  const requeue = first.map((c) => c.requeue)
  const requested = days.reduce((s, d) => s + d.requested, 0)
  const hold = onHold(days, baselines)
  return {
    scenario,
    policy,
    ...roundSummary(summarizeErrors(errors)),
    days: days.length,
    requestedPerDay: round(requested / days.length),
    medianAbsSeconds: round(percentile(abs, 0.5)),
    rmseSeconds: round(Math.sqrt(mean(errors.map((e) => e * e)))),
    earlyShare: round(errors.filter((e) => e < -60).length / Math.max(1, errors.length), 3),
    lateShare: round(errors.filter((e) => e > 60).length / Math.max(1, errors.length), 3),
    requeueMeanSeconds: round(mean(requeue)),
    requeueP90Seconds: round(percentile(requeue, 0.9)),
    requeueWithin15: round(requeue.filter((r) => r <= 15).length / Math.max(1, requeue.length), 3),
    retried: roundSummary(summarizeErrors(all.filter((c) => c.attempts > 1).map((c) => c.error))),
    allConnected: roundSummary(summarizeErrors(all.map((c) => c.error))),
    unreachedShare: round(days.reduce((s, d) => s + d.unreached, 0) / Math.max(1, requested), 3),
    declinedShare: round(days.reduce((s, d) => s + d.declined, 0) / Math.max(1, requested), 3),
    censoredTwins: days.reduce((s, d) => s + d.censored, 0),
    onHoldWaitSeconds: round(hold.withCb),
    onHoldBaselineWaitSeconds: round(hold.base),
    onHoldWaitDeltaSeconds: round(hold.withCb - hold.base)
  }
}

/** A paired comparison of per-day MAE, as stored in results/timing.json. */
export interface PairedComparison {
  readonly scenario: string
  readonly metric: string
  /** What is compared, e.g. "virtual-place − blueprint". */
  readonly comparison: string
  readonly interval: PairedInterval
}

function roundInterval(i: PairedInterval): PairedInterval {
  return { ...i, meanDifference: round(i.meanDifference, 2), lower: round(i.lower, 2), upper: round(i.upper, 2) }
}

/**
 * Per-day paired intervals for one scenario (days where either policy scored no callback are left out):
 * MAE(ours) − MAE(other) for each other policy, and the target test MAE(ours) − ½·MAE(blueprint) (< 0 = met).
 */
export function pairedComparisons(
  scenario: string,
  ours: string,
  blueprint: string,
  byPolicy: ReadonlyMap<string, readonly DayResult[]>
): PairedComparison[] {
  const mae = (day: DayResult): number => {
    const e = firstAttemptErrors(day)
    return e.length === 0 ? NaN : mean(e.map(Math.abs))
  }
  const oursDays = byPolicy.get(ours) ?? []
  const out: PairedComparison[] = []
  const paired = (other: readonly DayResult[], scale: number): PairedInterval | undefined => {
    const a: number[] = []
    const b: number[] = []
    oursDays.forEach((d, i) => {
      const x = mae(d)
      const y = other[i] ? mae(other[i]) : NaN
      if (Number.isFinite(x) && Number.isFinite(y)) {
        a.push(x)
        b.push(scale * y)
      }
    })
    return a.length >= 2 ? roundInterval(pairedInterval(a, b)) : undefined
  }
  for (const [policy, days] of byPolicy) {
    if (policy === ours) continue
    const interval = paired(days, 1)
    if (interval) out.push({ scenario, metric: 'maeSeconds', comparison: `${ours} − ${policy}`, interval })
  }
  const half = paired(byPolicy.get(blueprint) ?? [], 0.5)
  if (half) out.push({ scenario, metric: 'maeSeconds', comparison: `${ours} − ½·${blueprint}`, interval: half })
  return out
}
