import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, type PropType } from 'vue'
import type { CommandName } from '../../src-main/contract/names'
import type { HistoryExportView, HistoryReportView } from '../../src-main/contract/history-views'
import { buildHistoryReport, buildHistoryTable } from '../../src-main/core/history/history-report'
import { tableToCsv } from '../../src-main/core/history/csv'
import { setApiForTesting } from '../../src-renderer/api'
import type { HistoryChartOption } from '../../src-renderer/components/history/chart-options'
import { localDay, useHistoryStore } from '../../src-renderer/stores/history'
import HistoryPage from '../../src-renderer/views/HistoryPage.vue'
import { FakeApi } from '../helpers/fake-api'
import { daySource } from '../main/history/day-fixture'

const cmd = (name: string) => name as CommandName
const source = daySource({ runId: 'placeholder' })
const reportFor = (runId: string): HistoryReportView => buildHistoryReport({ ...source, runId })

/** Charts are drawn by ECharts in the browser (e2e); here the stub records the option each chart receives. */
const options = new Map<string, HistoryChartOption>()
const ChartStub = defineComponent({
  props: {
    option: { type: Object as PropType<HistoryChartOption>, required: true },
    label: { type: String, default: '' },
    testid: { type: String, default: '' }
  },
  setup(props) {
    return () => {
      options.set(props.testid, props.option)
      return h('figure', { 'data-testid': props.testid, 'aria-label': props.label })
    }
  }
})

function cellsOf(wrapper: VueWrapper, id: string): string[][] {
  return wrapper
    .get(`[data-testid=history-table-${id}]`)
    .findAll('tbody tr')
    .map((tr) => tr.findAll('td').map((td) => td.text()))
}

describe('History page', () => {
  let api: FakeApi
  let pending: ((value: unknown) => void) | null
  beforeEach(() => {
    setActivePinia(createPinia())
    api = new FakeApi()
    setApiForTesting(api)
    options.clear()
    pending = null
  })
  afterEach(() => setApiForTesting(null))

  const mountPage = () => mount(HistoryPage, { global: { stubs: { HistoryChart: ChartStub } } })
  const runReply = (make: (input: { runId: string }) => unknown) =>
    api.reply(cmd('history:run'), (input) => ({ ok: true, value: make(input as { runId: string }) }) as never)

  it('runs today on first visit, shows progress and cancels by run id', async () => {
    api.reply(cmd('history:run'), () => new Promise((resolve) => (pending = resolve)) as never)
    api.reply(cmd('history:cancel'), () => ({ ok: true, value: true }))
    const wrapper = mountPage()
    await flushPromises()
    const run = api.calls.find((c) => c.command === cmd('history:run'))!.input as Record<string, unknown>
    expect(run).toMatchObject({ from: localDay(Date.now()), to: localDay(Date.now()), toleranceMinutes: 5 })
    expect(run.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone)
    expect(wrapper.get('[data-testid=history-progress-message]').text()).toBe('Starting…')
    api.push('history:progress' as never, { runId: 'someone-else', phase: 'details', fraction: 0.9, message: 'Not mine' })
    api.push('history:progress' as never, {
      runId: run.runId,
      phase: 'details',
      fraction: 0.5,
      message: 'Reading callback details: 10 of 20'
    })
    await flushPromises()
    expect(wrapper.get('[data-testid=history-progress-message]').text()).toBe('Reading callback details: 10 of 20')
    expect(wrapper.get('progress').element.getAttribute('value')).toBe('0.5')
    await wrapper.get('[data-testid=history-cancel]').trigger('click')
    expect(api.calls.at(-1)).toEqual({ command: 'history:cancel', input: { runId: run.runId } })
    pending!({ ok: false, error: { code: 'cancelled', message: 'The history query was cancelled.' } })
    await flushPromises()
    expect(wrapper.find('[data-testid=history-progress]').exists()).toBe(false)
    expect(wrapper.get('[data-testid=history-cancelled]').text()).toMatch(/^Cancelled/)
    expect(wrapper.find('[role=alert]').exists()).toBe(false)
  })

  it('shows every chart with the table of rows behind it, as main computed them', async () => {
    runReply(({ runId }) => reportFor(runId))
    const wrapper = mountPage()
    await flushPromises()
    const report = useHistoryStore().report!
    expect(wrapper.get('[data-testid=history-totals]').text()).toMatch(
      /^2026-03-10: 12 callbacks requested · 5 connected · 1 declined/
    )
    for (const id of ['volumes', 'outcomes', 'punctuality', 'attempts', 'busiest'])
      expect(wrapper.find(`[data-testid=history-card-${id}]`).exists()).toBe(true)
    const text = (cells: readonly unknown[]) => cells.map((c) => (c === null ? '' : String(c)))
    expect(cellsOf(wrapper, 'outcomes')).toEqual(report.outcomes.table.rows.map((r) => text(r.cells)))
    expect(cellsOf(wrapper, 'punctuality')).toEqual(report.punctuality.table.rows.map((r) => text(r.cells)))
    expect(cellsOf(wrapper, 'volumes')).toEqual(report.volumes[30].table.rows.map((r) => text(r.cells)))
    const ids = wrapper
      .get('[data-testid=history-table-outcomes]')
      .findAll('tbody tr')
      .map((tr) => tr.attributes('data-conversation-id'))
    expect(ids).toEqual(report.outcomes.table.rows.map((r) => r.conversationId))
    expect(wrapper.get('[data-testid=history-punctuality-summary]').text()).toBe(
      '4 measured · early 25 % · on time 50 % · late 25 % (±5 min) · median +1 min'
    )
    expect(wrapper.get('[data-testid=history-notes]').findAll('li')).toHaveLength(2)
    // The charts draw the same numbers.
    const volumes = options.get('history-chart-volumes')!
    const connected = (volumes.series as { name: string; data: number[] }[]).find((s) => s.name === 'Connected')!
    expect(connected.data).toEqual(report.volumes[30].buckets.map((b) => b.counts.connected))
    // Switching the interval regroups without asking main again.
    await wrapper.get('[data-testid=history-interval-60]').setValue(true)
    expect(cellsOf(wrapper, 'volumes').map((r) => r[0])).toEqual(['2026-03-10 09:00', '2026-03-10 10:00', '2026-03-10 11:00'])
    expect(cellsOf(wrapper, 'busiest')[0]).toEqual(['1', '2026-03-10 09:00–10:00', '6', '4', '1', '0', '17.5', '25'])
    expect(api.calls.filter((c) => c.command === cmd('history:run'))).toHaveLength(1)
  })

  it('exports a table as CSV, masked unless full numbers are ticked', async () => {
    runReply(({ runId }) => reportFor(runId))
    const exports: unknown[] = []
    api.reply(cmd('history:export'), (input) => {
      exports.push(input)
      const i = input as { table: 'outcomes'; fullNumbers: boolean }
      const table = buildHistoryTable(source, i.table, 30, i.fullNumbers ? 'full' : 'masked')
      const value: HistoryExportView = {
        fileName: `x-${i.fullNumbers}.csv`,
        csv: tableToCsv(table, { bom: true }),
        rows: table.rows.length,
        fullNumbers: i.fullNumbers
      }
      return { ok: true, value } as never
    })
    const blobs: Blob[] = []
    const clicked: string[] = []
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => (blobs.push(b as Blob), `blob:${blobs.length}`))
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined)
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download)
    })
    const wrapper = mountPage()
    await flushPromises()
    expect(wrapper.find('[data-testid=history-table-volumes-full-numbers]').exists()).toBe(false)
    await wrapper.get('[data-testid=history-table-outcomes-export]').trigger('click')
    await flushPromises()
    await wrapper.get('[data-testid=history-table-outcomes-full-numbers]').setValue(true)
    await wrapper.get('[data-testid=history-table-outcomes-export]').trigger('click')
    await flushPromises()
    const runId = useHistoryStore().report!.runId
    expect(exports).toEqual([
      { runId, table: 'outcomes', intervalMinutes: 30, fullNumbers: false },
      { runId, table: 'outcomes', intervalMinutes: 30, fullNumbers: true }
    ])
    expect(clicked).toEqual(['x-false.csv', 'x-true.csv'])
    const [masked, full] = await Promise.all(blobs.map((b) => b.text()))
    expect(masked).toContain('•••• 0007')
    expect(masked).not.toContain('+442079460007')
    expect(full).toContain('+442079460007')
    vi.restoreAllMocks()
  })

  it('says plainly when main could not build the report', async () => {
    api.reply(cmd('history:run'), () => ({
      ok: false,
      error: { code: 'forbidden', message: 'Could not read the callback history. Missing permission.' }
    }))
    const wrapper = mountPage()
    await flushPromises()
    expect(wrapper.get('[data-testid=history-error]').text()).toBe('Could not read the callback history. Missing permission.')
    expect(wrapper.find('[data-testid=history-totals]').exists()).toBe(false)
  })
})
