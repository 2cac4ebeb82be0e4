/**
 * The demo org's notion of time. Every domain reads `now()` and schedules work through a SimClock, so the
 * same code runs at wall-clock pace (optionally sped up) for demos and in pure virtual time for benchmarks.
 */
import { heapPop, heapPush } from '../model/event-heap'

/** A scheduled callback; `cancel()` is idempotent. */
export interface SimTimer {
  cancel(): void
}

/** Time source + timer scheduling shared by the whole demo org (all values are sim-epoch milliseconds). */
export interface SimClock {
  /** Current sim time, epoch ms. */
  now(): number
  /** `now()` as an ISO-8601 string (`yyyy-MM-ddTHH:mm:ss.SSSZ`), the Genesys wire format. */
  nowIso(): string
  /** Runs `fn` after `delayMs` of sim time (negative delays run as soon as possible). */
  schedule(delayMs: number, fn: () => void): SimTimer
  /** Runs `fn` at sim time `atMs` (or as soon as possible when that is in the past). */
  scheduleAt(atMs: number, fn: () => void): SimTimer
  /** Cancels every pending timer; the clock stays usable. Called when the demo org closes. */
  dispose(): void
}

/** Wall-clock pace times `speed`, starting at the real current time. For the server and demos. */
export class RealTimeClock implements SimClock {
  private readonly realStart: number
  private readonly simStart: number
  private readonly timers = new Set<ReturnType<typeof setTimeout>>()

  constructor(
    private readonly speed = 1,
    simStartMs: number = Date.now(),
    private readonly realNow: () => number = Date.now
  ) {
    if (!(speed > 0)) throw new Error(`[SimClock] speed must be > 0, got ${speed}`)
    this.realStart = realNow()
    this.simStart = simStartMs
  }

  now(): number {
    return this.simStart + Math.floor((this.realNow() - this.realStart) * this.speed)
  }

  nowIso(): string {
    return new Date(this.now()).toISOString()
  }

  schedule(delayMs: number, fn: () => void): SimTimer {
    const realDelay = Math.max(0, delayMs / this.speed)
    // setTimeout caps at 2^31-1 ms; re-arm for longer waits.
    const max = 2_147_000_000
    let handle: ReturnType<typeof setTimeout>
    const arm = (remaining: number): void => {
      handle = setTimeout(
        () => {
          this.timers.delete(handle)
          if (remaining > max) arm(remaining - max)
          else fn()
        },
        Math.min(remaining, max)
      )
      handle.unref?.()
      this.timers.add(handle)
    }
    arm(realDelay)
    return {
      cancel: () => {
        clearTimeout(handle)
        this.timers.delete(handle)
      }
    }
  }

  scheduleAt(atMs: number, fn: () => void): SimTimer {
    return this.schedule(atMs - this.now(), fn)
  }

  dispose(): void {
    for (const t of this.timers) clearTimeout(t)
    this.timers.clear()
  }
}

interface VirtualEntry {
  /** Sim ms the timer fires at. */
  t: number
  seq: number
  fn: () => void
  cancelled: boolean
}

/**
 * Discrete-event time: nothing moves until the owner calls `advanceTo`/`advanceBy`/`runNext`.
 * Timers fire in (time, insertion) order, so runs are deterministic. Used by the traffic model and benchmarks.
 */
export class VirtualClock implements SimClock {
  private current: number
  private seq = 0
  private readonly heap: VirtualEntry[] = []

  constructor(startMs = Date.UTC(2025, 0, 6, 8, 0, 0)) {
    this.current = startMs
  }

  now(): number {
    return this.current
  }

  nowIso(): string {
    return new Date(this.current).toISOString()
  }

  /** Sim time of the next live timer, or undefined when none is pending. */
  nextAt(): number | undefined {
    this.dropCancelledHead()
    return this.heap[0]?.t
  }

  schedule(delayMs: number, fn: () => void): SimTimer {
    return this.scheduleAt(this.current + Math.max(0, delayMs), fn)
  }

  scheduleAt(atMs: number, fn: () => void): SimTimer {
    const entry: VirtualEntry = { t: Math.max(atMs, this.current), seq: this.seq++, fn, cancelled: false }
    heapPush(this.heap, entry)
    return { cancel: () => void (entry.cancelled = true) }
  }

  /** Fires the next timer (moving time to it). Returns false when nothing is pending. */
  runNext(): boolean {
    this.dropCancelledHead()
    const entry = heapPop(this.heap)
    if (!entry) return false
    this.current = entry.t
    entry.fn()
    return true
  }

  /** Fires every timer due up to and including `atMs`, then sets time to `atMs`. */
  advanceTo(atMs: number): void {
    for (;;) {
      this.dropCancelledHead()
      const head = this.heap[0]
      if (!head || head.t > atMs) break
      this.runNext()
    }
    if (atMs > this.current) this.current = atMs
  }

  advanceBy(ms: number): void {
    this.advanceTo(this.current + ms)
  }

  dispose(): void {
    for (const e of this.heap) e.cancelled = true
    this.heap.length = 0
  }

  private dropCancelledHead(): void {
    while (this.heap.length > 0 && this.heap[0]!.cancelled) heapPop(this.heap)
  }
}
