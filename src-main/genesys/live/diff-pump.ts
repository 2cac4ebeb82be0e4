/**
 * Paces the board's change stream: changes are coalesced by core's `DiffAccumulator` and leave main at most
 * once per frame interval (~16 ms), so a burst of 200 events costs the renderer one update, not 200.
 */
import type { BoardChange, BoardDiff } from '../../core/board/board-types'
import { DiffAccumulator } from '../../core/board/diff-accumulator'
import type { Clock } from '../../core/clock'
import type { Disposable } from '../../core/disposable'
import type { TimerHandle, Timers } from '../timers'

/** Batches changes into diffs on a frame timer. */
export class DiffPump implements Disposable {
  private readonly acc = new DiffAccumulator()
  private timer: TimerHandle | undefined
  private lastEmitAt = Number.NEGATIVE_INFINITY
  private disposed = false

  constructor(
    private readonly timers: Timers,
    private readonly clock: Clock,
    private readonly frameMs: number,
    private readonly emit: (diff: BoardDiff) => void
  ) {}

  /** Queues changes; schedules a flush no sooner than one frame after the previous one. */
  add(changes: readonly BoardChange[]): void {
    if (changes.length === 0 || this.disposed) return
    this.acc.add(changes)
    if (this.timer !== undefined) return
    const wait = Math.max(0, this.lastEmitAt + this.frameMs - this.clock())
    this.timer = this.timers.setTimeout(() => this.flush(), wait)
  }

  /** Emits the pending batch now (if any). */
  flush(): void {
    this.timers.clearTimeout(this.timer)
    this.timer = undefined
    const diff = this.acc.take()
    if (!diff) return
    this.lastEmitAt = this.clock()
    this.emit(diff)
  }

  dispose(): void {
    this.disposed = true
    this.timers.clearTimeout(this.timer)
    this.timer = undefined
  }
}
