/**
 * KPI arithmetic: the time-window figures over the waiting rows (due in 5 / 15 min, overdue, oldest) and the
 * field-by-field delta between two KPI sets that the diff stream carries.
 */
import type { BoardKpis, BoardRow } from './board-types'

/** The KPIs that depend on the clock as well as on the rows. */
export interface TimeKpis {
  readonly dueIn5: number
  readonly dueIn15: number
  readonly overdue: number
  readonly oldestRequestedAtMs: number | null
}

const MINUTE = 60_000

/**
 * Time-window KPIs over waiting rows, O(waiting). A row with no due time is due since it was requested (or
 * now, when that is unknown too). `overdueAfterMs` is the grace after the due time (2 min by default).
 */
export function timeKpis(waiting: Iterable<BoardRow>, nowMs: number, overdueAfterMs: number): TimeKpis {
  let dueIn5 = 0
  let dueIn15 = 0
  let overdue = 0
  let oldest: number | null = null
  for (const row of waiting) {
    const due = row.dueAtMs ?? row.requestedAtMs ?? nowMs
    if (due <= nowMs + 5 * MINUTE) dueIn5++
    if (due <= nowMs + 15 * MINUTE) dueIn15++
    if (due <= nowMs - overdueAfterMs) overdue++
    if (row.requestedAtMs !== null && (oldest === null || row.requestedAtMs < oldest)) oldest = row.requestedAtMs
  }
  return { dueIn5, dueIn15, overdue, oldestRequestedAtMs: oldest }
}

/** Fields of `next` that differ from `previous`; null when none do. */
export function kpiDelta(previous: BoardKpis, next: BoardKpis): Partial<BoardKpis> | null {
  let delta: Record<string, unknown> | null = null
  for (const key of Object.keys(next) as Array<keyof BoardKpis>) {
    if (previous[key] !== next[key]) {
      delta ??= {}
      delta[key] = next[key]
    }
  }
  return delta as Partial<BoardKpis> | null
}
