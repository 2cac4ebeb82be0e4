import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import { BOARD_SHORTCUTS } from '../../src-renderer/board/shortcuts'
import BoardPage from '../../src-renderer/views/BoardPage.vue'
import { makeRow } from './support/fixtures'
import { mountWithBoard, type MountedBoard } from './support/mount-board'

const ROWS = [makeRow('k-1', {}, 5), makeRow('k-2', {}, 10), makeRow('k-3', {}, 15)]

describe('Board keyboard', () => {
  let m: MountedBoard
  afterEach(() => m?.cleanup())

  const grid = () => m.wrapper.get('[role=grid]')
  const press = async (key: string, extra: Record<string, unknown> = {}) => {
    await grid().trigger('keydown', { key, ...extra })
    await flushPromises()
  }
  const active = () => grid().attributes('aria-activedescendant')

  it('moves between rows with the arrows, shows which is active, and opens details with Enter', async () => {
    m = await mountWithBoard(BoardPage, ROWS)
    m.api.reply('callbacks:timeline', () => ({ ok: true, value: [] }))
    expect(grid().attributes('tabindex')).toBe('0')
    await grid().trigger('focus')
    expect(active()).toBe('cb-row-k-1')
    await press('ArrowDown')
    await press('ArrowDown')
    expect(active()).toBe('cb-row-k-3')
    await press('ArrowDown')
    expect(active()).toBe('cb-row-k-3')
    await press('Home')
    expect(active()).toBe('cb-row-k-1')
    await press('End')
    expect(m.wrapper.get('#cb-row-k-3').classes()).toContain('active')
    await press('Enter')
    expect(m.wrapper.get('[data-testid=detail-drawer] h2').text()).toBe('Caller k-3')
  })

  it('selects with Space, extends with Shift+arrow, selects all with Ctrl+A, clears with Esc', async () => {
    m = await mountWithBoard(BoardPage, ROWS)
    await grid().trigger('focus')
    await press(' ')
    expect(m.wrapper.get('#cb-row-k-1').attributes('aria-selected')).toBe('true')
    await press('ArrowDown', { shiftKey: true })
    expect(m.wrapper.get('[data-testid=selection-count]').text()).toBe('2 selected')
    await press('Escape')
    expect(m.wrapper.get('[data-testid=selection-count]').text()).toBe('3 of 3 shown')
    await press('a', { ctrlKey: true })
    expect(m.wrapper.get('[data-testid=selection-count]').text()).toBe('3 selected')
  })

  it('triggers each action from the keyboard on the active row (or the selection)', async () => {
    m = await mountWithBoard(BoardPage, ROWS)
    await grid().trigger('focus')
    await press('ArrowDown')
    await press('n')
    expect(m.wrapper.get('[data-testid=call-now-dialog]').text()).toContain('Caller k-2')
    await m.wrapper.get('[data-testid=call-now-keep]').trigger('click')
    await press('r')
    expect(m.wrapper.find('[data-testid=reschedule-dialog]').exists()).toBe(true)
    await m.wrapper.get('[data-testid=reschedule-keep]').trigger('click')
    await press(' ')
    await press('ArrowDown')
    await press(' ')
    await press('c')
    expect(m.wrapper.get('[data-testid=cancel-dialog]').text()).toContain('Cancel 2 callbacks?')
  })

  it('documents every shortcut in the “?” dialog', async () => {
    m = await mountWithBoard(BoardPage, ROWS)
    await press('?')
    const help = m.wrapper.get('[data-testid=help-dialog]')
    for (const s of BOARD_SHORTCUTS) expect(help.text()).toContain(s.does)
    expect(help.text()).toContain('Cancel callback')
  })

  it('does not treat typing in the search box as shortcuts', async () => {
    m = await mountWithBoard(BoardPage, ROWS)
    await m.wrapper.get('[data-testid=board-search]').trigger('keydown', { key: 'c' })
    expect(m.wrapper.find('[data-testid=cancel-dialog]').exists()).toBe(false)
  })
})
