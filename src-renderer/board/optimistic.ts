import type { BoardRow, LifecycleState } from '../../src-main/contract/live-views'

/** An action as the board store applies it optimistically (the expected result, before main answers). */
export type BoardAction =
  | { readonly kind: 'cancel'; readonly reason: string }
  | { readonly kind: 'reschedule'; readonly dueAtMs: number }
  | { readonly kind: 'shift'; readonly minutes: number }
  | { readonly kind: 'call-now' }

/** The fields an action is expected to change; rows show them at once and roll back if main refuses. */
export type RowPatch = Partial<Pick<BoardRow, 'state' | 'dueAtMs' | 'reason' | 'lastAction'>>

/** States each action may start from (DESIGN.md lifecycle table); other rows are skipped, not sent. */
export const ACTION_FROM: Readonly<Record<BoardAction['kind'], ReadonlySet<LifecycleState>>> = {
  cancel: new Set<LifecycleState>(['waiting', 'dispatched']),
  reschedule: new Set<LifecycleState>(['waiting']),
  shift: new Set<LifecycleState>(['waiting']),
  'call-now': new Set<LifecycleState>(['waiting'])
}

/** What the row should look like once the action succeeds. `nowMs` stands in for "as soon as possible". */
export function expectedPatch(row: BoardRow, action: BoardAction, nowMs: number): RowPatch {
  switch (action.kind) {
    case 'cancel':
      return { state: 'cancelled', reason: action.reason, lastAction: 'cancel' }
    case 'reschedule':
      return { dueAtMs: action.dueAtMs, lastAction: 'reschedule' }
    case 'shift':
      return { dueAtMs: (row.dueAtMs ?? nowMs) + action.minutes * 60_000, lastAction: 'reschedule' }
    case 'call-now':
      return { state: 'dispatched', lastAction: 'call-now' }
  }
}
