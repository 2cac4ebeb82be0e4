import type { BoardRow } from '../../src-main/contract/live-views'
import { expectedPatch, type BoardAction, type RowPatch } from './optimistic'
import { affectsOrder, compareByDue } from './row-order'
import { SortedIndex } from './sorted-index'

interface Overlay {
  readonly patch: RowPatch
  /** Event time of the server row the expectation was made on; a newer server row replaces it. */
  readonly baseEventTimeMs: number
  /** When main answered ok (ms); from then the expectation only waits for main's own update for the row. */
  settledAtMs: number | null
}

/** What one batch of changes did, so the store can trigger exactly the reactivity it needs. */
export interface ReplicaChange {
  readonly rows: boolean
  readonly order: boolean
}

/**
 * The renderer's copy of main's board rows, kept outside Vue's reactivity: server truth by id, optimistic
 * overlays on top, the effective rows by id, and the effective rows in due order. Pure and synchronous; the
 * board store wraps it and bumps its version counters once per batch, so 5,000 rows at 200 events/s stay cheap.
 */
export class RowReplica {
  private readonly server = new Map<string, BoardRow>()
  private readonly overlays = new Map<string, Overlay>()
  /** Effective rows (server + overlay): the objects the index holds. */
  readonly rows = new Map<string, BoardRow>()
  readonly byDue = new SortedIndex<BoardRow>(compareByDue)

  /** Replaces everything with a snapshot; overlays still waiting for main's answer are kept on top. */
  reset(rows: readonly BoardRow[]): void {
    this.server.clear()
    this.rows.clear()
    for (const row of rows) this.server.set(row.id, row)
    for (const [id, overlay] of [...this.overlays]) {
      const base = this.server.get(id)
      const superseded = base !== undefined && overlay.settledAtMs !== null && base.eventTimeMs > overlay.baseEventTimeMs
      if (!base || superseded) this.overlays.delete(id)
    }
    for (const row of rows) this.rows.set(row.id, this.effective(row))
    this.byDue.reset(this.rows.values())
  }

  /** Applies main's rows and removals; a row older than the one held (by event time) is ignored. */
  apply(upserts: readonly BoardRow[], removals: readonly string[]): ReplicaChange {
    let rows = false
    let order = false
    for (const row of upserts) {
      const held = this.server.get(row.id)
      if (held && row.eventTimeMs < held.eventTimeMs) continue
      this.server.set(row.id, row)
      const overlay = this.overlays.get(row.id)
      if (overlay && overlay.settledAtMs !== null && row.eventTimeMs > overlay.baseEventTimeMs) this.overlays.delete(row.id)
      order = this.place(row.id) || order
      rows = true
    }
    for (const id of removals) {
      if (!this.server.delete(id)) continue
      this.overlays.delete(id)
      order = this.place(id) || order
      rows = true
    }
    return { rows, order }
  }

  /** Shows the expected result of an action on the rows it applies to; returns the ids it patched. */
  expect(
    ids: readonly string[],
    action: BoardAction,
    allowed: (row: BoardRow) => boolean,
    nowMs: number
  ): { ids: string[]; change: ReplicaChange } {
    const patched: string[] = []
    let order = false
    for (const id of ids) {
      const row = this.rows.get(id)
      const base = this.server.get(id)
      if (!row || !base || !allowed(row)) continue
      this.overlays.set(id, { patch: expectedPatch(row, action, nowMs), baseEventTimeMs: base.eventTimeMs, settledAtMs: null })
      order = this.place(id) || order
      patched.push(id)
    }
    return { ids: patched, change: { rows: patched.length > 0, order } }
  }

  /**
   * Main accepted these: keep the expectation until main's own update for the row arrives (the store drops
   * leftovers after a while with `rollback`). If that update already came, show it now.
   */
  settle(ids: readonly string[], nowMs: number): ReplicaChange {
    const arrived: string[] = []
    for (const id of ids) {
      const overlay = this.overlays.get(id)
      if (!overlay) continue
      overlay.settledAtMs = nowMs
      const base = this.server.get(id)
      if (base && base.eventTimeMs > overlay.baseEventTimeMs) arrived.push(id)
    }
    return this.rollback(arrived)
  }

  /** Main refused these (or never answered): show main's truth again. */
  rollback(ids: readonly string[]): ReplicaChange {
    let rows = false
    let order = false
    for (const id of ids) {
      if (!this.overlays.delete(id)) continue
      order = this.place(id) || order
      rows = true
    }
    return { rows, order }
  }

  /** Drops accepted expectations older than `maxAgeMs` whose update from main never came. */
  expire(nowMs: number, maxAgeMs: number): ReplicaChange {
    const old = [...this.overlays]
      .filter(([, o]) => o.settledAtMs !== null && nowMs - o.settledAtMs >= maxAgeMs)
      .map(([id]) => id)
    return this.rollback(old)
  }

  /** Ids with an unanswered action, for a "saving…" hint. */
  isPending(id: string): boolean {
    const overlay = this.overlays.get(id)
    return overlay !== undefined && overlay.settledAtMs === null
  }

  clear(): void {
    this.server.clear()
    this.overlays.clear()
    this.rows.clear()
    this.byDue.reset([])
  }

  private effective(row: BoardRow): BoardRow {
    const overlay = this.overlays.get(row.id)
    return overlay ? { ...row, ...overlay.patch } : row
  }

  /** Recomputes one effective row and moves it in the index; true when the visible order may change. */
  private place(id: string): boolean {
    const previous = this.rows.get(id)
    const base = this.server.get(id)
    const next = base ? this.effective(base) : undefined
    if (next) this.rows.set(id, next)
    else this.rows.delete(id)
    this.byDue.update(previous, next)
    return affectsOrder(previous, next)
  }
}
