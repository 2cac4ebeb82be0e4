/**
 * A callback's virtual place in the FCFS order: who would still be served before this caller had they stayed on
 * hold. Our deployed flows count the same thing from queue observations (README.md, "calls ahead").
 */
import { expectedBackAtMs } from './callbacks-ahead'
import type { QueueState, VirtualPosition } from './types'

/** The callback fields the position needs. */
export interface PlacedCallback {
  readonly id: string
  readonly requestedAtMs: number
  /** When the caller first entered the target queue; the place is kept from there (default: the request). */
  readonly queuedAtMs?: number
}

/** The instant a callback's virtual place is anchored at: queue entry when known, else the request. */
export function placeSinceMs(callback: PlacedCallback): number {
  return callback.queuedAtMs ?? callback.requestedAtMs
}

/**
 * Calls ahead = calls on hold that entered the target queue before this caller did, plus any waiting above the base
 * priority (callbacks that already rejoined at their own virtual place). Callbacks ahead = callbacks not yet
 * connected whose callers entered the queue earlier (ties broken by id so two never both count each other),
 * except parked ones: a callback waiting out a retry quarantine or a staff-set time is not back before this
 * caller's turn, and counting it made every later callback dial too late (measured on the demo org's model).
 */
export function virtualPosition(
  callback: PlacedCallback,
  state: QueueState,
  returns?: { readonly nowMs: number; readonly overheadSeconds: number }
): VirtualPosition {
  const base = state.basePriority ?? 0
  const since = placeSinceMs(callback)
  const callsAhead = state.waitingCalls.filter((call) => call.priority > base || call.enteredAtMs < since).length
  const earlier = state.pendingCallbacks.filter((other) => {
    const otherSince = placeSinceMs(other)
    if (other.id === callback.id) return false
    return otherSince < since || (otherSince === since && other.id < callback.id)
  })
  const callbacksAhead = earlier.filter((other) => other.parked !== true).length
  if (returns === undefined) return { callsAhead, callbacksAhead }
  const callbacksBackAtMs = earlier.map((other) => expectedBackAtMs(other, returns.nowMs, returns.overheadSeconds))
  return { callsAhead, callbacksAhead, callbacksBackAtMs }
}

/**
 * ACD priority that puts a returning callback at its virtual place: with TimestampAndPriority scoring one point
 * counts as one minute in queue (genesys-api.md §3.6), so whole minutes from the caller's place (queue entry) to the
 * transfer, rounded up — the caller never queues behind anyone who joined after them; arriving early, they may pass
 * callers who joined in the minute before them.
 */
export function virtualPlacePriority(placeSince: number, transferAtMs: number): number {
  return Math.max(0, Math.ceil((transferAtMs - placeSince) / 60_000))
}
