/**
 * The contract every callback timing policy meets, shaped like the deployed flows: the in-queue flow decides the
 * promise when the caller presses 1 (`onRequest`); the workflow then sleeps, wakes, re-reads the queue and either
 * dispatches (appends the contact to the campaign) or sleeps again (`onWake`). The simulator drives policies through
 * exactly these two calls, so what the benchmark scores is what the flows can do.
 */
import type { QueueObservation, VirtualPosition } from './types'

/** The offer moment, as the in-queue flow sees it. */
export interface RequestContext {
  readonly nowMs: number
  /** `Call.PositionInQueue − 1` calls ahead, and the callbacks waiting in the holding queue. */
  readonly position: VirtualPosition
  readonly observation: QueueObservation
  /** When the caller entered the target queue (in-queue flow `Flow.StartDateTimeUtc`); default: now. */
  readonly queuedAtMs?: number
}

/** What the flows do after the caller accepts. */
export interface RequestDecision {
  /** Promised wait told to the caller (stored as `cc.promisedWaitSeconds`); undefined = no basis for a number. */
  readonly promisedWaitSeconds: number | undefined
  /** When the workflow first wakes (the first Wait slice ends). */
  readonly firstWakeAtMs: number
  /** Current best dial time, written to `callbackScheduledTime` so consoles show it. */
  readonly plannedDispatchAtMs: number
  /** ACD priority of the transfer back if dialled as planned (the dispatch decision may update it). */
  readonly transferPriority: number
}

/** A waiting callback as the workflow knows it when it wakes (from its own variables and the placeholder). */
export interface TimedCallback {
  readonly id: string
  readonly requestedAtMs: number
  /** When the caller entered the target queue (their virtual place); default: the request. */
  readonly queuedAtMs?: number
  readonly promisedWaitSeconds?: number
  /** The plan set at request time (static policies dial exactly then). */
  readonly plannedDispatchAtMs: number
  /** A dial time set by staff (console reschedule); every policy honours it. */
  readonly pinnedDispatchAtMs?: number
}

/** A wake-up: the workflow re-read the queue state. */
export interface WakeContext {
  readonly nowMs: number
  readonly callback: TimedCallback
  readonly position: VirtualPosition
  readonly observation: QueueObservation
}

/** Dial now (with this ACD priority on the transfer), or sleep until `wakeAtMs`. */
export type WakeDecision =
  | { readonly kind: 'dispatch'; readonly transferPriority: number; readonly reason: string }
  | { readonly kind: 'wait'; readonly wakeAtMs: number; readonly plannedDispatchAtMs: number; readonly reason: string }

/** A callback timing policy (blueprint, static predictors, or our virtual-place policy). */
export interface TimingPolicy {
  readonly id: string
  readonly label: string
  onRequest(context: RequestContext): RequestDecision
  onWake(context: WakeContext): WakeDecision
}

/** Seconds of connect overhead and slice settings shared by the policies; see DEFAULT_POLICY_SETTINGS. */
export interface PolicySettings {
  /** Ô: expected dial + ring + "still want an agent?" + transfer, seconds, beyond what an on-hold caller has. */
  readonly overheadSeconds: number
  /** Shortest Wait slice the workflow takes (bounds data-action calls per callback). */
  readonly minSliceSeconds: number
  /** Longest Wait slice: an earlier reschedule or a sudden change is seen within this time. */
  readonly maxSliceSeconds: number
  /** Sleep this fraction of the time left to the planned dial, so checks get denser near the end. */
  readonly sliceFraction: number
  /** Dial when the ideal dial time is at most this far away. */
  readonly dispatchToleranceSeconds: number
}

/**
 * Defaults. Ô = 32 s, calibrated together with the virtual-place policy's callbacks-ahead weight (0.75) on the
 * benchmark's training family (test/bench/timing-scenarios.ts, seeds 9001+, never the test days). The expected
 * connect overhead is 23 s (dialer U(1,5) s + ring ~12 s + "still want an agent?" ~8 s, ewt.md §7.3), but dialling
 * when "everyone ahead clears in 23 s" made callbacks +15…+28 s late: a callback that comes back after its turn loses
 * that slot to the next caller on hold, and in the counterfactual that caller is this one. Dialling a few seconds
 * earlier pays for that asymmetry (README.md, "Calibrating Ô"). Agent alerting is in both the callback's time and
 * the counterfactual. Measure O from your own logs and re-run the calibration before changing it. Slices of 5–60 s.
 */
export const DEFAULT_POLICY_SETTINGS: PolicySettings = {
  overheadSeconds: 32,
  minSliceSeconds: 5,
  maxSliceSeconds: 60,
  sliceFraction: 0.5,
  dispatchToleranceSeconds: 2
}

/** Shared rule for every policy: a staff-pinned dial time wins; sleep toward it in slices no longer than the max. */
export function honourPin(context: WakeContext, settings: PolicySettings, transferPriority: number): WakeDecision | undefined {
  const pin = context.callback.pinnedDispatchAtMs
  if (pin === undefined) return undefined
  const left = (pin - context.nowMs) / 1000
  if (left <= settings.dispatchToleranceSeconds) return { kind: 'dispatch', transferPriority, reason: 'staff-set time reached' }
  const sleep = Math.min(left, settings.maxSliceSeconds)
  return {
    kind: 'wait',
    wakeAtMs: context.nowMs + sleep * 1000,
    plannedDispatchAtMs: pin,
    reason: 'waiting for the staff-set time'
  }
}
