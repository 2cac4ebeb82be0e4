import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { setApiForTesting } from '../../src-renderer/api'
import App from '../../src-renderer/App.vue'
import { createAppRouter } from '../../src-renderer/router'
import { FakeApi } from '../helpers/fake-api'
import { makeRow, session, SIGNED_OUT, snapshot, stubLayout } from './support/fixtures'
import { PROFILE } from './support/mount-board'

describe('App: connect screen, profile, board, expiry', () => {
  let api: FakeApi
  let wrapper: VueWrapper
  let undo: () => void
  beforeEach(() => {
    localStorage.clear()
    undo = stubLayout()
    api = new FakeApi()
      .reply('session:regions', () => ({ ok: true, value: [] }))
      .reply('board:snapshot', () => ({ ok: true, value: snapshot([makeRow('a-1')]) }))
      .reply('profile:candidates', () => ({
        ok: true,
        value: {
          queues: [
            { id: 'hq-1', name: 'Callbacks holding' },
            { id: 'tq-1', name: 'Support' }
          ],
          campaigns: [{ id: 'camp-1', name: 'Callback dialer' }],
          contactLists: [{ id: 'cl-1', name: 'Callback contacts' }],
          suggested: PROFILE
        }
      }))
    setApiForTesting(api)
  })
  afterEach(() => {
    wrapper?.unmount()
    undo()
    setApiForTesting(null)
  })

  async function mountApp() {
    const pinia = createPinia()
    setActivePinia(pinia)
    const router = createAppRouter()
    await router.push('/board')
    wrapper = mount(App, { global: { plugins: [pinia, router] } })
    await router.isReady()
    await flushPromises()
  }

  it('shows the connect screen while signed out, then the board once connected with a profile', async () => {
    api.reply('session:get', () => ({ ok: true, value: SIGNED_OUT }))
    api.reply('profile:get', () => ({ ok: true, value: PROFILE }))
    await mountApp()
    expect(wrapper.find('[data-testid=connect-demo]').exists()).toBe(true)
    expect(wrapper.find('nav').exists()).toBe(true)
    api.reply('session:connect-demo', () => ({ ok: true, value: session() }))
    await wrapper.get('[data-testid=connect-demo]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid=connect-demo]').exists()).toBe(false)
    expect(wrapper.find('[data-conversation-id="a-1"]').exists()).toBe(true)
    expect(wrapper.get('[data-testid=session-bar]').text()).toContain('Demo org')
  })

  it('asks for a deployment profile when signed in without one, pre-filled from the suggestion', async () => {
    api.reply('session:get', () => ({ ok: true, value: session() }))
    api.reply('profile:get', () => ({ ok: true, value: null }))
    api.reply('profile:save', (input) => ({ ok: true, value: input as typeof PROFILE }))
    await mountApp()
    expect(wrapper.text()).toContain('What should this console watch?')
    expect(wrapper.find('[data-testid=suggested-note]').exists()).toBe(true)
    expect((wrapper.get('#target-tq-1').element as HTMLInputElement).checked).toBe(true)
    await wrapper.get('[data-testid=save-profile]').trigger('click')
    await flushPromises()
    expect(api.calls.find((c) => c.command === 'profile:save')?.input).toEqual(PROFILE)
    expect(wrapper.find('[data-conversation-id="a-1"]').exists()).toBe(true)
  })

  it('warns before the session lapses and re-authenticates without losing the board', async () => {
    api.reply('session:get', () => ({ ok: true, value: session() }))
    api.reply('profile:get', () => ({ ok: true, value: PROFILE }))
    await mountApp()
    api.push('session:changed', session({ state: 'expiring', expiresAt: new Date(Date.now() + 4 * 60_000).toISOString() }))
    await flushPromises()
    expect(wrapper.get('[data-testid=session-banner]').text()).toContain('Sign in again before it lapses')
    expect(wrapper.find('[data-conversation-id="a-1"]').exists()).toBe(true)
    api.reply('session:connect-demo', () => {
      api.push('session:changed', session({ state: 'signing-in' }))
      return { ok: true, value: session() }
    })
    await wrapper.get('[data-testid=reauth]').trigger('click')
    await flushPromises()
    expect(api.calls.filter((c) => c.command === 'board:snapshot')).toHaveLength(1)
    expect(wrapper.find('[data-testid=session-banner]').exists()).toBe(false)
    expect(wrapper.find('[data-conversation-id="a-1"]').exists()).toBe(true)
  })

  it('signs out back to the connect screen and forgets the board', async () => {
    api.reply('session:get', () => ({ ok: true, value: session() }))
    api.reply('profile:get', () => ({ ok: true, value: PROFILE }))
    api.reply('session:sign-out', () => ({ ok: true, value: SIGNED_OUT }))
    await mountApp()
    await wrapper.get('[data-testid=sign-out]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-testid=connect-demo]').exists()).toBe(true)
    api.push('board:changed', { upserts: [makeRow('late')], removals: [], kpis: null })
    await flushPromises()
    expect(wrapper.find('[data-conversation-id]').exists()).toBe(false)
  })

  it('keeps Diagnostics reachable while signed out', async () => {
    api.reply('session:get', () => ({ ok: true, value: SIGNED_OUT }))
    api.reply('app:diagnostics', () => ({ ok: false, error: { code: 'x', message: 'n/a' } }))
    const pinia = createPinia()
    setActivePinia(pinia)
    const router = createAppRouter()
    await router.push('/diagnostics')
    wrapper = mount(App, { global: { plugins: [pinia, router] } })
    await flushPromises()
    expect(wrapper.find('[data-testid=connect-demo]').exists()).toBe(false)
    expect(wrapper.text()).toContain('Diagnostics')
  })
})
