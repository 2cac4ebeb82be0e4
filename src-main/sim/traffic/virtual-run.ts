/**
 * Runs a virtual-clock org forward event by event. The flows' emulation is partly `async` (the outbound flow
 * awaits its prompt on the org clock), so after every timer the promise continuations it released must run before
 * the clock moves on — a plain `advanceTo` would run them all at the end, at the wrong org time. Also yields to the
 * event loop now and then, so a server sharing the process stays responsive while a history day is generated.
 */
import type { VirtualClock } from '../org/clock'

/** Lets queued promise continuations (and the ones they queue) run. */
export async function flushMicrotasks(rounds = 4): Promise<void> {
  for (let i = 0; i < rounds; i++) await Promise.resolve()
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

/** Options of `runVirtual`. */
export interface VirtualRunOptions {
  /** Checked between events; true stops the run early (returns false). */
  readonly shouldStop?: () => boolean
  /** Wall-clock ms of work between two yields to the event loop (default 15). */
  readonly sliceMs?: number
}

/** Fires every timer up to `untilMs` in order, flushing continuations after each; false when stopped early. */
export async function runVirtual(clock: VirtualClock, untilMs: number, options: VirtualRunOptions = {}): Promise<boolean> {
  const slice = options.sliceMs ?? 15
  let sliceStart = Date.now()
  for (;;) {
    if (options.shouldStop?.()) return false
    const next = clock.nextAt()
    if (next === undefined || next > untilMs) break
    clock.runNext()
    await flushMicrotasks()
    if (Date.now() - sliceStart >= slice) {
      await yieldToEventLoop()
      sliceStart = Date.now()
    }
  }
  clock.advanceTo(untilMs)
  return true
}
