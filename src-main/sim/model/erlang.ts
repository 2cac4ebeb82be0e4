/**
 * Steady-state Erlang C (M/M/s) and Erlang A (M/M/s+M) figures, the yardsticks the model is validated against
 * (ewt.md §2.1, §7.5). Kept here, in plain arithmetic, so the simulator's self-test does not depend on the
 * predictors it will later be used to judge. Rates are per second.
 */

/** Steady-state answers. */
export interface ErlangResult {
  /** Probability an arrival finds every agent busy. */
  readonly pWait: number
  /** Mean time in queue over all arrivals (served and abandoning), seconds. */
  readonly meanWaitSeconds: number
  /** Share of arrivals that abandon (0 in Erlang C). */
  readonly pAbandon: number
  /** Mean number waiting. */
  readonly meanQueue: number
}

function check(agents: number, lambda: number, mu: number): void {
  if (!Number.isInteger(agents) || agents < 1) throw new RangeError(`agents must be a whole number >= 1, got ${agents}`)
  if (!(lambda >= 0) || !(mu > 0)) throw new RangeError('arrival rate must be >= 0 and service rate > 0')
}

/** Erlang C via the stable Erlang B recursion: C = s·B / (s − a(1 − B)), E[Wq] = C / (sμ − λ). Needs ρ < 1. */
export function erlangCSteadyState(agents: number, lambda: number, mu: number): ErlangResult {
  check(agents, lambda, mu)
  const a = lambda / mu
  if (a >= agents) throw new RangeError(`Erlang C needs load < agents (a = ${a}, s = ${agents})`)
  let b = 1
  for (let k = 1; k <= agents; k++) b = (a * b) / (k + a * b)
  const pWait = (agents * b) / (agents - a * (1 - b))
  const meanWaitSeconds = pWait / (agents * mu - lambda)
  return { pWait, meanWaitSeconds, pAbandon: 0, meanQueue: lambda * meanWaitSeconds }
}

/**
 * Erlang A (Palm): birth–death chain, birth λ, death min(n,s)μ + (n−s)⁺θ. Probabilities are built relative to
 * π_s (downwards π_{n−1} = π_n·n/a, upwards π_{s+j} = π_{s+j−1}·λ/(sμ + jθ)) so large s does not overflow.
 * P(abandon) = θ·E[Wq] (exact for exponential patience).
 */
export function erlangASteadyState(agents: number, lambda: number, mu: number, theta: number): ErlangResult {
  check(agents, lambda, mu)
  if (!(theta > 0)) throw new RangeError('Erlang A needs a patience rate θ > 0 (use erlangCSteadyState for θ = 0)')
  const a = lambda / mu
  let below = 0
  let p = 1
  for (let n = agents; n >= 1; n--) {
    p = (p * n) / a
    below += p
  }
  let waiting = 0
  let queue = 0
  let term = 1
  for (let j = 1; j < 1_000_000; j++) {
    term = (term * lambda) / (agents * mu + j * theta)
    waiting += term
    queue += j * term
    if (lambda < agents * mu + j * theta && term < 1e-16 * (1 + waiting)) break
  }
  const total = below + 1 + waiting
  const meanQueue = queue / total
  const meanWaitSeconds = lambda > 0 ? meanQueue / lambda : 0
  return { pWait: (1 + waiting) / total, meanWaitSeconds, pAbandon: theta * meanWaitSeconds, meanQueue }
}
