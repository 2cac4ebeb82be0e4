/**
 * Ordering of facts about one callback. Notification frames carry no timestamp of their own and may arrive
 * late, twice or out of order, so each snapshot gets a key from its content: the newest time it mentions, then
 * how far it has progressed (ended beats live, terminal beats dispatched beats waiting). A snapshot with a
 * smaller key than the one the board holds is older and never overwrites it; equal keys are resolved by
 * arrival (last wins), and identical content is a duplicate.
 *
 * This relies on the lifecycle writers (core/lifecycle.ts) ending every change with an attribute write that
 * carries a fresh `cc.actedAt`, or with the disconnect (which sets `endTime`).
 */
import { isTerminalState, type LifecycleState } from '../lifecycle-model'

/** Comparable position of a snapshot in one callback's history. */
export interface OrderKey {
  readonly timeMs: number
  readonly rank: number
}

/** Key of a snapshot with the given newest time, placeholder status and derived state. */
export function orderKey(timeMs: number, ended: boolean, state: LifecycleState): OrderKey {
  const stateRank = isTerminalState(state) ? 2 : state === 'dispatched' ? 1 : 0
  return { timeMs, rank: (ended ? 10 : 0) + stateRank }
}

/** Negative when `a` is older than `b`, zero when they cannot be told apart, positive when newer. */
export function compareKeys(a: OrderKey, b: OrderKey): number {
  return a.timeMs !== b.timeMs ? a.timeMs - b.timeMs : a.rank - b.rank
}

/** The newer of two keys. */
export function maxKey(a: OrderKey, b: OrderKey): OrderKey {
  return compareKeys(a, b) >= 0 ? a : b
}
