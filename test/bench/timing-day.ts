/**
 * One seeded day of one policy in virtual time, scored against counterfactual twins: for every callback requester
 * the model forks at the instant they accept and runs a twin in which they stay on hold with unlimited patience;
 * W* = their answer time there (agent alerting included). The day's callback reaches an agent after the dial, ring,
 * no-answer retries, confirmation, transfer and alerting the model draws, so e = answered − twin answered.
 */
import { ContactCenterModel, type ModelConfig, type ModelEvent, type TimingPolicy } from '../../src-main/sim/model'

/** Callbacks requested before this (model seconds) are warm-up and not scored. */
export const WARM_UP_SECONDS = 1200

/** One connected callback, scored. */
export interface ScoredCallback {
  /** Time to agent minus the counterfactual hold time, seconds (positive = late). */
  readonly error: number
  /** Dial attempts it took (1 = answered on the first attempt). */
  readonly attempts: number
  /** Time back on hold in the target queue after answering and confirming ("put back on hold"). */
  readonly requeue: number
  /** Counterfactual hold time W*. */
  readonly counterfactual: number
}

/** What one policy-day produced. */
export interface DayResult {
  readonly callbacks: ScoredCallback[]
  /** Queue wait (to answer or abandonment) of every caller who never asked for a callback, by caller id. */
  readonly onHoldWaits: Map<number, number>
  readonly requested: number
  readonly declined: number
  readonly unreached: number
  /** Twins that hit their horizon (no ground truth). */
  readonly censored: number
  readonly events: number
}

/** Runs one day; `policy` undefined with `callbacks: false` gives the no-callback baseline. */
export function runDay(config: ModelConfig, policy: TimingPolicy | undefined, twinEvery = 1): DayResult {
  const truth = new Map<number, number>()
  let censored = 0
  const model = new ContactCenterModel(config, {
    ...(policy ? { policy } : {}),
    twins: {
      select: (r) => r.callerId % twinEvery === 0,
      onResult: (r) => {
        if (r.answeredAt === undefined) censored++
        else truth.set(r.callerId, r.answeredAt)
      }
    }
  })
  const requestedAt = new Map<number, number>()
  const attempts = new Map<number, number>()
  const requeuedAt = new Map<number, number>()
  const onHoldWaits = new Map<number, number>()
  const callbacks: ScoredCallback[] = []
  let declined = 0
  let unreached = 0
  model.onEvent((e: ModelEvent) => {
    switch (e.type) {
      case 'callback-requested':
        requestedAt.set(e.callbackId, e.t)
        return
      case 'callback-dispatched':
        attempts.set(e.callbackId, e.attempt)
        return
      case 'callback-ended':
        if (e.state === 'declined') declined++
        if (e.state === 'unreached') unreached++
        return
      case 'queued':
        if (e.callbackId !== undefined) requeuedAt.set(e.callbackId, e.t)
        return
      case 'abandoned':
        if (!requestedAt.has(e.callerId)) onHoldWaits.set(e.callerId, e.waitedSeconds)
        return
      case 'answered': {
        if (e.callbackId === undefined) {
          onHoldWaits.set(e.callerId, e.t - e.arrivalAt)
          return
        }
        const twin = truth.get(e.callerId)
        const asked = requestedAt.get(e.callbackId)
        if (twin === undefined || asked === undefined || asked < WARM_UP_SECONDS) return
        callbacks.push({
          error: e.t - twin,
          attempts: attempts.get(e.callbackId) ?? 1,
          requeue: e.t - (requeuedAt.get(e.callbackId) ?? e.t),
          counterfactual: twin - e.arrivalAt
        })
        return
      }
      default:
        return
    }
  })
  model.run()
  // callers still answered after a callback request never reach onHoldWaits; drop any who asked after waiting
  for (const id of requestedAt.keys()) onHoldWaits.delete(id)
  return {
    callbacks,
    onHoldWaits,
    requested: requestedAt.size,
    declined,
    unreached,
    censored,
    events: model.processedEvents
  }
}

/** The same day with callbacks switched off: every caller waits on hold (for the on-hold effect). */
export function baselineConfig(config: ModelConfig): ModelConfig {
  return {
    ...config,
    queues: config.queues.map((q) => ({ ...q, callbacks: { ...q.callbacks, enabled: false } }))
  }
}

/** `config` with the given flows on every queue. */
export function withFlows(config: ModelConfig, flows: 'ours' | 'blueprint'): ModelConfig {
  return { ...config, queues: config.queues.map((q) => ({ ...q, callbacks: { ...q.callbacks, flows } })) }
}
