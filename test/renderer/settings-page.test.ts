import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { nextTick, ref } from 'vue'
import type { CommandName } from '../../src-main/contract/names'
import { DEFAULT_SETTINGS, type SettingsView, type ThemePreference } from '../../src-main/contract/settings-views'
import { setApiForTesting } from '../../src-renderer/api'
import { RENDERER_DEFAULT_SETTINGS, useSettingsStore } from '../../src-renderer/stores/settings'
import { applyTheme, resolveTheme, startTheme } from '../../src-renderer/theme'
import SettingsPage from '../../src-renderer/views/SettingsPage.vue'
import { FakeApi } from '../helpers/fake-api'

const cmd = (name: string) => name as CommandName

/** A fake main that validates like the real one for the fields these tests touch, and keeps what it accepts. */
function fakeMain(api: FakeApi, initial: SettingsView = DEFAULT_SETTINGS) {
  let stored = initial
  api.reply(cmd('settings:get'), () => ({ ok: true, value: stored }) as never)
  api.reply(cmd('settings:save'), (input) => {
    const patch = input as Partial<SettingsView>
    if (patch.alerts?.backlogThreshold === 0)
      return { ok: false, error: { code: 'invalid-input', message: 'That setting is not valid (alerts.backlogThreshold).' } }
    stored = {
      ...stored,
      ...(patch.theme ? { theme: patch.theme } : {}),
      ...(patch.defaultView ? { defaultView: patch.defaultView } : {}),
      alerts: { ...stored.alerts, ...patch.alerts },
      board: { ...stored.board, ...patch.board },
      history: { ...stored.history, ...patch.history }
    }
    return { ok: true, value: stored } as never
  })
  return () => stored
}

describe('settings store', () => {
  let api: FakeApi
  beforeEach(() => {
    localStorage.clear()
    setActivePinia(createPinia())
    api = new FakeApi()
    setApiForTesting(api)
  })
  afterEach(() => setApiForTesting(null))

  it('starts from the same defaults as main', () => {
    expect(RENDERER_DEFAULT_SETTINGS).toEqual(DEFAULT_SETTINGS)
    expect(useSettingsStore().settings).toEqual(DEFAULT_SETTINGS)
  })

  it('mirrors main, follows changes made elsewhere, and caches for the next start', async () => {
    fakeMain(api, { ...DEFAULT_SETTINGS, theme: 'dark', defaultView: 'history' })
    const store = useSettingsStore()
    await store.load()
    expect([store.theme, store.defaultPath]).toEqual(['dark', '/history'])
    api.push('settings:changed' as never, { ...DEFAULT_SETTINGS, theme: 'light' })
    expect(store.theme).toBe('light')
    setActivePinia(createPinia())
    expect(useSettingsStore().theme).toBe('light')
  })

  it('applies a change at once and rolls it back when main refuses it', async () => {
    const stored = fakeMain(api)
    const store = useSettingsStore()
    await store.load()
    const saving = store.save({ alerts: { backlogThreshold: 0 } })
    expect(store.backlogThreshold).toBe(0)
    expect(await saving).toBe(false)
    expect(store.backlogThreshold).toBeNull()
    expect(store.error).toMatch(/alerts\.backlogThreshold/)
    store.backlogThreshold = 12
    store.callableHours = { start: '09:00', end: '17:30' }
    await flushPromises()
    expect(stored().alerts.backlogThreshold).toBe(12)
    expect(stored().board.callableHours).toEqual({ start: '09:00', end: '17:30' })
    expect(store.error).toBeNull()
  })

  it('keeps working on this computer when main does not offer settings yet, and migrates the board’s old key', async () => {
    localStorage.setItem('cc.settings', JSON.stringify({ backlogThreshold: 30, callableHours: { start: '07:00', end: '19:00' } }))
    const store = useSettingsStore()
    expect([store.backlogThreshold, store.callableHours]).toEqual([30, { start: '07:00', end: '19:00' }])
    await store.load()
    expect(await store.save({ theme: 'dark' })).toBe(true)
    setActivePinia(createPinia())
    expect(useSettingsStore().theme).toBe('dark')
    expect(useSettingsStore().backlogThreshold).toBe(30)
  })
})

describe('themes', () => {
  afterEach(() => applyTheme('light'))

  it('follows the OS for "system" and otherwise forces light or dark', () => {
    expect(resolveTheme('system', true)).toBe('dark')
    expect(resolveTheme('system', false)).toBe('light')
    expect(resolveTheme('light', true)).toBe('light')
    expect(resolveTheme('dark', false)).toBe('dark')
  })

  it('sets Spark’s flare-mode on <html>, live with the preference and the OS', async () => {
    const listeners: (() => void)[] = []
    const query = {
      matches: false,
      addEventListener: (_: string, l: () => void) => listeners.push(l),
      removeEventListener: (_: string, l: () => void) => listeners.splice(listeners.indexOf(l), 1)
    } as unknown as MediaQueryList & { matches: boolean }
    const preference = ref<ThemePreference>('system')
    const stop = startTheme(() => preference.value, query)
    const html = document.documentElement
    expect(html.hasAttribute('flare-mode')).toBe(false)
    ;(query as { matches: boolean }).matches = true
    listeners.forEach((l) => l())
    expect(html.getAttribute('flare-mode')).toBe('dark')
    expect(html.style.colorScheme).toBe('dark')
    preference.value = 'light'
    await nextTick()
    expect(html.hasAttribute('flare-mode')).toBe(false)
    stop()
    expect(listeners).toHaveLength(0)
  })
})

describe('Settings page', () => {
  let api: FakeApi
  beforeEach(() => {
    localStorage.clear()
    setActivePinia(createPinia())
    api = new FakeApi()
    setApiForTesting(api)
  })
  afterEach(() => setApiForTesting(null))

  it('shows the stored settings and saves the whole form', async () => {
    const stored = fakeMain(api, { ...DEFAULT_SETTINGS, alerts: { backlogThreshold: 40, desktopNotifications: true } })
    await useSettingsStore().load()
    const wrapper = mount(SettingsPage)
    await flushPromises()
    expect((wrapper.get('[data-testid=settings-backlog]').element as HTMLInputElement).value).toBe('40')
    expect((wrapper.get('[data-testid=settings-theme-system]').element as HTMLInputElement).checked).toBe(true)
    await wrapper.get('[data-testid=settings-theme-dark]').setValue(true)
    await wrapper.get('[data-testid=settings-default-view]').setValue('history')
    await wrapper.get('[data-testid=settings-backlog]').setValue('')
    await wrapper.get('[data-testid=settings-notifications]').setValue(false)
    await wrapper.get('[data-testid=settings-interval-60]').setValue(true)
    const startPicker = wrapper.get('[data-testid=settings-hours-start]').element as HTMLElement & { value: string }
    startPicker.value = '07:30'
    startPicker.dispatchEvent(new Event('input'))
    await wrapper.get('[data-testid=settings-save]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid=settings-saved]').text()).toBe('Saved.')
    expect(stored()).toEqual({
      theme: 'dark',
      defaultView: 'history',
      alerts: { backlogThreshold: null, desktopNotifications: false },
      board: { callableHours: { start: '07:30', end: '20:00' } },
      history: { toleranceMinutes: 5, intervalMinutes: 60 }
    })
  })

  it('explains what to fix before sending anything', async () => {
    fakeMain(api)
    const wrapper = mount(SettingsPage)
    await flushPromises()
    const saves = () => api.calls.filter((c) => c.command === cmd('settings:save')).length
    await wrapper.get('[data-testid=settings-backlog]').setValue('2.5')
    await wrapper.get('[data-testid=settings-save]').trigger('click')
    expect(wrapper.get('[data-testid=settings-problem]').text()).toMatch(/whole number of callbacks/)
    await wrapper.get('[data-testid=settings-backlog]').setValue('10')
    const endPicker = wrapper.get('[data-testid=settings-hours-end]').element as HTMLElement & { value: string }
    endPicker.value = '06:00'
    endPicker.dispatchEvent(new Event('input'))
    await wrapper.get('[data-testid=settings-save]').trigger('click')
    expect(wrapper.get('[data-testid=settings-problem]').text()).toBe('Callable hours need a start time before the end time.')
    await wrapper.get('[data-testid=settings-tolerance]').setValue('0')
    expect(saves()).toBe(0)
  })
})
