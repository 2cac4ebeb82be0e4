/**
 * The receiving side of the diff stream as a pure reducer: what a renderer store does with each batch. Used
 * by tests to prove the stream reproduces the board, and usable as the reference for the renderer's store.
 */
import { EMPTY_KPIS, type BoardDiff, type BoardKpis, type BoardRow } from './board-types'

/** A receiver's copy of the board. */
export interface BoardReplica {
  readonly rows: ReadonlyMap<string, BoardRow>
  readonly kpis: BoardKpis
}

/** An empty replica, the state before the first batch. */
export function emptyReplica(): BoardReplica {
  return { rows: new Map(), kpis: EMPTY_KPIS }
}

/** Applies one batch: removals, then upserts (whole rows), then the changed KPI fields. */
export function applyBoardDiff(replica: BoardReplica, diff: BoardDiff): BoardReplica {
  const rows = new Map(replica.rows)
  for (const id of diff.removals) rows.delete(id)
  for (const row of diff.upserts) rows.set(row.id, row)
  return { rows, kpis: diff.kpis ? { ...replica.kpis, ...diff.kpis } : replica.kpis }
}
