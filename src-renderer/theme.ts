import { readonly, ref, watch, type Ref } from 'vue'
import type { ThemePreference } from '../src-main/contract/settings-views'

/**
 * Light and dark themes. Spark switches every `--gse-*` token with `flare-mode="dark"` on an ancestor, so the
 * whole app (and the charts, which read the same tokens) follows one attribute on `<html>`. "System" follows the
 * OS through `prefers-color-scheme`, live.
 */
export type ThemeMode = 'light' | 'dark'

const mode = ref<ThemeMode>('light')

/** The mode in effect, for components that draw with tokens (charts re-read their colours when it changes). */
export function useThemeMode(): Readonly<Ref<ThemeMode>> {
  return readonly(mode)
}

/** What a preference means given the OS setting. */
export function resolveTheme(preference: ThemePreference, systemPrefersDark: boolean): ThemeMode {
  if (preference === 'system') return systemPrefersDark ? 'dark' : 'light'
  return preference
}

/** Sets Spark's dark mode on `root` (and the native controls' colour scheme), or clears it. */
export function applyTheme(next: ThemeMode, root: HTMLElement = document.documentElement): void {
  if (next === 'dark') root.setAttribute('flare-mode', 'dark')
  else root.removeAttribute('flare-mode')
  root.style.colorScheme = next
  mode.value = next
}

/** The OS dark-mode query, or null where the environment has none. */
function systemQuery(): MediaQueryList | null {
  return typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null
}

/**
 * Keeps `<html>` in the theme the preference asks for, reacting to both the preference and the OS.
 * Returns the function that stops following.
 */
export function startTheme(preference: () => ThemePreference, query: MediaQueryList | null = systemQuery()): () => void {
  const update = (): void => applyTheme(resolveTheme(preference(), query?.matches ?? false))
  const stop = watch(preference, update, { immediate: true })
  query?.addEventListener('change', update)
  return () => {
    stop()
    query?.removeEventListener('change', update)
  }
}
