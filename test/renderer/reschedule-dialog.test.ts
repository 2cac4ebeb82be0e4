import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { setApiForTesting } from '../../src-renderer/api'
import { toLocalDate } from '../../src-renderer/board/time-format'
import RescheduleDialog from '../../src-renderer/components/board/RescheduleDialog.vue'
import { useBoardStore } from '../../src-renderer/stores/board'
import { FakeApi } from '../helpers/fake-api'
import { makeRow, MIN, NOW, setSparkValue, snapshot } from './support/fixtures'

describe('Reschedule dialog', () => {
  let api: FakeApi
  let wrapper: VueWrapper
  const rows = [makeRow('r-1', {}, 10), makeRow('r-2', {}, 40)]

  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
    const pinia = createPinia()
    setActivePinia(pinia)
    api = new FakeApi()
      .reply('board:snapshot', () => ({ ok: true, value: snapshot(rows) }))
      .reply('callbacks:reschedule', (input) => ({
        ok: true,
        value: (input as { ids: string[] }).ids.map((id) => ({ id, ok: true, code: null, message: 'ok' }))
      }))
    setApiForTesting(api)
    useBoardStore().start()
    await flushPromises()
  })
  afterEach(() => {
    wrapper?.unmount()
    setApiForTesting(null)
    vi.useRealTimers()
  })

  const open = (which = [rows[0]!], hours?: { start: string; end: string }) => {
    wrapper = mount(RescheduleDialog, { props: { rows: which, ...(hours ? { hours } : {}) } })
  }
  const confirm = async () => {
    await wrapper.get('[data-testid=reschedule-confirm]').trigger('click')
    await flushPromises()
  }

  it('refuses a time in the past with a plain message and sends nothing', async () => {
    open()
    setSparkValue(wrapper.get('[data-testid=reschedule-date]').element, toLocalDate(NOW))
    setSparkValue(wrapper.get('[data-testid=reschedule-time]').element, '09:30')
    await flushPromises()
    expect(wrapper.get('[data-testid=reschedule-error]').text()).toBe('That time has already passed. Choose a time after 10:00.')
    expect(wrapper.get('[data-testid=reschedule-confirm]').attributes('disabled')).toBeDefined()
    await confirm()
    expect(api.calls.some((c) => c.command === 'callbacks:reschedule')).toBe(false)
  })

  it('warns outside the callable hours (a prop) but lets it go ahead', async () => {
    open([rows[0]!], { start: '09:00', end: '10:30' })
    setSparkValue(wrapper.get('[data-testid=reschedule-time]').element, '11:00')
    await flushPromises()
    expect(wrapper.find('[data-testid=reschedule-error]').exists()).toBe(false)
    expect(wrapper.get('[data-testid=reschedule-warning]').text()).toContain(
      'outside the campaign’s callable hours (09:00–10:30)'
    )
    await confirm()
    const at = new Date(NOW + 60 * MIN).toISOString()
    expect(api.calls.find((c) => c.command === 'callbacks:reschedule')?.input).toEqual({ ids: ['r-1'], dueAt: at })
    expect(wrapper.emitted('close')).toBeTruthy()
  })

  it('sets the time from a preset relative to now', async () => {
    open()
    await wrapper.get('[data-testid=preset-30]').trigger('click')
    await confirm()
    expect(api.calls.find((c) => c.command === 'callbacks:reschedule')?.input).toEqual({
      ids: ['r-1'],
      dueAt: new Date(NOW + 30 * MIN).toISOString()
    })
  })

  it('shifts several callbacks by N minutes, refusing a shift into the past', async () => {
    open(rows)
    expect(wrapper.get('[data-testid=mode-shift]').element).toHaveProperty('checked', true)
    await wrapper.get('[data-testid=shift-minutes]').setValue('-20')
    expect(wrapper.get('[data-testid=reschedule-error]').text()).toContain('1 of the 2 callbacks would be due in the past')
    await wrapper.get('[data-testid=preset-15]').trigger('click')
    expect(wrapper.find('[data-testid=reschedule-error]').exists()).toBe(false)
    await confirm()
    expect(api.calls.find((c) => c.command === 'callbacks:reschedule')?.input).toEqual({ ids: ['r-1', 'r-2'], shiftMinutes: 15 })
  })

  it('leaves callbacks that are not waiting out and says so', () => {
    open([rows[0]!, makeRow('r-3', { state: 'dispatched' })])
    expect(wrapper.get('[data-testid=skipped-note]').text()).toContain('1 of the chosen callbacks is not waiting')
    expect(wrapper.text()).toContain('Reschedule the callback')
  })
})
