/**
 * How fast places in the queue clear: the service-start rate r (and the patience rate θ) estimated from what
 * Genesys Cloud reports. Measured throughput absorbs after-call work, agents shared with other queues and
 * not-ready time that a model of "agents / AHT" misses (ewt.md §2.4 "Throughput-based QL").
 */
import type { QueueObservation } from './types'

/** Where a rate estimate came from, for explanations and tests. */
export type RateSource = 'measured' | 'measured-rescaled' | 'model'

/** A service-start rate and its provenance. */
export interface RateEstimate {
  readonly ratePerSecond: number
  readonly source: RateSource
}

/** Model rate s/AHT: every agent on queue starts a new call once per handle time. */
export function modelServiceRate(agentsOnQueue: number, ahtSeconds: number): number {
  if (!(ahtSeconds > 0)) throw new RangeError(`AHT must be > 0, got ${ahtSeconds}`)
  return Math.max(agentsOnQueue, 0) / ahtSeconds
}

/**
 * Best service-start rate now. The measured rate (answers / window) only measures capacity if the queue never
 * emptied during the window; under FCFS that holds exactly when the oldest waiter has waited at least the window.
 * It is rescaled by agents now / agents during the window so a log-off shows at once. Otherwise: agents / AHT.
 * Undefined when nobody is on queue (no prediction is possible).
 */
export function estimateServiceRate(observation: QueueObservation): RateEstimate | undefined {
  if (observation.agentsOnQueue <= 0) return undefined
  const model = modelServiceRate(observation.agentsOnQueue, observation.ahtSeconds)
  const { answeredInWindow: answered, windowSeconds: window, holSeconds: hol } = observation
  const usable = answered !== undefined && window !== undefined && hol !== undefined && window > 0 && answered > 0
  if (!usable || hol < window) return { ratePerSecond: model, source: 'model' }
  const measured = answered / window
  const inWindow = observation.agentsOnQueueInWindow
  if (inWindow !== undefined && inWindow > 0 && inWindow !== observation.agentsOnQueue) {
    return { ratePerSecond: (measured * observation.agentsOnQueue) / inWindow, source: 'measured-rescaled' }
  }
  return { ratePerSecond: measured, source: 'measured' }
}

/**
 * Patience rate θ̂ = abandons / total seconds waited by everyone who left the queue in the window — the maximum
 * likelihood estimate for exponential patience censored by service (aggregates: `tAbandon` count over
 * `tAbandon` sum + `tAnswered` sum). 0 when nothing was observed.
 */
export function estimateAbandonRate(abandons: number, secondsWaitedByLeavers: number): number {
  if (abandons <= 0 || !(secondsWaitedByLeavers > 0)) return 0
  return abandons / secondsWaitedByLeavers
}

/** Exponentially weighted moving average, for smoothing per-slice rate readings. */
export function ewma(previous: number | undefined, sample: number, weight: number): number {
  if (weight < 0 || weight > 1) throw new RangeError('EWMA weight must be within 0..1')
  return previous === undefined ? sample : weight * sample + (1 - weight) * previous
}
