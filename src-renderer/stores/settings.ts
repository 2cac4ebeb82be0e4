import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { DefaultView, SettingsPatch, SettingsView, ThemePreference } from '../../src-main/contract/settings-views'
import { useApi } from '../api'
import { DEFAULT_CALLABLE_HOURS, type CallableHours } from '../board/callable-hours'

const api = useApi

/** Same values as the contract's DEFAULT_SETTINGS (a test keeps them equal; the renderer imports only types). */
export const RENDERER_DEFAULT_SETTINGS: SettingsView = {
  theme: 'system',
  defaultView: 'board',
  alerts: { backlogThreshold: null, desktopNotifications: true },
  board: { callableHours: DEFAULT_CALLABLE_HOURS },
  history: { toleranceMinutes: 5, intervalMinutes: 30 }
}

const CACHE_KEY = 'cc.settings.v1'
/** The board's earlier localStorage key (backlog threshold and callable hours), read once for migration. */
const LEGACY_KEY = 'cc.settings'
/** Errors after which main has refused the value itself; anything else (older main, dropped bridge) keeps it locally. */
const REFUSED = new Set(['invalid-input', 'write-failed'])

function merge(current: SettingsView, patch: SettingsPatch): SettingsView {
  return {
    theme: patch.theme ?? current.theme,
    defaultView: patch.defaultView ?? current.defaultView,
    alerts: { ...current.alerts, ...patch.alerts },
    board: { ...current.board, ...patch.board },
    history: { ...current.history, ...patch.history }
  }
}

function readCache(): SettingsView {
  try {
    const cached = JSON.parse(localStorage.getItem(CACHE_KEY) ?? 'null') as SettingsView | null
    if (cached && typeof cached === 'object' && cached.alerts && cached.board && cached.history) return cached
    const legacy = JSON.parse(localStorage.getItem(LEGACY_KEY) ?? 'null') as Partial<{
      backlogThreshold: number | null
      callableHours: CallableHours
    }> | null
    if (!legacy) return RENDERER_DEFAULT_SETTINGS
    return merge(RENDERER_DEFAULT_SETTINGS, {
      alerts: { backlogThreshold: typeof legacy.backlogThreshold === 'number' ? legacy.backlogThreshold : null },
      ...(legacy.callableHours ? { board: { callableHours: legacy.callableHours } } : {})
    })
  } catch {
    return RENDERER_DEFAULT_SETTINGS
  }
}

/**
 * The user's settings, mirrored from main (validated and stored per user there). A localStorage copy paints the
 * right theme before main answers and keeps working if main does not offer settings yet. Changes are optimistic
 * and roll back when main refuses them. `backlogThreshold` and `callableHours` stay writable for the board.
 */
export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<SettingsView>(readCache())
  const loaded = ref(false)
  const saving = ref(false)
  const error = ref<string | null>(null)
  let unsubscribe: (() => void) | null = null

  function adopt(next: SettingsView): void {
    settings.value = next
    try {
      localStorage.setItem(CACHE_KEY, JSON.stringify(next))
    } catch {
      // Storage full or disabled: main still has the settings.
    }
  }

  /** Reads main's settings and follows changes made elsewhere (another window, tab or the menu). */
  async function load(): Promise<void> {
    unsubscribe ??= api().on('settings:changed', adopt)
    const result = await api().invoke('settings:get', undefined)
    if (result.ok) adopt(result.value)
    loaded.value = true
  }

  /** Applies a change now and saves it; resolves to whether main (or, without main, this computer) kept it. */
  async function save(patch: SettingsPatch): Promise<boolean> {
    const before = settings.value
    adopt(merge(before, patch))
    saving.value = true
    const result = await api().invoke('settings:save', patch)
    saving.value = false
    if (result.ok) {
      adopt(result.value)
      error.value = null
      return true
    }
    if (REFUSED.has(result.error.code)) {
      adopt(before)
      error.value = result.error.message
      return false
    }
    error.value = null
    return true
  }

  function stop(): void {
    unsubscribe?.()
    unsubscribe = null
  }

  const theme = computed<ThemePreference>(() => settings.value.theme)
  const defaultView = computed<DefaultView>(() => settings.value.defaultView)
  /** The route the app opens on (`/board`, …), for the router's `/` redirect. */
  const defaultPath = computed(() => `/${settings.value.defaultView}`)
  const backlogThreshold = computed<number | null>({
    get: () => settings.value.alerts.backlogThreshold,
    set: (value) => void save({ alerts: { backlogThreshold: value } })
  })
  const callableHours = computed<CallableHours>({
    get: () => settings.value.board.callableHours,
    set: (value) => void save({ board: { callableHours: { start: value.start, end: value.end } } })
  })

  return { settings, loaded, saving, error, load, save, stop, theme, defaultView, defaultPath, backlogThreshold, callableHours }
})
