import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { DEFAULT_FILTER, type BoardFilter, type SortKey } from '../board/row-order'

/**
 * What this console's board view shows and which rows are picked: filter, sort, selection, the keyboard's
 * active row and the open detail drawer. Kept in a store so they survive a trip to another page.
 */
export const useBoardViewStore = defineStore('board-view', () => {
  const filter = ref<BoardFilter>(DEFAULT_FILTER)
  const sortKey = ref<SortKey>('due')
  const sortDescending = ref(false)
  const selected = ref(new Set<string>())
  const activeId = ref<string | null>(null)
  const detailsId = ref<string | null>(null)

  const filtered = computed(
    () =>
      filter.value.state !== DEFAULT_FILTER.state ||
      filter.value.queueId !== DEFAULT_FILTER.queueId ||
      filter.value.search.trim() !== ''
  )

  function setFilter(patch: Partial<BoardFilter>): void {
    filter.value = { ...filter.value, ...patch }
  }

  function clearFilters(): void {
    filter.value = DEFAULT_FILTER
  }

  /** Clicking the same column flips the direction; a new column starts ascending. */
  function sortBy(key: SortKey): void {
    if (sortKey.value === key) sortDescending.value = !sortDescending.value
    else {
      sortKey.value = key
      sortDescending.value = false
    }
  }

  function toggle(id: string, on = !selected.value.has(id)): void {
    if (on) selected.value.add(id)
    else selected.value.delete(id)
  }

  function selectOnly(ids: readonly string[]): void {
    selected.value = new Set(ids)
  }

  function clearSelection(): void {
    selected.value = new Set()
  }

  return {
    filter,
    sortKey,
    sortDescending,
    selected,
    activeId,
    detailsId,
    filtered,
    setFilter,
    clearFilters,
    sortBy,
    toggle,
    selectOnly,
    clearSelection
  }
})
