import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { TimelineEntryView } from '../../src-main/contract/live-views'
import { useApi } from '../api'

/** How long a revealed number stays on screen before it is masked again. */
const REVEAL_MS = 30_000

/**
 * Per-callback extras fetched on demand: the timeline for the detail drawer, and revealed numbers (main audits
 * every reveal; the renderer shows it briefly and masks it again).
 */
export const useCallbackDetailsStore = defineStore('callback-details', () => {
  const timeline = shallowRef<readonly TimelineEntryView[]>([])
  const timelineFor = ref<string | null>(null)
  const timelineLoading = ref(false)
  const timelineError = ref<string | null>(null)
  const revealed = ref<Record<string, string>>({})
  const revealError = ref<string | null>(null)
  const timers = new Map<string, ReturnType<typeof setTimeout>>()

  async function loadTimeline(id: string): Promise<void> {
    if (timelineFor.value !== id) timeline.value = []
    timelineFor.value = id
    timelineLoading.value = true
    const result = await useApi().invoke('callbacks:timeline', { id })
    if (timelineFor.value !== id) return
    timelineLoading.value = false
    if (result.ok) {
      timeline.value = result.value
      timelineError.value = null
    } else {
      timelineError.value = result.error.message
    }
  }

  async function reveal(id: string): Promise<boolean> {
    const result = await useApi().invoke('callbacks:reveal-number', { id })
    if (!result.ok) {
      revealError.value = result.error.message
      return false
    }
    revealError.value = null
    revealed.value = { ...revealed.value, [id]: result.value }
    clearTimeout(timers.get(id))
    timers.set(
      id,
      setTimeout(() => hide(id), REVEAL_MS)
    )
    return true
  }

  function hide(id: string): void {
    clearTimeout(timers.get(id))
    timers.delete(id)
    const next = { ...revealed.value }
    delete next[id]
    revealed.value = next
  }

  /** Masks everything again and forgets the timeline (sign-out). */
  function reset(): void {
    for (const id of [...timers.keys()]) hide(id)
    revealed.value = {}
    timeline.value = []
    timelineFor.value = null
  }

  return { timeline, timelineFor, timelineLoading, timelineError, revealed, revealError, loadTimeline, reveal, hide, reset }
})
