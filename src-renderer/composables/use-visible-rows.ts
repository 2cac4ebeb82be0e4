import { computed, type ComputedRef } from 'vue'
import type { BoardRow } from '../../src-main/contract/live-views'
import { COMPARATORS, rowMatcher } from '../board/row-order'
import { useBoardStore } from '../stores/board'
import { useBoardViewStore } from '../stores/board-view'

/** The board's rows as the view shows them, and helpers to read a row by id reactively. */
export interface VisibleRows {
  /** Ids in display order; rebuilt only when the order or a filter field changed (not on every diff). */
  readonly ids: ComputedRef<readonly string[]>
  /** Reads a row; re-evaluates in templates whenever any row changed (one bump per diff). */
  readonly row: (id: string) => BoardRow | undefined
  /** Selected ids that are still on the board, in display order. */
  readonly selectedIds: ComputedRef<readonly string[]>
}

/**
 * Joins the board mirror and the view's filter/sort. Due order comes straight from the replica's sorted
 * index (no sort at all); other orders sort the filtered rows once per structural change.
 */
export function useVisibleRows(): VisibleRows {
  const board = useBoardStore()
  const view = useBoardViewStore()

  const ids = computed(() => {
    void board.orderVersion
    const matches = rowMatcher(view.filter)
    const rows = board.replica.byDue.all.filter(matches)
    if (view.sortKey !== 'due') rows.sort(COMPARATORS[view.sortKey])
    if (view.sortDescending) rows.reverse()
    return rows.map((r) => r.id)
  })

  const row = (id: string): BoardRow | undefined => {
    void board.rowsVersion
    return board.replica.rows.get(id)
  }

  const selectedIds = computed(() => {
    const chosen = view.selected
    if (chosen.size === 0) return []
    return ids.value.filter((id) => chosen.has(id))
  })

  return { ids, row, selectedIds }
}
