import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AuditRecord } from '../../src-main/contract/live-views'
import { setApiForTesting } from '../../src-renderer/api'
import { useAlertsStore } from '../../src-renderer/stores/alerts'
import { useNoticesStore } from '../../src-renderer/stores/notices'
import { useSettingsStore } from '../../src-renderer/stores/settings'
import AuditPage from '../../src-renderer/views/AuditPage.vue'
import WallboardPage from '../../src-renderer/views/WallboardPage.vue'
import { FakeApi } from '../helpers/fake-api'
import { makeRow, NOW } from './support/fixtures'
import { mountWithBoard, type MountedBoard } from './support/mount-board'

describe('Wallboard', () => {
  let m: MountedBoard
  afterEach(() => m?.cleanup())

  it('shows large KPIs and the next callbacks due, read-only', async () => {
    const rows = [
      makeRow('w-1', { name: 'Later' }, 30),
      makeRow('w-2', { name: 'Soonest' }, 2),
      makeRow('w-3', { name: 'Already Dispatched', state: 'dispatched' }, 1),
      ...Array.from({ length: 12 }, (_, i) => makeRow(`w-x${i}`, {}, 60 + i))
    ]
    m = await mountWithBoard(WallboardPage, rows)
    const next = m.wrapper.get('[data-testid=wallboard-next]').findAll('li')
    expect(next).toHaveLength(8)
    expect(next[0]!.text()).toContain('Soonest')
    expect(next[1]!.text()).toContain('Later')
    expect(m.wrapper.get('[data-testid=wallboard-next]').text()).not.toContain('Already Dispatched')
    expect(m.wrapper.get('[data-kpi=waiting]').text()).toContain('15')
    const buttons = m.wrapper.findAll('button, gux-button').map((b) => b.text())
    expect(buttons).toEqual(['Full screen'])
    expect(m.wrapper.find('input').exists()).toBe(false)
    expect(m.wrapper.text()).not.toMatch(/Reveal|Cancel callback|Reschedule|Call now/)
  })
})

describe('Audit page', () => {
  afterEach(() => setApiForTesting(null))

  it('lists today’s actions: who, what, when, why, masked number, result', async () => {
    const record = (patch: Partial<AuditRecord>): AuditRecord => ({
      id: 'r',
      at: new Date(NOW).toISOString(),
      actor: { kind: 'user', id: 'u1', name: 'Dana Lead' },
      action: 'cancel',
      conversationId: 'c-1',
      maskedNumber: '•••• 0123',
      reason: 'Duplicate request',
      result: 'ok',
      detail: null,
      batchId: null,
      ...patch
    })
    const api = new FakeApi().reply('audit:list', () => ({
      ok: true,
      value: [
        record({ id: 'r1' }),
        record({
          id: 'r2',
          at: new Date(NOW + 60_000).toISOString(),
          action: 'call-now',
          result: 'conflict',
          reason: null,
          detail: 'Already dispatched by Sam at 10:00'
        })
      ]
    }))
    setApiForTesting(api)
    const pinia = createPinia()
    setActivePinia(pinia)
    const wrapper = mount(AuditPage, { global: { plugins: [pinia] } })
    await flushPromises()
    expect(api.calls[0]).toEqual({ command: 'audit:list', input: {} })
    const rows = wrapper.findAll('tbody tr')
    expect(rows).toHaveLength(2)
    expect(rows[0]!.text()).toContain('Called now')
    expect(rows[0]!.text()).toContain('Conflict — Already dispatched by Sam at 10:00')
    expect(rows[1]!.text()).toContain('Dana Lead')
    expect(rows[1]!.text()).toContain('Cancelled')
    expect(rows[1]!.text()).toContain('•••• 0123')
    expect(rows[1]!.text()).toContain('Duplicate request')
    wrapper.unmount()
  })
})

describe('Alerts', () => {
  let api: FakeApi
  beforeEach(() => {
    localStorage.clear()
    setActivePinia(createPinia())
    api = new FakeApi()
    setApiForTesting(api)
  })
  afterEach(() => setApiForTesting(null))

  it('turns main’s alerts into in-app toasts (once per alert)', () => {
    const alerts = useAlertsStore()
    alerts.start()
    const alert = {
      id: 'al-1',
      kind: 'overdue' as const,
      message: '3 callbacks are overdue by more than 2 minutes.',
      at: new Date(NOW).toISOString()
    }
    api.push('alerts:raised', alert)
    api.push('alerts:raised', alert)
    expect(useNoticesStore().toasts.map((t) => t.message)).toEqual(['3 callbacks are overdue by more than 2 minutes.'])
  })

  it('raises the backlog alert once when waiting first goes over the user’s threshold, and re-arms below it', () => {
    const settings = useSettingsStore()
    settings.backlogThreshold = 10
    const alerts = useAlertsStore()
    for (const waiting of [5, 11, 12, 15]) alerts.checkBacklog(waiting, settings.backlogThreshold)
    expect(useNoticesStore().toasts.filter((t) => t.message.startsWith('Backlog alert'))).toHaveLength(1)
    alerts.checkBacklog(9, 10)
    alerts.checkBacklog(20, 10)
    expect(useNoticesStore().toasts.filter((t) => t.message.startsWith('Backlog alert'))).toHaveLength(2)
  })

  it('keeps the threshold and callable hours in localStorage', async () => {
    const settings = useSettingsStore()
    settings.backlogThreshold = 25
    settings.callableHours = { start: '09:00', end: '18:00' }
    await flushPromises()
    setActivePinia(createPinia())
    const again = useSettingsStore()
    expect(again.backlogThreshold).toBe(25)
    expect(again.callableHours).toEqual({ start: '09:00', end: '18:00' })
  })
})
