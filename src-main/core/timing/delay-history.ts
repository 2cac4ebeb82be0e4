/**
 * Delay-history (DH) predictors: they need no model parameters, only waits already seen (Ibrahim & Whitt 2009a;
 * ewt.md §2.3). They predict the wait of a caller joining the back of the queue now. In heavy traffic their MSE is
 * about (1 + c_a²) × QL's, and arrival surges bias them, so they are baselines and blend features, not our backbone.
 */

/** HOL: Ŵ = elapsed wait of the caller at the head of the line. */
export function holSeconds(headOfLineWaitSeconds: number): number {
  assertWait(headOfLineWaitSeconds)
  return headOfLineWaitSeconds
}

/**
 * Refined HOL for Poisson arrivals: the callers ahead of a new arrival are 1 + Poisson(λw), so
 * E[W | w] = (λw + 2) / (sμ) (ewt.md §2.3).
 */
export function refinedHolSeconds(
  headOfLineWaitSeconds: number,
  arrivalRatePerSecond: number,
  serviceRatePerSecond: number
): number {
  assertWait(headOfLineWaitSeconds)
  if (!(serviceRatePerSecond > 0)) throw new RangeError('service rate must be > 0')
  return (arrivalRatePerSecond * headOfLineWaitSeconds + 2) / serviceRatePerSecond
}

/** LES: Ŵ = queue wait of the last caller to enter service; undefined before anyone has been served. */
export function lesSeconds(recentWaitsNewestFirst: readonly number[]): number | undefined {
  const last = recentWaitsNewestFirst[0]
  if (last === undefined) return undefined
  assertWait(last)
  return last
}

/** Avg-LES (Thiongane et al.): mean of the last k LES waits, k = 10 by default. */
export function avgLesSeconds(recentWaitsNewestFirst: readonly number[], k = 10): number | undefined {
  const window = recentWaitsNewestFirst.slice(0, k)
  if (window.length === 0) return undefined
  window.forEach(assertWait)
  return window.reduce((sum, w) => sum + w, 0) / window.length
}

function assertWait(seconds: number): void {
  if (!(seconds >= 0) || !Number.isFinite(seconds)) throw new RangeError(`a wait must be a finite number >= 0, got ${seconds}`)
}
