/**
 * The console's view of a waiting callback: when will this caller reach an agent, how far is that from the promise,
 * and why — in one line for the detail drawer. It mirrors the deployed policy (dial when the callers ahead clear
 * within the connect overhead, rejoin at the virtual place) and uses the schedule-aware QL-m for the clearing time.
 */
import { blockingAhead } from './callbacks-ahead'
import { describeAhead, describeDelta, describeDuration, describeRate } from './describe'
import { DEFAULT_POLICY_SETTINGS } from './policy'
import { scheduleAwareClearing, scheduleAwareQlmSeconds, type Clearing } from './schedule-qlm'
import { estimateServiceRate } from './service-rate'
import type { QueueState } from './types'
import { virtualPosition } from './virtual-position'

/** A callback as the board knows it (placeholder attributes + state); the queue's own entry for it is skipped. */
export interface ProjectableCallback {
  readonly id: string
  readonly requestedAtMs: number
  /** When the caller first entered the target queue (their virtual place); default: the request. */
  readonly queuedAtMs?: number
  /** `cc.promisedWaitSeconds`: the wait told to the caller. */
  readonly promisedWaitSeconds: number
  readonly state: 'waiting' | 'dispatched'
  /** When the contact was appended to the campaign (state `dispatched`). */
  readonly dispatchedAtMs?: number
  /** A dial time staff set with a reschedule. */
  readonly pinnedDispatchAtMs?: number
}

/** Late / early / on time relative to the promise, with the tolerance the console flags at. */
export type ProjectionFlag = 'late' | 'early' | 'on-time'

/** The projection for one callback; `projectedAt` is null when nobody serves the queue (no basis). */
export interface Projection {
  readonly projectedAt: number | null
  readonly deltaVsPromiseSeconds: number | null
  readonly flag: ProjectionFlag
  readonly explanation: string
}

/** Console settings: connect overhead Ô and the flag threshold (two minutes by the issue). */
export interface ProjectionOptions {
  readonly overheadSeconds?: number
  readonly flagThresholdSeconds?: number
}

/** Projected time to agent for one waiting or dispatched callback, at `nowMs` (epoch ms). */
export function projectTimeToAgent(
  callback: ProjectableCallback,
  queueState: QueueState,
  nowMs: number,
  options: ProjectionOptions = {}
): Projection {
  const overhead = options.overheadSeconds ?? DEFAULT_POLICY_SETTINGS.overheadSeconds
  const position = virtualPosition(callback, queueState, { nowMs, overheadSeconds: overhead })
  const observation = { ...queueState.observation, atMs: nowMs }
  // callbacks ahead count only if they are back before this caller's turn (see callbacks-ahead.ts)
  const k = blockingAhead(
    position.callsAhead,
    position.callbacksBackAtMs ?? [],
    nowMs,
    (n) => scheduleAwareQlmSeconds(n, observation) ?? Infinity
  )
  const rate = estimateServiceRate(observation)
  const clearing = (observation.idleAgents ?? 0) > k ? { clearSeconds: 0, waitSeconds: 0 } : scheduleAwareClearing(k, observation)
  return projectFromClearing(
    callback,
    { callsAhead: position.callsAhead, ahead: k },
    clearing,
    rate?.ratePerSecond,
    nowMs,
    options
  )
}

/** Who is ahead of a callback for the projection: calls on hold, and everyone (calls + callbacks) counted. */
export interface ProjectionAhead {
  readonly callsAhead: number
  readonly ahead: number
}

/**
 * The projection once the callers ahead and their clearing time are known (shared by `projectTimeToAgent` and the
 * board's O(n) projection, which counts who is ahead from queue totals). `clearing` / `ratePerSecond` undefined =
 * nobody serves the queue.
 */
export function projectFromClearing(
  callback: ProjectableCallback,
  ahead: ProjectionAhead,
  clearing: Clearing | undefined,
  ratePerSecond: number | undefined,
  nowMs: number,
  options: ProjectionOptions = {}
): Projection {
  const overhead = options.overheadSeconds ?? DEFAULT_POLICY_SETTINGS.overheadSeconds
  const threshold = options.flagThresholdSeconds ?? 120
  const promisedAtMs = callback.requestedAtMs + callback.promisedWaitSeconds * 1000
  const who = describeAhead(ahead.callsAhead, ahead.ahead - ahead.callsAhead)
  if (clearing === undefined || ratePerSecond === undefined) {
    const overdue = (nowMs - promisedAtMs) / 1000
    return {
      projectedAt: null,
      deltaVsPromiseSeconds: null,
      flag: overdue > threshold ? 'late' : 'on-time',
      explanation: `No agents are on the queue, so nobody moves (${who}); no projection until agents return.`
    }
  }
  const residual = clearing.waitSeconds - clearing.clearSeconds
  const clearAtMs = nowMs + clearing.clearSeconds * 1000
  let arrivalMs: number
  let lead: string
  if (callback.state === 'dispatched') {
    arrivalMs = Math.max((callback.dispatchedAtMs ?? nowMs) + overhead * 1000, nowMs)
    lead = `Dialled ${describeDuration((nowMs - (callback.dispatchedAtMs ?? nowMs)) / 1000)} ago`
  } else if (callback.pinnedDispatchAtMs !== undefined) {
    const dialMs = Math.max(callback.pinnedDispatchAtMs, nowMs)
    arrivalMs = dialMs + overhead * 1000
    lead = `Staff set the dial for ${describeDuration((dialMs - nowMs) / 1000)} from now`
  } else {
    const dialInSeconds = Math.max(0, clearing.clearSeconds - overhead)
    arrivalMs = nowMs + (dialInSeconds + overhead) * 1000
    lead = dialInSeconds < 1 ? 'Dial now' : `Dial in ~${describeDuration(dialInSeconds)}`
  }
  const projectedAt = Math.max(arrivalMs, clearAtMs) + residual * 1000
  const delta = (projectedAt - promisedAtMs) / 1000
  const flag: ProjectionFlag = delta > threshold ? 'late' : delta < -threshold ? 'early' : 'on-time'
  const pace =
    ahead.ahead === 0 ? '' : `, clearing in ~${describeDuration(clearing.clearSeconds)} at ${describeRate(ratePerSecond)}`
  const explanation = `${lead}: ${who}${pace}; agent in ~${describeDuration((projectedAt - nowMs) / 1000)}, ${describeDelta(delta)}.`
  return { projectedAt, deltaVsPromiseSeconds: delta, flag, explanation }
}
