/**
 * The policy we deploy: the caller keeps a virtual place in the FCFS order; each time the workflow wakes it
 * re-reads who is ahead and how fast places clear, and dials once the time for everyone ahead to leave
 * (Σ_{i=1}^{k} 1/(r + iθ)) has shrunk to the connect overhead Ô (ewt.md §4: dial when k ≤ k* ≈ r·Ô). The caller
 * rejoins at the virtual place (priority = minutes since queue entry), so arriving a little early or late costs only
 * that difference. With counts of who is ahead (the default) every step is arithmetic on values a workflow can read
 * through data actions (README.md); `callbacksBackAtMs`, when given, refines the count (callbacks-ahead.ts).
 */
import { blockingAhead } from './callbacks-ahead'
import { clearAheadSeconds, qlmArithmeticSeconds, qlmSeconds } from './ql'
import { honourPin, DEFAULT_POLICY_SETTINGS, type PolicySettings, type TimingPolicy, type WakeDecision } from './policy'
import { predictWait, type PredictorId } from './predictors'
import { estimateServiceRate } from './service-rate'
import type { BlendCoefficients } from './blended'
import { aheadCount, type QueueObservation, type VirtualPosition } from './types'
import { placeSinceMs, virtualPlacePriority } from './virtual-position'

/** Tuning of the virtual-place policy. */
export interface VirtualPlaceSettings extends PolicySettings {
  /** Predictor for the promise told at request time. */
  readonly promisePredictor: PredictorId
  /** 'arithmetic' = exactly what the Architect workflow computes; 'exact' = the QL-m sum (a loop). */
  readonly clearing: 'arithmetic' | 'exact'
  /**
   * Share of the earlier callbacks (not parked, not yet back) counted as ahead: a callback ahead holds up this place
   * only if it is back in the target queue when its turn comes; one still being dialled then loses that turn to the
   * next caller on hold — in the counterfactual, this caller. Calibrated with Ô (README.md); 1 = count them all.
   * Ignored when the exact return times are given (`callbacksBackAtMs`).
   */
  readonly callbacksAheadWeight: number
  readonly blend?: BlendCoefficients
}

/** Defaults for the deployed policy. */
export const DEFAULT_VIRTUAL_PLACE_SETTINGS: VirtualPlaceSettings = {
  ...DEFAULT_POLICY_SETTINGS,
  promisePredictor: 'schedule-qlm',
  clearing: 'arithmetic',
  callbacksAheadWeight: 0.75
}

/** The position with only the expected share of earlier callbacks counted (Architect: `Round(w × callbacks)`). */
export function effectivePosition(position: VirtualPosition, callbacksAheadWeight: number): VirtualPosition {
  if (position.callbacksBackAtMs !== undefined || callbacksAheadWeight === 1) return position
  return { ...position, callbacksAhead: Math.round(position.callbacksAhead * Math.max(0, callbacksAheadWeight)) }
}

/**
 * The weight for this queue's pace: `weight` in full once enough places clear during the dial overhead (r·Ô, ewt.md
 * §4's k*; 3.25 places for the shipped 0.75), falling linearly to 0 when at most one does. In a small or slow team a slot opens every 30–60 s, longer than
 * the dial, so a callback ahead that is still being dialled when its slot opens hands it to the next caller on
 * hold — in the counterfactual, this caller (found on the training family's 12-agent team, MAE 51 s → 30 s).
 * Architect: `Min(w, Max(0, (r × Ô − 1) / 3))`.
 */
export function callbacksAheadWeightFor(weight: number, ratePerSecond: number, overheadSeconds: number): number {
  return Math.min(weight, Math.max(0, (ratePerSecond * overheadSeconds - 1) / 3))
}

/** The position this policy counts at the queue's current pace (undefined rate: nobody serves, weight as set). */
function countedPosition(
  position: VirtualPosition,
  observation: QueueObservation,
  settings: VirtualPlaceSettings
): VirtualPosition {
  const rate = estimateServiceRate(observation)?.ratePerSecond
  const w =
    rate === undefined
      ? settings.callbacksAheadWeight
      : callbacksAheadWeightFor(settings.callbacksAheadWeight, rate, settings.overheadSeconds)
  return effectivePosition(position, w)
}

/** Seconds until everyone ahead has left, and who that is; 0 if an idle agent is free; undefined when nobody serves. */
export function clearingSeconds(
  position: VirtualPosition,
  observation: QueueObservation,
  clearing: VirtualPlaceSettings['clearing']
): { seconds: number; ratePerSecond: number; ahead: number } | undefined {
  const rate = estimateServiceRate(observation)
  if (rate === undefined) return undefined
  const r = rate.ratePerSecond
  const theta = observation.abandonRatePerSecond ?? 0
  const wait = (n: number): number => (clearing === 'exact' ? qlmSeconds(n, r, theta) : qlmArithmeticSeconds(n, r, theta))
  const k =
    position.callbacksBackAtMs === undefined
      ? aheadCount(position)
      : blockingAhead(position.callsAhead, position.callbacksBackAtMs, observation.atMs, wait)
  if ((observation.idleAgents ?? 0) > k) return { seconds: 0, ratePerSecond: r, ahead: k }
  const seconds = clearing === 'exact' ? clearAheadSeconds(k, r, theta) : wait(k) - 1 / r
  return { seconds: Math.max(0, seconds), ratePerSecond: r, ahead: k }
}

/** One slice decision: dial now, or sleep a fraction of the time left to the ideal dial (ewt.md §4). */
export function decideSlice(
  nowMs: number,
  placeSince: number,
  position: VirtualPosition,
  observation: QueueObservation,
  settings: VirtualPlaceSettings
): WakeDecision {
  const clear = clearingSeconds(countedPosition(position, observation, settings), observation, settings.clearing)
  if (clear === undefined) {
    const wakeAtMs = nowMs + settings.maxSliceSeconds * 1000
    return { kind: 'wait', wakeAtMs, plannedDispatchAtMs: wakeAtMs, reason: 'no agents on queue: the place is not moving' }
  }
  const untilDial = clear.seconds - settings.overheadSeconds
  if (untilDial <= settings.dispatchToleranceSeconds) {
    // priority for when the caller is expected to be transferred (the outbound flow may recompute it then)
    const transferPriority = virtualPlacePriority(placeSince, nowMs + settings.overheadSeconds * 1000)
    return { kind: 'dispatch', transferPriority, reason: `${clear.ahead} ahead clear within the dial overhead` }
  }
  const sleep = Math.min(
    untilDial,
    Math.max(settings.minSliceSeconds, Math.min(settings.maxSliceSeconds, untilDial * settings.sliceFraction))
  )
  return {
    kind: 'wait',
    wakeAtMs: nowMs + sleep * 1000,
    plannedDispatchAtMs: nowMs + untilDial * 1000,
    reason: `${clear.ahead} ahead, about ${Math.round(clear.seconds)} s to clear`
  }
}

/** Builds the deployed virtual-place policy (`--flows ours`). */
export function virtualPlacePolicy(overrides: Partial<VirtualPlaceSettings> = {}): TimingPolicy {
  const settings: VirtualPlaceSettings = { ...DEFAULT_VIRTUAL_PLACE_SETTINGS, ...overrides }
  return {
    id: 'virtual-place',
    label: 'Virtual place, re-evaluated each slice',
    onRequest({ nowMs, position, observation, queuedAtMs }) {
      const input = { position: countedPosition(position, observation, settings), observation, blend: settings.blend }
      // with nobody on queue the model cannot promise; the platform's EWT (longest wait) is the fallback
      const promisedWaitSeconds =
        predictWait(settings.promisePredictor, input) ?? predictWait('blueprint', { position, observation })
      const since = queuedAtMs ?? nowMs
      const first = decideSlice(nowMs, since, position, observation, settings)
      // due at once: the workflow wakes immediately and dispatches on that first wake
      const firstWakeAtMs = first.kind === 'wait' ? first.wakeAtMs : nowMs
      const plannedDispatchAtMs = first.kind === 'wait' ? first.plannedDispatchAtMs : nowMs
      const transferPriority = virtualPlacePriority(since, plannedDispatchAtMs + settings.overheadSeconds * 1000)
      return { promisedWaitSeconds, firstWakeAtMs, plannedDispatchAtMs, transferPriority }
    },
    onWake(context) {
      const since = placeSinceMs(context.callback)
      const arrivalMs = context.nowMs + settings.overheadSeconds * 1000
      const pinned = honourPin(context, settings, virtualPlacePriority(since, arrivalMs))
      if (pinned !== undefined) return pinned
      return decideSlice(context.nowMs, since, context.position, context.observation, settings)
    }
  }
}
