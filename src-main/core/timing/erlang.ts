/**
 * Steady-state Erlang C (M/M/s) and Erlang A (M/M/s+M) results, shared by the predictors, the simulator's
 * self-tests and staffing what-ifs. Formulas: ewt.md §2.1. Rates are per second.
 */

/** Parameters of a many-server queue. `patienceRatePerSecond` (θ) is only used by Erlang A. */
export interface QueueModel {
  readonly agents: number
  readonly arrivalRatePerSecond: number
  readonly serviceRatePerSecond: number
  readonly patienceRatePerSecond?: number
}

/** Steady-state answers for a queue model. */
export interface QueueMetrics {
  /** Probability an arrival finds all agents busy. */
  readonly pWait: number
  /** Mean time in queue over all arrivals (served and abandoning), seconds. */
  readonly meanWaitSeconds: number
  /** Share of arrivals that abandon (0 for Erlang C). */
  readonly pAbandon: number
  /** Mean number waiting. */
  readonly meanQueue: number
}

/** Erlang B blocking probability B(s, a) by the stable recursion B_k = a·B_{k−1} / (k + a·B_{k−1}) (ewt.md §2.1). */
export function erlangB(agents: number, offeredLoad: number): number {
  assertAgents(agents)
  if (offeredLoad < 0) throw new RangeError('offered load must be >= 0')
  let b = 1
  for (let k = 1; k <= agents; k++) b = (offeredLoad * b) / (k + offeredLoad * b)
  return b
}

/** Erlang C waiting probability C(s, a) = s·B / (s − a(1 − B)); 1 when a ≥ s (the queue never empties). */
export function erlangC(agents: number, offeredLoad: number): number {
  if (offeredLoad >= agents) return 1
  const b = erlangB(agents, offeredLoad)
  return (agents * b) / (agents - offeredLoad * (1 - b))
}

/** Erlang C: P(wait), E[W_q] = C/(sμ − λ), abandonment 0; an unstable queue has infinite wait. */
export function erlangCMetrics(model: QueueModel): QueueMetrics {
  const { agents, arrivalRatePerSecond: lambda, serviceRatePerSecond: mu } = model
  const a = lambda / mu
  const pWait = erlangC(agents, a)
  if (a >= agents) return { pWait: 1, meanWaitSeconds: Infinity, pAbandon: 0, meanQueue: Infinity }
  const meanWaitSeconds = pWait / (agents * mu - lambda)
  return { pWait, meanWaitSeconds, pAbandon: 0, meanQueue: lambda * meanWaitSeconds }
}

/** Erlang C tail P(W_q > t) = C·e^{−(sμ−λ)t}, for service-level what-ifs. */
export function erlangCWaitExceeds(model: QueueModel, seconds: number): number {
  const { agents, arrivalRatePerSecond: lambda, serviceRatePerSecond: mu } = model
  const pWait = erlangC(agents, lambda / mu)
  if (lambda >= agents * mu) return 1
  return pWait * Math.exp(-(agents * mu - lambda) * seconds)
}

/**
 * Erlang A (Palm) by the birth–death chain: π_n ∝ aⁿ/n! for n ≤ s, π_{s+j} = π_s·Π_{k≤j} λ/(sμ + kθ);
 * P(abandon) = θ·E[W_q] (exact for exponential patience). With θ = 0 it is Erlang C.
 */
export function erlangAMetrics(model: QueueModel): QueueMetrics {
  const theta = model.patienceRatePerSecond ?? 0
  if (theta <= 0) return erlangCMetrics(model)
  const { agents: s, arrivalRatePerSecond: lambda, serviceRatePerSecond: mu } = model
  assertAgents(s)
  const a = lambda / mu
  // log-space terms so that hundreds of agents do not overflow
  const logTerms: number[] = [0]
  for (let n = 1; n <= s; n++) logTerms.push(logTerms[n - 1] + Math.log(a) - Math.log(n))
  const queueLog: number[] = [] // log of π_{s+j}/π_0 for j ≥ 1
  let last = logTerms[s]
  for (let j = 1; j < 1_000_000; j++) {
    last += Math.log(lambda) - Math.log(s * mu + j * theta)
    queueLog.push(last)
    if (s * mu + j * theta > lambda && last < logTerms[s] - 40) break
  }
  const all = [...logTerms, ...queueLog]
  const max = Math.max(...all)
  const norm = all.reduce((sum, l) => sum + Math.exp(l - max), 0)
  const p = (l: number): number => Math.exp(l - max) / norm
  let pWait = 0
  let meanQueue = 0
  pWait += p(logTerms[s])
  queueLog.forEach((l, i) => {
    const pj = p(l)
    pWait += pj
    meanQueue += (i + 1) * pj
  })
  const meanWaitSeconds = meanQueue / lambda
  return { pWait, meanWaitSeconds, pAbandon: theta * meanWaitSeconds, meanQueue }
}

function assertAgents(agents: number): void {
  if (!Number.isInteger(agents) || agents < 1) throw new RangeError(`agents must be a positive integer, got ${agents}`)
}
