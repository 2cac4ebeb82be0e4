/**
 * Which earlier callbacks really stand between a caller and an agent. A callback ahead in the FCFS order only takes
 * an agent first if it is back in the target queue before this caller's turn: one not dialled yet comes back an
 * overhead Ô after its own dial at the earliest, one parked for a retry or a staff-set time comes back after that
 * time. Counting them all made every later callback dial late on the demo org's model.
 * Fixed point: D = calls ahead; add callbacks, earliest return first, while each is back before the turn W(D).
 */
import type { PendingCallback } from './types'

/** Expected time a pending callback is back in the target queue (epoch ms), given the connect overhead Ô. */
export function expectedBackAtMs(callback: PendingCallback, nowMs: number, overheadSeconds: number): number {
  const overheadMs = overheadSeconds * 1000
  if (callback.state === 'dispatched') {
    // being dialled: back an overhead after the dial; halfway through when the dial time is unknown
    return callback.dispatchedAtMs === undefined ? nowMs + overheadMs / 2 : Math.max(nowMs, callback.dispatchedAtMs + overheadMs)
  }
  if (callback.parked === true) return Math.max(nowMs, callback.dueAtMs ?? nowMs) + overheadMs
  // waiting for its own place, which is ahead of ours: dialled now at the earliest
  return nowMs + overheadMs
}

/**
 * Callers ahead who will take an agent before this one: the calls on hold plus every callback that is back before
 * this caller's turn, where the turn after D departures comes `waitSeconds(D)` from now.
 */
export function blockingAhead(
  callsAhead: number,
  callbacksBackAtMs: readonly number[],
  nowMs: number,
  waitSeconds: (ahead: number) => number
): number {
  let ahead = callsAhead
  for (const backAt of [...callbacksBackAtMs].sort((a, b) => a - b)) {
    if (backAt >= nowMs + waitSeconds(ahead) * 1000) break
    ahead++
  }
  return ahead
}
