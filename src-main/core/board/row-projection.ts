/**
 * Keeps the board's projection fields (projected time to agent, delta vs the promise, flag, one-line explanation)
 * fresh without flooding the diff stream: projections are recomputed at most every few seconds in `tick()`, and a
 * row is re-sent only when its projection moved materially (flag, basis, or ≥ 30 s) — a 5,000-row board changes a
 * handful of rows per refresh, not all of them.
 */
import { projectBoard, type BoardProjectionOptions, type ProjectableRow, type TargetQueueKpis } from '../timing/board-projection'
import type { Projection } from '../timing/projection'
import type { BoardRow } from './board-types'

/** The projection fields of a row. */
export type ProjectionFields = Pick<
  BoardRow,
  'projectedAtMs' | 'projectionDeltaSeconds' | 'projectionFlag' | 'projectionExplanation'
>

/** Projector settings. */
export interface RowProjectorOptions extends BoardProjectionOptions {
  /** Recompute at most this often; 5 s by default. */
  readonly refreshMs?: number
  /** Re-send a row when its projected time moved at least this much; 30 s by default. */
  readonly moveMs?: number
}

const FIELDS: ReadonlyArray<keyof ProjectionFields> = [
  'projectedAtMs',
  'projectionDeltaSeconds',
  'projectionFlag',
  'projectionExplanation'
]

/** The row's projection fields as a value. */
export function projectionOf(row: BoardRow): ProjectionFields {
  const out: Record<string, unknown> = {}
  for (const f of FIELDS) if (row[f] !== undefined) out[f] = row[f]
  return out as ProjectionFields
}

/** `next` with the projection fields of `previous` when both are live (an event must not blank the projection). */
export function carryProjection(previous: BoardRow | undefined, next: BoardRow): BoardRow {
  if (!previous || previous.projectionFlag === undefined) return next
  const live = (r: BoardRow): boolean => r.state === 'waiting' || r.state === 'dispatched'
  return live(previous) && live(next) ? { ...next, ...projectionOf(previous) } : next
}

function toFields(p: Projection): ProjectionFields {
  return {
    projectedAtMs: p.projectedAt,
    projectionDeltaSeconds: p.deltaVsPromiseSeconds === null ? null : Math.round(p.deltaVsPromiseSeconds),
    projectionFlag: p.flag,
    projectionExplanation: p.explanation
  }
}

/** Decides when to recompute and which rows changed enough to be re-sent. */
export class RowProjector {
  private readonly refreshMs: number
  private readonly moveMs: number
  private lastAtMs = Number.NEGATIVE_INFINITY

  constructor(private readonly options: RowProjectorOptions = {}) {
    this.refreshMs = options.refreshMs ?? 5_000
    this.moveMs = options.moveMs ?? 30_000
  }

  /** Whether a refresh is due at `nowMs`. */
  due(nowMs: number): boolean {
    return nowMs - this.lastAtMs >= this.refreshMs
  }

  /**
   * Projects the live rows and returns the ones to re-send, with their new fields. `rows` pairs each row with the
   * dispatch time its lifecycle record knows (`cc.dispatchedAt`).
   */
  refresh(
    rows: Iterable<{ readonly row: BoardRow; readonly dispatchedAtMs: number | null }>,
    kpis: TargetQueueKpis,
    nowMs: number
  ): Array<{ readonly id: string; readonly fields: ProjectionFields }> {
    this.lastAtMs = nowMs
    const byId = new Map<string, BoardRow>()
    const input: ProjectableRow[] = []
    for (const { row, dispatchedAtMs } of rows) {
      byId.set(row.id, row)
      input.push({ ...row, dispatchedAtMs })
    }
    const changes: Array<{ id: string; fields: ProjectionFields }> = []
    for (const [id, projection] of projectBoard(input, kpis, nowMs, this.options)) {
      const row = byId.get(id)!
      const fields = toFields(projection)
      if (this.material(row, fields)) changes.push({ id, fields })
    }
    return changes
  }

  private material(row: BoardRow, next: ProjectionFields): boolean {
    if (row.projectionFlag !== next.projectionFlag) return true
    const before = row.projectedAtMs
    const after = next.projectedAtMs
    if (before === undefined || before === null || after === null || after === undefined) return before !== after
    return Math.abs(after - before) >= this.moveMs
  }
}
