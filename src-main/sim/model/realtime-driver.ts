/**
 * Drives a model against a clock: one timer armed at the next event's time; when it fires, the model catches up
 * to the clock. With a wall clock × speed this is the demo org's live traffic; with a virtual clock it follows the
 * org's virtual time. sim-core's `SimClock` (RealTimeClock / VirtualClock) satisfies `DriverClock` as is.
 */
import { type Disposable } from '../../core/disposable'
import { type ContactCenterModel } from './model'

/** A clock in epoch ms with one-shot timers. */
export interface DriverClock {
  now(): number
  scheduleAt(atMs: number, fn: () => void): { cancel(): void }
}

/** Advances `model` as `clock` moves; model t = 0 is `model.config.originMs` on the clock. */
export class RealTimeDriver implements Disposable {
  private timer: { cancel(): void } | undefined
  /** Model time of the event the timer was armed for: when it fires, that event is due even if epoch-ms rounding says a hair earlier. */
  private armedFor = 0
  private running = false

  constructor(
    private readonly model: ContactCenterModel,
    private readonly clock: DriverClock
  ) {}

  /** Model time that corresponds to the clock's now. */
  modelTime(): number {
    return (this.clock.now() - this.model.config.originMs) / 1000
  }

  /** Catches up and keeps following the clock. */
  start(): void {
    if (this.running) return
    this.running = true
    this.sync()
    this.arm()
  }

  /** Brings the model up to the clock's now (call before reading the model or sending it a command). */
  sync(): void {
    this.model.runUntil(this.modelTime())
  }

  /**
   * Runs `action` on the model at the clock's now (sync first), then re-arms the timer, since a command can add
   * an earlier event (e.g. "call now" schedules a dial). Use for every console action the demo org forwards.
   */
  apply<T>(action: (model: ContactCenterModel) => T): T {
    this.sync()
    const result = action(this.model)
    if (this.running) this.arm()
    return result
  }

  /** Stops following the clock (the model keeps its state). */
  stop(): void {
    this.running = false
    this.timer?.cancel()
    this.timer = undefined
  }

  dispose(): void {
    this.stop()
  }

  private arm(): void {
    this.timer?.cancel()
    this.timer = undefined
    const next = this.model.nextEventTime()
    if (next === undefined) return
    this.armedFor = next
    this.timer = this.clock.scheduleAt(this.model.config.originMs + next * 1000, this.tick)
  }

  private readonly tick = (): void => {
    this.timer = undefined
    if (!this.running) return
    this.model.runUntil(Math.max(this.modelTime(), this.armedFor))
    this.arm()
  }
}

/** Options of `wallClock`; injectable for tests. */
export interface WallClockOptions {
  readonly speed?: number
  /** Clock reading at start (default: the real time at start). */
  readonly startMs?: number
  readonly realNow?: () => number
  readonly setTimer?: (fn: () => void, ms: number) => unknown
  readonly clearTimer?: (handle: unknown) => void
}

/** A minimal wall clock × speed for running the model standalone (sim-core's RealTimeClock does the same). */
export function wallClock(options: WallClockOptions = {}): DriverClock {
  const speed = options.speed ?? 1
  if (!(speed > 0)) throw new Error(`[SimModel] speed must be > 0, got ${speed}`)
  const realNow = options.realNow ?? Date.now
  const setTimer = options.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms))
  const clearTimer = options.clearTimer ?? ((h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>))
  const realStart = realNow()
  const start = options.startMs ?? realStart
  const now = (): number => start + (realNow() - realStart) * speed
  return {
    now,
    scheduleAt(atMs, fn) {
      const handle = setTimer(fn, Math.min(2_000_000_000, Math.max(0, (atMs - now()) / speed)))
      return { cancel: () => clearTimer(handle) }
    }
  }
}
