/**
 * "Connected / declined / unreached / cancelled today": each callback counts once, in its latest terminal
 * state, if it finished since the start of the current day. Corrections (an inferred cancel later read as
 * connected) move the count; a new day starts from zero.
 */
import { isTerminalState, type LifecycleState, type TerminalState } from '../lifecycle-model'

/** Start of the day containing `nowMs`, epoch ms; injected so tests and time zones are explicit. */
export type StartOfDay = (nowMs: number) => number

/** Local midnight of the machine running main (the lead's day). */
export const localStartOfDay: StartOfDay = (nowMs) => {
  const d = new Date(nowMs)
  d.setHours(0, 0, 0, 0)
  return d.getTime()
}

/** UTC midnight: deterministic default for tests and servers. */
export const utcStartOfDay: StartOfDay = (nowMs) => nowMs - (((nowMs % 86_400_000) + 86_400_000) % 86_400_000)

/** Per-day terminal counters, O(1) per update. */
export class TodayCounts {
  private dayStartMs: number
  private readonly finished = new Map<string, TerminalState>()
  private readonly counts: Record<TerminalState, number> = { connected: 0, declined: 0, unreached: 0, cancelled: 0 }

  constructor(
    private readonly startOfDay: StartOfDay,
    nowMs: number
  ) {
    this.dayStartMs = startOfDay(nowMs)
  }

  /** Records a callback's current state; `finishedAtMs` null counts as today. */
  note(id: string, state: LifecycleState, finishedAtMs: number | null): void {
    const previous = this.finished.get(id)
    const counts = isTerminalState(state) && (finishedAtMs === null || finishedAtMs >= this.dayStartMs)
    if (previous !== undefined && (!counts || previous !== state)) {
      this.counts[previous]--
      this.finished.delete(id)
    }
    if (counts && previous !== state && isTerminalState(state)) {
      this.counts[state]++
      this.finished.set(id, state)
    }
  }

  /** Starts a new day when `nowMs` has crossed midnight; true when it did. */
  rollover(nowMs: number): boolean {
    const start = this.startOfDay(nowMs)
    if (start <= this.dayStartMs) return false
    this.dayStartMs = start
    this.finished.clear()
    for (const key of Object.keys(this.counts) as TerminalState[]) this.counts[key] = 0
    return true
  }

  /** Callbacks that finished today in `state`. */
  get(state: TerminalState): number {
    return this.counts[state]
  }
}
