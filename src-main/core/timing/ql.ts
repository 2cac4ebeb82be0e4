/**
 * Queue-length (QL) predictors: the caller's wait from how many are ahead and how fast positions clear.
 * In the Markov model QL is the exact conditional mean (Whitt 1999; ewt.md §2.2), which is why it is our backbone.
 * `n` is the number of callers ahead; `rate` is the service-start rate sμ (or a measured r̂) per second.
 */

/** QL (Whitt 1999): Ŵ = (n + 1) / (sμ) — n + 1 service completions, each gap Exp(sμ). */
export function qlSeconds(ahead: number, ratePerSecond: number): number {
  assertInputs(ahead, ratePerSecond, 0)
  return (ahead + 1) / ratePerSecond
}

/** QL-m (Ibrahim & Whitt 2009b): Ŵ = Σ_{i=0}^{n} 1 / (sμ + iθ) — with i ahead, the place improves at rate sμ + iθ. */
export function qlmSeconds(ahead: number, ratePerSecond: number, thetaPerSecond: number): number {
  assertInputs(ahead, ratePerSecond, thetaPerSecond)
  let sum = 0
  for (let i = 0; i <= ahead; i++) sum += 1 / (ratePerSecond + i * thetaPerSecond)
  return sum
}

/** Time until everyone ahead has left (served or abandoned): Σ_{i=1}^{n} 1 / (sμ + iθ); the dispatch rule uses it. */
export function clearAheadSeconds(ahead: number, ratePerSecond: number, thetaPerSecond: number): number {
  return qlmSeconds(ahead, ratePerSecond, thetaPerSecond) - 1 / ratePerSecond
}

/** QL-m continuous form from L'Ecuyer's ContactCenters: (1/θ)·ln(1 + θ·n/(sμ)); equals n/(sμ) as θ → 0. */
export function qlmContinuousSeconds(ahead: number, ratePerSecond: number, thetaPerSecond: number): number {
  assertInputs(ahead, ratePerSecond, thetaPerSecond)
  if (thetaPerSecond === 0) return ahead / ratePerSecond
  return Math.log1p((thetaPerSecond * ahead) / ratePerSecond) / thetaPerSecond
}

/**
 * QL-m in plain arithmetic, for Architect expressions (no loops, no logarithms): f(0) plus Σ_{i=1}^{n} f(i),
 * f(x) = 1/(sμ + xθ), taken as ∫_{½}^{n+½} f by composite Simpson with two panels (five points, h = n/4):
 * f(0) + h/3·[f(½) + 4f(½+h) + 2f(½+2h) + 4f(½+3h) + f(n+½)]. Exact when θ = 0; within 0.5 % of the sum while
 * θ·n ≤ 3sμ (every benchmark scenario), about 6 % at θ·n = 10sμ (tested).
 */
export function qlmArithmeticSeconds(ahead: number, ratePerSecond: number, thetaPerSecond: number): number {
  assertInputs(ahead, ratePerSecond, thetaPerSecond)
  const f = (x: number): number => 1 / (ratePerSecond + x * thetaPerSecond)
  const h = ahead / 4
  const simpson = f(0.5) + 4 * f(0.5 + h) + 2 * f(0.5 + 2 * h) + 4 * f(0.5 + 3 * h) + f(ahead + 0.5)
  return f(0) + (h / 3) * simpson
}

/** Probability the caller would be served had they stayed: Π_{i=0}^{n} (sμ + iθ) / (sμ + (i+1)θ) (Ibrahim & Whitt 2009b). */
export function qlmServeProbability(ahead: number, ratePerSecond: number, thetaPerSecond: number): number {
  assertInputs(ahead, ratePerSecond, thetaPerSecond)
  let p = 1
  for (let i = 0; i <= ahead; i++) p *= (ratePerSecond + i * thetaPerSecond) / (ratePerSecond + (i + 1) * thetaPerSecond)
  return p
}

function assertInputs(ahead: number, rate: number, theta: number): void {
  if (!Number.isInteger(ahead) || ahead < 0) throw new RangeError(`callers ahead must be a whole number >= 0, got ${ahead}`)
  if (!(rate > 0) || !Number.isFinite(rate)) throw new RangeError(`service rate must be > 0, got ${rate}`)
  if (!(theta >= 0) || !Number.isFinite(theta)) throw new RangeError(`abandon rate must be >= 0, got ${theta}`)
}
