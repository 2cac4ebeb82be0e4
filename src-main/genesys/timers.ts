/**
 * Timers the I/O services are given instead of reaching for the globals, so tests can drive watchdogs, token
 * expiry and backoff by hand (`ManualTimers`) while the app uses the real ones.
 */

/** An opaque handle returned by `Timers.setTimeout`. */
export type TimerHandle = { readonly __timer: true }

/** The two timer calls the services need. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): TimerHandle
  clearTimeout(handle: TimerHandle | undefined): void
}

/** The process timers. */
export const realTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, Math.max(0, ms)) as unknown as TimerHandle,
  clearTimeout: (handle) => {
    if (handle) clearTimeout(handle as unknown as ReturnType<typeof setTimeout>)
  }
}

/** Waits `ms`, or rejects with an AbortError as soon as `signal` aborts. */
export function sleep(timers: Timers, ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError())
    const onAbort = (): void => {
      timers.clearTimeout(handle)
      reject(abortError())
    }
    const handle = timers.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/** The error `sleep` rejects with when cancelled. */
export function abortError(): Error {
  const e = new Error('The operation was aborted')
  e.name = 'AbortError'
  return e
}

interface Pending {
  readonly id: number
  readonly at: number
  readonly fn: () => void
}

/** Timers on a hand-moved clock: `advance(ms)` runs everything that falls due, in order. */
export class ManualTimers implements Timers {
  private pending: Pending[] = []
  private nextId = 1
  private current: number

  constructor(startMs = 0) {
    this.current = startMs
  }

  /** The manual clock, to pass as a service's `clock`. */
  readonly now = (): number => this.current

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const id = this.nextId++
    this.pending.push({ id, at: this.current + Math.max(0, ms), fn })
    return { __timer: true, id } as unknown as TimerHandle
  }

  clearTimeout(handle: TimerHandle | undefined): void {
    const id = (handle as unknown as { id?: number } | undefined)?.id
    this.pending = this.pending.filter((p) => p.id !== id)
  }

  /** Moves the clock forward, firing due timers (including ones they schedule) in time order. */
  advance(ms: number): void {
    const target = this.current + ms
    for (;;) {
      const due = this.pending.filter((p) => p.at <= target).sort((a, b) => a.at - b.at || a.id - b.id)[0]
      if (!due) break
      this.pending = this.pending.filter((p) => p !== due)
      this.current = Math.max(this.current, due.at)
      due.fn()
    }
    this.current = target
  }

  get pendingCount(): number {
    return this.pending.length
  }
}
