/**
 * The target queue's waiting line: ACD order (higher priority first, then first in), removal from anywhere
 * (abandon, callback accepted) by lazy deletion, and O(log n) "how many are ahead" counts for places in line.
 */
import { fenwickAdd, prefix } from './fenwick'
import { type Caller, type QueueState, type QueueStats, type WaitEntry } from './state'

function before(a: WaitEntry, b: WaitEntry): boolean {
  return a.p > b.p || (a.p === b.p && a.o < b.o)
}

function push(h: WaitEntry[], e: WaitEntry): void {
  h.push(e)
  let i = h.length - 1
  while (i > 0) {
    const p = (i - 1) >> 1
    if (!before(e, h[p]!)) break
    h[i] = h[p]!
    i = p
  }
  h[i] = e
}

function pop(h: WaitEntry[]): void {
  const last = h.pop()!
  const n = h.length
  if (n === 0) return
  let i = 0
  for (;;) {
    const l = 2 * i + 1
    if (l >= n) break
    const r = l + 1
    const c = r < n && before(h[r]!, h[l]!) ? r : l
    if (!before(h[c]!, last)) break
    h[i] = h[c]!
    i = c
  }
  h[i] = last
}

/** Brings the exponentially weighted stats to `now` (the queue length is about to change or be read). */
export function decayStats(st: QueueStats, now: number, queueLength: number, tau: number): void {
  const dt = now - st.decayAt
  if (dt <= 0) return
  const f = Math.exp(-dt / tau)
  st.area = st.area * f + queueLength * tau * (1 - f)
  st.abandons *= f
  st.arrivals *= f
  st.handleSum *= f
  st.handleCount *= f
  st.decayAt = now
}

/** Puts a caller at the back of its priority class. */
export function enqueue(qs: QueueState, c: Caller, now: number, priority: number, tau: number): void {
  decayStats(qs.stats, now, qs.waitingCount, tau)
  c.phase = 'queued'
  c.enqueuedAt = now
  c.priority = priority
  c.order = ++qs.nextOrder
  push(qs.waiting, { p: priority, o: c.order, id: c.id, tok: c.tok })
  qs.waitingCount++
  if (priority > 0) qs.priorityWaiting++
  else fenwickAdd(qs.hold, c.order, 1)
}

/** Takes a queued caller out of the line (its heap entry goes stale; its offer / abandon events too). */
export function leaveQueue(qs: QueueState, c: Caller, now: number, tau: number): void {
  decayStats(qs.stats, now, qs.waitingCount, tau)
  c.tok++
  qs.waitingCount--
  if (c.priority > 0) qs.priorityWaiting--
  else fenwickAdd(qs.hold, c.order, -1)
}

/** The caller at the head of the line, or undefined (drops stale entries on the way). */
export function headOfLine(qs: QueueState, callers: Map<number, Caller>): Caller | undefined {
  const h = qs.waiting
  while (h.length > 0) {
    const e = h[0]!
    const c = callers.get(e.id)
    if (c && c.phase === 'queued' && c.tok === e.tok) return c
    pop(h)
  }
  return undefined
}

/** Callers who would be served before a priority-0 caller whose place (entry order) is `place`. */
export function callsAheadOf(qs: QueueState, place: number): number {
  return qs.priorityWaiting + prefix(qs.hold, place - 1)
}

/** Callbacks not yet back in the queue whose virtual place is before `place`. */
export function callbacksAheadOf(qs: QueueState, place: number): number {
  return prefix(qs.pending, place - 1)
}
