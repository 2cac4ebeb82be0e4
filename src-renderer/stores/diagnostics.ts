import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { DiagnosticsView } from '../../src-main/contract/views'
import { useApi } from '../api'

/** Mirror of main's Diagnostics view, plus the support summary on demand. */
export const useDiagnosticsStore = defineStore('diagnostics', () => {
  const view = ref<DiagnosticsView | null>(null)
  const error = ref<string | null>(null)
  const loading = ref(false)

  async function load(): Promise<void> {
    loading.value = true
    const result = await useApi().invoke('app:diagnostics', undefined)
    loading.value = false
    if (result.ok) {
      view.value = result.value
      error.value = null
    } else {
      error.value = result.error.message
    }
  }

  /** The text to paste into a support ticket; null (with `error` set) when main could not build it. */
  async function supportSummary(): Promise<string | null> {
    const result = await useApi().invoke('app:support-summary', undefined)
    if (result.ok) return result.value
    error.value = result.error.message
    return null
  }

  return { view, error, loading, load, supportSummary }
})
