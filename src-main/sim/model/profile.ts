/**
 * Piecewise-constant intraday profiles (arrival rates, staffing), optionally repeating every `cycle` seconds,
 * and exact sampling of the next arrival of a non-homogeneous Poisson process with such a rate.
 */

/** A step function's breakpoint: the value holds from `at` until the next step's `at`. */
export interface Step {
  readonly at: number
}

/** The step in force at `t` (steps sorted by `at`); before the first step: the first (with cycles: the last, wrapping). */
export function stepAt<T extends Step>(steps: readonly T[], t: number, cycle?: number): T | undefined {
  if (steps.length === 0) return undefined
  const r = cycle ? t - Math.floor(t / cycle) * cycle : t
  let found: T | undefined
  for (const s of steps) {
    if (s.at <= r) found = s
    else break
  }
  if (found) return found
  return cycle ? steps[steps.length - 1] : steps[0]
}

/** The first time strictly after `t` at which a step begins (Infinity when none). */
export function nextBoundary(steps: readonly Step[], t: number, cycle?: number): number {
  if (steps.length === 0) return Infinity
  if (!cycle) {
    for (const s of steps) if (s.at > t) return s.at
    return Infinity
  }
  const base = Math.floor(t / cycle) * cycle
  const r = t - base
  for (const s of steps) if (s.at > r && s.at < cycle) return base + s.at
  const first = steps[0]!.at
  return base + cycle + (first < cycle ? first : 0)
}

/**
 * Time of the next arrival after `t` for rate steps in calls per hour, given one Exp(1) variate `e`:
 * walk forward until the integrated rate reaches `e` (exact inversion). Infinity if it never does before `end`.
 */
export function nextArrivalTime(
  steps: readonly { readonly at: number; readonly perHour: number }[],
  t: number,
  e: number,
  end: number,
  cycle?: number
): number {
  if (steps.every((s) => s.perHour <= 0)) return Infinity
  let cur = t
  let remaining = e
  for (let guard = 0; guard < 1_000_000; guard++) {
    if (cur > end) return Infinity
    const rate = (stepAt(steps, cur, cycle)?.perHour ?? 0) / 3600
    const boundary = nextBoundary(steps, cur, cycle)
    if (rate > 0 && cur + remaining / rate <= boundary) return cur + remaining / rate
    if (boundary === Infinity) return Infinity
    remaining -= rate * (boundary - cur)
    cur = boundary
  }
  throw new Error('[SimModel] arrival sampling did not terminate')
}
