import { defineStore } from 'pinia'
import { ref, shallowRef } from 'vue'
import type { AlertView } from '../../src-main/contract/live-views'
import { useApi } from '../api'
import { useNoticesStore } from './notices'

/** How many recent alerts are kept for the board's alert list. */
const KEEP = 20

/**
 * Alerts as in-app toasts: main's `alerts:raised` (main also shows the desktop notification), plus the
 * backlog threshold the user sets, checked here against the KPI until main owns that setting. The backlog
 * alert fires once per crossing and re-arms when the backlog falls back to the threshold or below.
 */
export const useAlertsStore = defineStore('alerts', () => {
  const recent = shallowRef<readonly AlertView[]>([])
  const backlogArmed = ref(true)
  let unsubscribe: (() => void) | null = null
  let backlogCount = 0

  function raise(alert: AlertView): void {
    if (recent.value.some((a) => a.id === alert.id)) return
    recent.value = [alert, ...recent.value].slice(0, KEEP)
    useNoticesStore().push({
      level: alert.kind === 'connection-lost' || alert.kind === 'campaign-off' ? 'error' : 'warning',
      message: alert.message
    })
  }

  /** Follows `alerts:raised`; idempotent. */
  function start(): void {
    unsubscribe ??= useApi().on('alerts:raised', raise)
  }

  function stop(): void {
    unsubscribe?.()
    unsubscribe = null
  }

  /** Called with every new waiting count; raises the backlog alert when it first goes over the threshold. */
  function checkBacklog(waiting: number, threshold: number | null): void {
    if (threshold === null || waiting <= threshold) {
      backlogArmed.value = true
      return
    }
    if (!backlogArmed.value) return
    backlogArmed.value = false
    raise({
      id: `backlog-${++backlogCount}`,
      kind: 'backlog',
      message: `Backlog alert: ${waiting} callbacks are waiting, over your alert level of ${threshold}.`,
      at: new Date().toISOString()
    })
  }

  return { recent, start, stop, raise, checkBacklog }
})
