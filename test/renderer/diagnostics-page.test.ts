import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DiagnosticsView } from '../../src-main/contract/views'
import { setApiForTesting } from '../../src-renderer/api'
import { useDiagnosticsStore } from '../../src-renderer/stores/diagnostics'
import DiagnosticsPage from '../../src-renderer/views/DiagnosticsPage.vue'
import { FakeApi } from '../helpers/fake-api'

const view: DiagnosticsView = {
  appName: 'Callback Console',
  appVersion: '1.2.3',
  shell: 'desktop',
  versions: { node: '24.1.0', electron: '41.7.1', chromium: '146.0.1', v8: '14.0' },
  platform: 'win32',
  arch: 'x64',
  secureStorage: { available: true, detail: 'Encrypted with the OS.' },
  dataDir: 'C:/Users/lead/AppData/Roaming/Callback Console',
  startedAt: '2026-11-24T08:00:00.000Z'
}

describe('Diagnostics page', () => {
  let api: FakeApi
  beforeEach(() => {
    setActivePinia(createPinia())
    api = new FakeApi()
    setApiForTesting(api)
  })
  afterEach(() => setApiForTesting(null))

  it('shows the facts main reported', async () => {
    api.reply('app:diagnostics', () => ({ ok: true, value: view }))
    const wrapper = mount(DiagnosticsPage)
    await flushPromises()
    expect(wrapper.get('[data-testid=diag-version]').text()).toBe('Callback Console 1.2.3')
    expect(wrapper.get('[data-testid=diag-shell]').text()).toBe('Desktop app (Electron)')
    expect(wrapper.get('[data-testid=diag-electron]').text()).toBe('41.7.1')
    expect(wrapper.get('[data-testid=diag-secure-storage]').text()).toContain('Available')
    expect(wrapper.get('[data-testid=diag-data-dir]').text()).toBe(view.dataDir)
  })

  it('says plainly when main could not answer', async () => {
    api.reply('app:diagnostics', () => ({
      ok: false,
      error: { code: 'disconnected', message: 'Lost the connection to the console.' }
    }))
    const wrapper = mount(DiagnosticsPage)
    await flushPromises()
    expect(wrapper.get('[role=alert]').text()).toBe('Lost the connection to the console.')
    expect(wrapper.find('dl').exists()).toBe(false)
  })
})

describe('diagnostics store', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => setApiForTesting(null))

  it('returns the support summary or records the error', async () => {
    const api = new FakeApi().reply('app:support-summary', () => ({ ok: true, value: 'summary text' }))
    setApiForTesting(api)
    const store = useDiagnosticsStore()
    expect(await store.supportSummary()).toBe('summary text')
    api.reply('app:support-summary', () => ({ ok: false, error: { code: 'internal', message: 'Nope.' } }))
    expect(await store.supportSummary()).toBeNull()
    expect(store.error).toBe('Nope.')
  })
})
