/**
 * Coalesces the board's change stream into compact batches: at most one per animation frame leaves main, and
 * each carries only the final state of what changed since the previous batch (last upsert per row, a removal
 * only if the receiver had the row, the KPI fields whose value moved). The host adds changes as they come and
 * takes a batch on its frame timer; applying the batches in order to an empty board reproduces the board.
 */
import { assertNever } from '../assert-never'
import { kpiDelta } from './board-kpis'
import type { BoardChange, BoardDiff, BoardKpis, BoardRow } from './board-types'
import { EMPTY_KPIS } from './board-types'

/** Pending changes for one receiver. */
export class DiffAccumulator {
  /** Ids the receiver holds after the batches already taken. */
  private readonly delivered = new Set<string>()
  private readonly upserts = new Map<string, BoardRow>()
  private readonly removals = new Set<string>()
  private sentKpis: BoardKpis
  private kpis: BoardKpis

  /** `baseline`: the KPIs the receiver already shows (EMPTY_KPIS for a fresh one). */
  constructor(baseline: BoardKpis = EMPTY_KPIS) {
    this.sentKpis = baseline
    this.kpis = baseline
  }

  /** Adds changes in the order the board produced them. O(1) per change. */
  add(changes: readonly BoardChange[]): void {
    for (const change of changes) {
      switch (change.kind) {
        case 'upsert':
          this.removals.delete(change.row.id)
          this.upserts.set(change.row.id, change.row)
          break
        case 'remove':
          this.upserts.delete(change.id)
          if (this.delivered.has(change.id)) this.removals.add(change.id)
          break
        case 'kpis':
          this.kpis = { ...this.kpis, ...change.kpis }
          break
        default:
          assertNever(change, 'Unknown board change')
      }
    }
  }

  /** True when a batch would not be empty (a cheap check for the frame timer). */
  get pending(): boolean {
    return this.upserts.size > 0 || this.removals.size > 0 || this.kpis !== this.sentKpis
  }

  /** Takes the coalesced batch, or null when nothing changed since the last one. */
  take(): BoardDiff | null {
    const kpis = this.kpis === this.sentKpis ? null : kpiDelta(this.sentKpis, this.kpis)
    this.sentKpis = this.kpis
    if (this.upserts.size === 0 && this.removals.size === 0 && kpis === null) return null
    const diff: BoardDiff = { upserts: [...this.upserts.values()], removals: [...this.removals], kpis }
    for (const id of this.removals) this.delivered.delete(id)
    for (const id of this.upserts.keys()) this.delivered.add(id)
    this.upserts.clear()
    this.removals.clear()
    return diff
  }

  /**
   * Starts over for a receiver that lost its state: it will be sent `board.fullDiff()` first, so remember
   * those rows and KPIs as delivered and drop anything pending.
   */
  reset(full: BoardDiff, kpis: BoardKpis): void {
    this.delivered.clear()
    for (const row of full.upserts) this.delivered.add(row.id)
    this.upserts.clear()
    this.removals.clear()
    this.sentKpis = kpis
    this.kpis = kpis
  }
}
