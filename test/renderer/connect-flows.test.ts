import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SessionView } from '../../src-main/contract/live-views'
import type { Result } from '../../src-main/contract/result'
import { setApiForTesting } from '../../src-renderer/api'
import ConnectScreen from '../../src-renderer/components/ConnectScreen.vue'
import { useSessionStore } from '../../src-renderer/stores/session'
import { FakeApi } from '../helpers/fake-api'
import { session, setSparkValue, SIGNED_OUT } from './support/fixtures'

const REGIONS = [
  { id: 'us_east_1', label: 'Americas (US East)', host: 'mypurecloud.com' },
  { id: 'eu_west_1', label: 'EMEA (Dublin)', host: 'mypurecloud.ie' }
]

describe('Connect screen', () => {
  let api: FakeApi
  let wrapper: VueWrapper
  beforeEach(() => {
    localStorage.clear()
    api = new FakeApi().reply('session:regions', () => ({ ok: true, value: REGIONS }))
    setApiForTesting(api)
  })
  afterEach(() => {
    wrapper?.unmount()
    setApiForTesting(null)
  })

  async function mountWith(view: SessionView = SIGNED_OUT) {
    const pinia = createPinia()
    setActivePinia(pinia)
    api.reply('session:get', () => ({ ok: true, value: view }))
    await useSessionStore().load()
    wrapper = mount(ConnectScreen, { global: { plugins: [pinia] } })
    await flushPromises()
  }

  it('opens the demo org in one click', async () => {
    await mountWith()
    api.reply('session:connect-demo', () => ({ ok: true, value: session() }))
    await wrapper.get('[data-testid=connect-demo]').trigger('click')
    await flushPromises()
    expect(api.calls.map((c) => c.command)).toContain('session:connect-demo')
  })

  it('signs in to Genesys Cloud in the browser with the chosen region and client id, showing a busy state', async () => {
    await mountWith()
    let finish: (r: Result<SessionView>) => void = () => {}
    api.reply('session:sign-in', () => new Promise((resolve) => (finish = resolve)))
    setSparkValue(wrapper.get('[data-testid=region]').element, 'eu_west_1')
    await wrapper.get('[data-testid=client-id]').setValue('  abc-123  ')
    await wrapper.get('[data-testid=sign-in]').trigger('click')
    await flushPromises()
    expect(api.calls.find((c) => c.command === 'session:sign-in')?.input).toEqual({
      method: 'pkce',
      regionId: 'eu_west_1',
      clientId: 'abc-123'
    })
    expect(wrapper.get('[role=status]').text()).toContain('Finish signing in in the browser')
    expect(wrapper.get('[data-testid=sign-in]').attributes('disabled')).toBeDefined()
    finish({
      ok: false,
      error: { code: 'state-mismatch', message: 'The sign-in did not come back from Genesys Cloud. Try again.' }
    })
    await flushPromises()
    expect(wrapper.get('[data-testid=sign-in-error]').text()).toBe('The sign-in did not come back from Genesys Cloud. Try again.')
    expect(JSON.parse(localStorage.getItem('cc.lastSignIn') ?? 'null')).toBeNull()
  })

  it('lets the user give up a browser sign-in that never comes back, quietly', async () => {
    await mountWith()
    let finish: (r: Result<SessionView>) => void = () => {}
    api.reply('session:sign-in', () => new Promise((resolve) => (finish = resolve)))
    api.reply('session:cancel-sign-in', () => {
      finish({ ok: false, error: { code: 'cancelled', message: 'Sign-in was cancelled.' } })
      return { ok: true, value: SIGNED_OUT }
    })
    await wrapper.get('[data-testid=client-id]').setValue('abc-123')
    await wrapper.get('[data-testid=sign-in]').trigger('click')
    await flushPromises()
    await wrapper.get('[data-testid=cancel-sign-in]').trigger('click')
    await flushPromises()
    expect(api.calls.map((c) => c.command)).toContain('session:cancel-sign-in')
    expect(wrapper.find('[data-testid=cancel-sign-in]').exists()).toBe(false)
    expect(wrapper.find('[data-testid=sign-in-error]').exists()).toBe(false)
    expect(wrapper.get('[data-testid=sign-in]').attributes('disabled')).toBe('false')
  })

  it('explains missing fields plainly before calling main', async () => {
    await mountWith()
    await wrapper.get('[data-testid=sign-in]').trigger('click')
    expect(wrapper.get('[data-testid=sign-in-error]').text()).toBe('Enter the OAuth client id your administrator gave you.')
    expect(api.calls.some((c) => c.command === 'session:sign-in')).toBe(false)
  })

  it('offers client credentials with a secret, a remember option and its warning', async () => {
    await mountWith()
    api.reply('session:sign-in', () => ({ ok: true, value: session({ target: 'genesys', method: 'client-credentials' }) }))
    await wrapper.get('#method-cc').setValue(true)
    expect(wrapper.get('[data-testid=remember-warning]').text()).toContain('Anyone who can use this computer account')
    await wrapper.get('[data-testid=client-id]').setValue('wallboard-client')
    await wrapper.get('[data-testid=client-secret]').setValue('s3cret')
    await wrapper.get('[data-testid=remember]').setValue(true)
    await wrapper.get('[data-testid=sign-in]').trigger('click')
    await flushPromises()
    expect(api.calls.find((c) => c.command === 'session:sign-in')?.input).toEqual({
      method: 'client-credentials',
      regionId: 'us_east_1',
      clientId: 'wallboard-client',
      clientSecret: 's3cret',
      remember: true
    })
    expect(localStorage.getItem('cc.lastSignIn')).not.toContain('s3cret')
    expect((wrapper.get('[data-testid=client-secret]').element as HTMLInputElement).value).toBe('')
  })

  it('says when this computer has no secure storage, and does not offer to remember', async () => {
    await mountWith({ ...SIGNED_OUT, secureStorage: false })
    await wrapper.get('#method-cc').setValue(true)
    expect(wrapper.get('[data-testid=no-secure-storage]').text()).toContain('kept in memory only')
    expect(wrapper.get('[data-testid=remember]').attributes('disabled')).toBeDefined()
  })
})
