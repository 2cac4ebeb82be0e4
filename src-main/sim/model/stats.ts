/**
 * Running statistics of a queue that policies read as "observations": recent AHT, answers in the window,
 * abandonment rate, arrival rate, last waits. Updated only on real state changes so forks stay identical.
 */
import { decayStats } from './target-queue'
import { type QueueState, type QueueStats } from './state'

const LES_KEPT = 10

/** An arrival reached the queue. */
export function recordArrival(qs: QueueState, now: number, tau: number): void {
  decayStats(qs.stats, now, qs.waitingCount, tau)
  qs.stats.arrivals += 1
}

/** A caller abandoned (call after the caller left the line). */
export function recordAbandon(qs: QueueState, now: number, tau: number): void {
  decayStats(qs.stats, now, qs.waitingCount, tau)
  qs.stats.abandons += 1
  qs.stats.totalAbandoned++
}

/** An agent started serving a caller who waited `waited` seconds in this stay. */
export function recordServiceStart(qs: QueueState, now: number, waited: number, window: number): void {
  const st = qs.stats
  answeredInWindow(st, now, window)
  if (st.startsLen === st.starts.length) {
    const bigger = new Float64Array(st.starts.length * 2)
    for (let i = 0; i < st.startsLen; i++) bigger[i] = st.starts[(st.startsHead + i) % st.starts.length]!
    st.starts = bigger
    st.startsHead = 0
  }
  st.starts[(st.startsHead + st.startsLen) % st.starts.length] = now
  st.startsLen++
  st.les.push(waited)
  if (st.les.length > LES_KEPT) st.les.shift()
  st.totalAnswered++
}

/** A conversation ended after `handle` seconds of talk. */
export function recordCompletion(qs: QueueState, now: number, handle: number, tau: number): void {
  decayStats(qs.stats, now, qs.waitingCount, tau)
  qs.stats.handleSum += handle
  qs.stats.handleCount += 1
  qs.stats.totalHandle += handle
  qs.stats.totalCompleted++
}

/** Service starts in (now − window, now]; drops older entries from the ring buffer. */
export function answeredInWindow(st: QueueStats, now: number, window: number): number {
  while (st.startsLen > 0 && st.starts[st.startsHead]! <= now - window) {
    st.startsHead = (st.startsHead + 1) % st.starts.length
    st.startsLen--
  }
  return st.startsLen
}
