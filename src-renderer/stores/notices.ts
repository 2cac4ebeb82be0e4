import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { NoticeView } from '../../src-main/contract/views'

export interface Toast extends NoticeView {
  readonly id: number
}

/** How long a toast stays unless dismissed; errors stay until the user closes them. */
const AUTO_DISMISS_MS = 6000

/** The toast queue Spark does not provide (spark.md §4): a list plus timers. */
export const useNoticesStore = defineStore('notices', () => {
  const toasts = ref<Toast[]>([])
  let nextId = 1

  function push(notice: NoticeView): number {
    const id = nextId++
    toasts.value.push({ ...notice, id })
    if (notice.level !== 'error') setTimeout(() => dismiss(id), AUTO_DISMISS_MS)
    return id
  }

  function dismiss(id: number): void {
    toasts.value = toasts.value.filter((t) => t.id !== id)
  }

  return { toasts, push, dismiss }
})
