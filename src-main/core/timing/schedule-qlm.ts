/**
 * Throughput- and schedule-aware QL-m: QL-m stepped through time so that a known change in staffing (a WFM plan,
 * agents due to log off) or a measured throughput r̂ sets the pace of every step (Ibrahim & Whitt 2011b;
 * ewt.md §2.4 "QL with a staffing schedule"): position i clears after one unit of work at rate r(t) + iθ.
 */
import { estimateServiceRate } from './service-rate'
import type { QueueObservation, StaffingStep } from './types'

/** Service-start rate as a function of time (epoch ms), per second; 0 = nobody serving then. */
export type RateAt = (atMs: number) => number

/**
 * Clears positions i = n … `downTo`, each needing one unit of work at rate r(t) + iθ, with r piecewise constant
 * between `changesMs` (a fluid reading of t ← t + 1/(r(t) + iθ) that stays exact across change points). Returns
 * seconds from `startMs`, or undefined if the place never clears (no capacity, no abandonment, no later change).
 * `downTo` = 0 gives the wait; `downTo` = 1 the time for everyone ahead to leave.
 */
export function steppedQlmSeconds(
  ahead: number,
  startMs: number,
  rateAt: RateAt,
  thetaPerSecond: number,
  changesMs: readonly number[] = [],
  downTo = 0
): number | undefined {
  if (!Number.isInteger(ahead) || ahead < 0) throw new RangeError(`callers ahead must be a whole number >= 0, got ${ahead}`)
  const changes = changesMs.filter((c) => c > startMs).sort((a, b) => a - b)
  let t = startMs
  let c = 0
  for (let i = ahead; i >= downTo; i--) {
    let need = 1
    while (need > 0) {
      while (c < changes.length && changes[c] <= t) c++
      const nextChange = changes[c] ?? Infinity
      const rate = rateAt(t) + i * thetaPerSecond
      if (!(rate > 0)) {
        if (nextChange === Infinity) return undefined
        t = nextChange
        continue
      }
      const endMs = t + (need / rate) * 1000
      if (endMs <= nextChange) {
        t = endMs
        need = 0
      } else {
        need -= (rate * (nextChange - t)) / 1000
        t = nextChange
      }
    }
  }
  return (t - startMs) / 1000
}

/** Agents the plan puts on queue at `atMs`, counting only plan steps after `nowMs` (before that: `current`). */
export function plannedAgents(plan: readonly StaffingStep[], nowMs: number, atMs: number, current: number): number {
  let agents = current
  let from = nowMs
  for (const step of plan) {
    if (step.fromMs > from && step.fromMs <= atMs) {
      agents = step.agents
      from = step.fromMs
    }
  }
  return agents
}

/** Seconds until everyone ahead has left, and until this caller reaches an agent. */
export interface Clearing {
  readonly clearSeconds: number
  readonly waitSeconds: number
}

/**
 * The throughput/schedule-aware QL-m for a caller with `ahead` callers in front: pace = the best rate now
 * (measured throughput when trustworthy, else agents/AHT) per agent, times the agents the plan puts on queue later.
 */
export function scheduleAwareClearing(ahead: number, observation: QueueObservation): Clearing | undefined {
  const now = estimateServiceRate(observation)
  const plan = observation.staffing ?? []
  const theta = observation.abandonRatePerSecond ?? 0
  const perAgent = now === undefined ? 1 / observation.ahtSeconds : now.ratePerSecond / observation.agentsOnQueue
  const rateAt: RateAt = (atMs) => perAgent * Math.max(plannedAgents(plan, observation.atMs, atMs, observation.agentsOnQueue), 0)
  const changes = plan.map((p) => p.fromMs)
  const clearSeconds = ahead === 0 ? 0 : steppedQlmSeconds(ahead, observation.atMs, rateAt, theta, changes, 1)
  if (clearSeconds === undefined) return undefined
  const last = steppedQlmSeconds(0, observation.atMs + clearSeconds * 1000, rateAt, theta, changes)
  if (last === undefined) return undefined
  return { clearSeconds, waitSeconds: clearSeconds + last }
}

/** Throughput/schedule-aware QL-m wait (Ibrahim & Whitt 2011b form): seconds until this caller reaches an agent. */
export function scheduleAwareQlmSeconds(ahead: number, observation: QueueObservation): number | undefined {
  return scheduleAwareClearing(ahead, observation)?.waitSeconds
}
