import { computed, onScopeDispose, shallowRef, type ComputedRef, type ShallowRef } from 'vue'
import { useBoardStore } from '../stores/board'

const now: ShallowRef<number> = shallowRef(Date.now())
let users = 0
let timer: ReturnType<typeof setTimeout> | null = null

function tick(): void {
  now.value = Date.now()
  // Aligned to the next whole second, so every countdown on screen changes together.
  timer = setTimeout(tick, 1000 - (now.value % 1000))
}

/**
 * The one shared 1 s ticker behind every countdown (never one timer per row). Runs only while at least one
 * component in scope uses it; the timer stops when the last one unmounts.
 */
export function useNow(): Readonly<ShallowRef<number>> {
  if (users++ === 0) {
    now.value = Date.now()
    timer = setTimeout(tick, 1000 - (now.value % 1000))
  }
  onScopeDispose(() => {
    if (--users === 0 && timer !== null) {
      clearTimeout(timer)
      timer = null
    }
  })
  return now
}

/** The ticker corrected to main's clock (from the last snapshot), so countdowns agree across consoles. */
export function useServerNow(): ComputedRef<number> {
  const local = useNow()
  const board = useBoardStore()
  return computed(() => local.value + board.clockOffsetMs)
}
