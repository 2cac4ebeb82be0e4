import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { AuditRecord } from '../../src-main/contract/live-views'
import { useApi } from '../api'

/** The Audit page's list: one day of audited actions (newest first), from main's append-only log. */
export const useAuditStore = defineStore('audit', () => {
  const records = shallowRef<readonly AuditRecord[]>([])
  /** Local `YYYY-MM-DD`, or null for today as main sees it. */
  const day = ref<string | null>(null)
  const loading = ref(false)
  const error = ref<string | null>(null)

  async function load(forDay: string | null = day.value): Promise<void> {
    day.value = forDay
    loading.value = true
    const result = await useApi().invoke('audit:list', forDay ? { day: forDay } : {})
    loading.value = false
    if (result.ok) {
      records.value = [...result.value].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
      error.value = null
    } else {
      error.value = result.error.message
    }
  }

  return { records, day, loading, error, load }
})
