import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type {
  HistoryExportView,
  HistoryProgressView,
  HistoryReportView,
  HistoryTableId,
  IntervalMinutes
} from '../../src-main/contract/history-views'
import { useApi } from '../api'
import { localTimeZone, toLocalDate } from '../board/time-format'

const api = useApi

/** A local calendar day, `YYYY-MM-DD` (the board's `toLocalDate`, under the name the History page uses). */
export const localDay = toLocalDate

function newRunId(): string {
  return typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `run-${Date.now()}-${Math.floor(Math.random() * 1e9)}`
}

/**
 * The History page's state: the chosen range and interval, the running query (progress, cancel) and the last
 * report. Everything is computed in main from the org; this store only asks and mirrors.
 */
export const useHistoryStore = defineStore('history', () => {
  const today = localDay(Date.now())
  const from = ref(today)
  const to = ref(today)
  const intervalMinutes = ref<IntervalMinutes>(30)
  const report = shallowRef<HistoryReportView | null>(null)
  const runId = ref<string | null>(null)
  const progress = shallowRef<HistoryProgressView | null>(null)
  const error = ref<string | null>(null)
  /** Set when the last run was cancelled by the user (shown as information, not as an error). */
  const cancelled = ref(false)
  const exporting = ref<HistoryTableId | null>(null)

  /** Runs the report for the chosen range; resolves when it is built, cancelled or failed. */
  async function run(options: { toleranceMinutes?: number } = {}): Promise<void> {
    if (runId.value) return
    const id = newRunId()
    runId.value = id
    progress.value = null
    error.value = null
    cancelled.value = false
    const stop = api().on('history:progress', (p) => {
      if (p.runId === id) progress.value = p
    })
    try {
      const result = await api().invoke('history:run', {
        runId: id,
        from: from.value,
        to: to.value,
        timeZone: localTimeZone(),
        ...(options.toleranceMinutes ? { toleranceMinutes: options.toleranceMinutes } : {})
      })
      if (result.ok) report.value = result.value
      else if (result.error.code === 'cancelled') cancelled.value = true
      else error.value = result.error.message
    } finally {
      stop()
      runId.value = null
      progress.value = null
    }
  }

  /** Asks main to stop the running report. */
  async function cancel(): Promise<void> {
    if (runId.value) await api().invoke('history:cancel', { runId: runId.value })
  }

  /** The CSV of one table of the shown report (full numbers only when asked; main audits that). */
  async function exportTable(table: HistoryTableId, fullNumbers: boolean): Promise<HistoryExportView | null> {
    if (!report.value) return null
    exporting.value = table
    const result = await api().invoke('history:export', {
      runId: report.value.runId,
      table,
      intervalMinutes: intervalMinutes.value,
      fullNumbers
    })
    exporting.value = null
    if (result.ok) return result.value
    error.value = result.error.message
    return null
  }

  return { from, to, intervalMinutes, report, runId, progress, error, cancelled, exporting, run, cancel, exportTable }
})
