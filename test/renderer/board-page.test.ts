import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import BoardPage from '../../src-renderer/views/BoardPage.vue'
import { useBoardViewStore } from '../../src-renderer/stores/board-view'
import { makeRow, NOW, MIN } from './support/fixtures'
import { mountWithBoard, type MountedBoard } from './support/mount-board'

const ROWS = [
  makeRow('c-1', { name: 'Ana Silva', maskedNumber: '•••• 0123' }, 10),
  makeRow('c-2', { name: 'Bo Chen', maskedNumber: '•••• 4567', queueId: 'hq-2' }, 3),
  makeRow('c-3', { name: 'Cy Dial', maskedNumber: '•••• 8901', state: 'dispatched', attempts: 1 }, -1),
  makeRow('c-4', { name: 'Di Gone', maskedNumber: '•••• 2222', state: 'cancelled' }, 30)
]

describe('Board page', () => {
  let m: MountedBoard
  afterEach(() => m?.cleanup())

  const rowIds = () => m.wrapper.findAll('[role=row][data-conversation-id]').map((r) => r.attributes('data-conversation-id'))

  it('renders one row element per callback with data-conversation-id, sorted by due time', async () => {
    m = await mountWithBoard(BoardPage, ROWS)
    expect(rowIds()).toEqual(['c-3', 'c-2', 'c-1'])
    const first = m.wrapper.get('[data-conversation-id="c-2"]')
    expect(first.get('[data-testid=row-number]').text()).toBe('•••• 4567')
    expect(first.get('[data-testid=row-name]').text()).toBe('Bo Chen')
    expect(first.get('[data-testid=row-state]').text()).toBe('Waiting')
    expect(m.wrapper.get('[data-conversation-id="c-3"] [data-testid=row-state]').text()).toBe('Dialling')
    expect(m.wrapper.get('[data-kpi=waiting]').text()).toContain('4')
  })

  it('filters by state and queue, searches by name or digits, and sorts by a column', async () => {
    m = await mountWithBoard(BoardPage, ROWS)
    await m.wrapper.get('[data-testid=state-filter]').setValue('all')
    expect(rowIds()).toEqual(['c-3', 'c-2', 'c-1', 'c-4'])
    await m.wrapper.get('[data-testid=queue-filter]').setValue('hq-2')
    expect(rowIds()).toEqual(['c-2'])
    await m.wrapper.get('[data-testid=queue-filter]').setValue('all')
    await m.wrapper.get('[data-testid=board-search]').setValue('silva')
    expect(rowIds()).toEqual(['c-1'])
    await m.wrapper.get('[data-testid=board-search]').setValue('8901')
    expect(rowIds()).toEqual(['c-3'])
    await m.wrapper.get('[data-testid=board-search]').setValue('')
    await m.wrapper.get('[data-testid=sort-name]').trigger('click')
    expect(rowIds()).toEqual(['c-1', 'c-2', 'c-3', 'c-4'])
    await m.wrapper.get('[data-testid=sort-name]').trigger('click')
    expect(rowIds()).toEqual(['c-4', 'c-3', 'c-2', 'c-1'])
  })

  it('applies live diffs to the rows on screen', async () => {
    m = await mountWithBoard(BoardPage, ROWS)
    m.api.push('board:changed', { upserts: [makeRow('c-9', { name: 'New Caller' }, 1)], removals: ['c-2'], kpis: { waiting: 4 } })
    await flushPromises()
    expect(rowIds()).toEqual(['c-3', 'c-9', 'c-1'])
    const cell = () => m.wrapper.get('[data-conversation-id="c-1"] [data-testid=row-attempts]').text()
    expect(cell()).toBe('0')
    m.api.push('board:changed', {
      upserts: [makeRow('c-1', { name: 'Ana Silva', attempts: 2, lastOutcome: 'busy', eventTimeMs: NOW })],
      removals: [],
      kpis: null
    })
    await flushPromises()
    expect(cell()).toBe('2')
    expect(m.wrapper.get('[data-conversation-id="c-1"] [data-testid=row-outcome]').text()).toBe('Busy')
  })

  it('explains an empty board, and an empty result of filters with a way out', async () => {
    m = await mountWithBoard(BoardPage, [])
    expect(m.wrapper.find('[role=grid]').exists()).toBe(false)
    expect(m.wrapper.get('[data-testid=empty-state]').text()).toContain('No callbacks are waiting')
    expect(m.wrapper.get('[data-testid=empty-state]').text()).toContain('Callbacks holding')
    m.cleanup()

    m = await mountWithBoard(BoardPage, ROWS)
    await m.wrapper.get('[data-testid=board-search]').setValue('nobody by this name')
    const empty = m.wrapper.get('[data-testid=empty-state]')
    expect(empty.text()).toContain('No callbacks match these filters')
    await empty.get('[data-testid=clear-filters]').trigger('click')
    expect(rowIds()).toHaveLength(3)
  })

  it('multi-selects and bulk-cancels; the dialog says dispatched contacts become uncallable', async () => {
    m = await mountWithBoard(BoardPage, ROWS)
    m.api.reply('callbacks:cancel', (input) => ({
      ok: true,
      value: (input as { ids: string[] }).ids.map((id) => ({ id, ok: true, code: null, message: 'Cancelled.' }))
    }))
    const boxes = m.wrapper.findAll('[data-testid=row-select]')
    await boxes[0]!.trigger('click')
    await boxes[1]!.trigger('click')
    expect(m.wrapper.get('[data-testid=selection-count]').text()).toBe('2 selected')
    await m.wrapper.get('[data-testid=bulk-cancel]').trigger('click')
    const dialog = m.wrapper.get('[data-testid=cancel-dialog]')
    expect(dialog.text()).toContain('Cancel 2 callbacks?')
    expect(dialog.get('[data-testid=dispatched-warning]').text()).toContain('1 of them is already being dialled')
    expect(dialog.get('[data-testid=dispatched-warning]').text()).toContain('uncallable')
    await dialog.get('[data-testid=cancel-reason]').setValue('Duplicate request')
    await dialog.get('[data-testid=cancel-confirm]').trigger('click')
    await flushPromises()
    const call = m.api.calls.find((c) => c.command === 'callbacks:cancel')
    expect(call?.input).toEqual({ ids: ['c-3', 'c-2'], reason: 'Duplicate request' })
    expect(m.wrapper.find('[data-testid=cancel-dialog]').exists()).toBe(false)
    expect(rowIds()).toEqual(['c-1'])
  })

  it('asks for a note when the reason is “Other”', async () => {
    m = await mountWithBoard(BoardPage, ROWS)
    useBoardViewStore().activeId = 'c-1'
    await m.wrapper.get('section.board').trigger('keydown', { key: 'c' })
    const dialog = m.wrapper.get('[data-testid=cancel-dialog]')
    expect(dialog.text()).toContain('Cancel this callback?')
    expect(dialog.find('[data-testid=dispatched-warning]').exists()).toBe(false)
    await dialog.get('[data-testid=cancel-reason]').setValue('Other')
    await dialog.get('[data-testid=cancel-confirm]').trigger('click')
    expect(dialog.get('[data-testid=cancel-problem]').text()).toContain('Say why in the note')
    expect(m.api.calls.some((c) => c.command === 'callbacks:cancel')).toBe(false)
  })

  it('reveals a number on request (main audits it) and masks it again', async () => {
    m = await mountWithBoard(BoardPage, ROWS)
    m.api.reply('callbacks:reveal-number', () => ({ ok: true, value: '+44 20 7946 0123' }))
    const row = () => m.wrapper.get('[data-conversation-id="c-1"]')
    await row().get('[data-testid=reveal]').trigger('click')
    await flushPromises()
    expect(m.api.calls.find((c) => c.command === 'callbacks:reveal-number')?.input).toEqual({ id: 'c-1' })
    expect(row().get('[data-testid=row-number]').text()).toBe('+44 20 7946 0123')
    await row().get('[data-testid=hide]').trigger('click')
    expect(row().get('[data-testid=row-number]').text()).toBe('•••• 0123')
  })

  it('opens the detail drawer with the timeline, and acts from it', async () => {
    m = await mountWithBoard(BoardPage, ROWS)
    m.api.reply('callbacks:timeline', () => ({
      ok: true,
      value: [
        { at: new Date(NOW - 5 * MIN).toISOString(), label: 'Requested', detail: 'Promised 15 min', actor: null },
        { at: new Date(NOW - MIN).toISOString(), label: 'Rescheduled', detail: 'due 10:05 → 10:10', actor: 'Dana Lead' }
      ]
    }))
    await m.wrapper.get('[data-conversation-id="c-1"]').trigger('click')
    await flushPromises()
    const drawer = m.wrapper.get('[data-testid=detail-drawer]')
    expect(drawer.get('h2').text()).toBe('Ana Silva')
    expect(drawer.get('[data-testid=timeline]').text()).toContain('Rescheduled')
    expect(drawer.get('[data-testid=timeline]').text()).toContain('by Dana Lead')
    await drawer.get('[data-testid=drawer-reschedule]').trigger('click')
    expect(m.wrapper.find('[data-testid=reschedule-dialog]').exists()).toBe(true)
  })
})
