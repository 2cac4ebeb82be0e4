import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { setApiForTesting } from '../../src-renderer/api'
import App from '../../src-renderer/App.vue'
import { createAppRouter, routes } from '../../src-renderer/router'
import { useNoticesStore } from '../../src-renderer/stores/notices'
import { FakeApi } from '../helpers/fake-api'

describe('app frame', () => {
  let api: FakeApi
  beforeEach(() => {
    setActivePinia(createPinia())
    api = new FakeApi()
    setApiForTesting(api)
  })
  afterEach(() => setApiForTesting(null))

  it('links only to routes that exist and shows main’s notices as toasts', async () => {
    const router = createAppRouter()
    const pinia = createPinia()
    setActivePinia(pinia)
    const wrapper = mount(App, { global: { plugins: [pinia, router] } })
    await router.isReady()
    await flushPromises()
    const links = wrapper.findAll('nav a').map((a) => a.text())
    expect(links).toEqual(routes.filter((r) => r.meta?.title).map((r) => r.meta!.title))
    api.push('app:notice', { level: 'warning', message: 'Running in web mode.' })
    await flushPromises()
    expect(wrapper.text()).toContain('Running in web mode.')
  })
})

describe('notices store', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('auto-dismisses info but keeps errors until closed', () => {
    vi.useFakeTimers()
    const store = useNoticesStore()
    store.push({ level: 'info', message: 'saved' })
    const errorId = store.push({ level: 'error', message: 'failed' })
    vi.advanceTimersByTime(10_000)
    expect(store.toasts.map((t) => t.message)).toEqual(['failed'])
    store.dismiss(errorId)
    expect(store.toasts).toEqual([])
    vi.useRealTimers()
  })
})
