import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ActionOutcomeView } from '../../src-main/contract/live-views'
import type { Result } from '../../src-main/contract/result'
import { setApiForTesting } from '../../src-renderer/api'
import { useBoardStore } from '../../src-renderer/stores/board'
import { useBoardViewStore } from '../../src-renderer/stores/board-view'
import { useCallbackActionsStore } from '../../src-renderer/stores/callback-actions'
import { useNoticesStore } from '../../src-renderer/stores/notices'
import { FakeApi } from '../helpers/fake-api'
import { makeRow, MIN, NOW, snapshot } from './support/fixtures'

type Outcomes = Result<readonly ActionOutcomeView[]>

describe('callback actions: optimistic with rollback', () => {
  let api: FakeApi
  let board: ReturnType<typeof useBoardStore>
  let answer: (r: Outcomes) => void
  const state = (id: string) => board.replica.rows.get(id)?.state

  beforeEach(async () => {
    setActivePinia(createPinia())
    api = new FakeApi()
    setApiForTesting(api)
    api.reply('board:snapshot', () => ({
      ok: true,
      value: snapshot([
        makeRow('a'),
        makeRow('b', {}, 20),
        makeRow('d', { state: 'dispatched' }),
        makeRow('x', { state: 'connected' })
      ])
    }))
    const pending = () => new Promise<Outcomes>((resolve) => (answer = resolve))
    api.reply('callbacks:cancel', pending).reply('callbacks:reschedule', pending).reply('callbacks:call-now', pending)
    board = useBoardStore()
    board.start()
    await flushPromises()
  })
  afterEach(() => {
    setApiForTesting(null)
    vi.useRealTimers()
  })

  it('shows the expected state at once and rolls back the conflicting row with main’s message', async () => {
    const actions = useCallbackActionsStore()
    useBoardViewStore().selectOnly(['a', 'b'])
    const done = actions.cancel(['a', 'b', 'x'], 'Duplicate request', '  called twice ')
    expect(state('a')).toBe('cancelled')
    expect(state('b')).toBe('cancelled')
    expect(state('x')).toBe('connected')
    expect(board.replica.isPending('a')).toBe(true)
    expect(api.calls.at(-1)).toEqual({
      command: 'callbacks:cancel',
      input: { ids: ['a', 'b'], reason: 'Duplicate request', note: 'called twice' }
    })

    answer({
      ok: true,
      value: [
        { id: 'a', ok: true, code: null, message: 'Cancelled.' },
        { id: 'b', ok: false, code: 'already-dispatched', message: 'Already dispatched by Dana at 10:02.' }
      ]
    })
    const report = await done
    const conflict = 'Caller b (•••• 0000): Already dispatched by Dana at 10:02.'
    expect(report).toMatchObject({ sent: 2, succeeded: 1, conflicts: [conflict] })
    expect([...useBoardViewStore().selected]).toEqual(['b'])
    expect(state('a')).toBe('cancelled')
    expect(state('b')).toBe('waiting')
    const messages = useNoticesStore().toasts.map((t) => t.message)
    expect(messages).toContain(conflict)
    expect(messages).toContain('Cancelled the callback.')
  })

  it('keeps an accepted expectation until main’s own update arrives, then shows main’s row', async () => {
    const actions = useCallbackActionsStore()
    const done = actions.callNow(['a'])
    answer({ ok: true, value: [{ id: 'a', ok: true, code: null, message: 'Dialling.' }] })
    await done
    expect(state('a')).toBe('dispatched')
    expect(board.replica.isPending('a')).toBe(false)
    board.applyDiff({
      upserts: [makeRow('a', { state: 'dispatched', attempts: 1, eventTimeMs: NOW + 1 })],
      removals: [],
      kpis: null
    })
    expect(board.replica.rows.get('a')?.attempts).toBe(1)
    board.applyDiff({ upserts: [makeRow('a', { state: 'connected', eventTimeMs: NOW + 2 })], removals: [], kpis: null })
    expect(state('a')).toBe('connected')
  })

  it('drops an accepted expectation after a while if main never sends its update', async () => {
    vi.useFakeTimers()
    const actions = useCallbackActionsStore()
    const done = actions.callNow(['a'])
    answer({ ok: true, value: [{ id: 'a', ok: true, code: null, message: 'Dialling.' }] })
    await done
    expect(state('a')).toBe('dispatched')
    vi.advanceTimersByTime(16_000)
    expect(state('a')).toBe('waiting')
  })

  it('rolls back every row when the whole request fails', async () => {
    const actions = useCallbackActionsStore()
    const done = actions.cancel(['a', 'd'], 'Other', 'x')
    expect(state('d')).toBe('cancelled')
    answer({ ok: false, error: { code: 'disconnected', message: 'Lost the connection to the console. Trying again…' } })
    const report = await done
    expect(report.error).toBe('Lost the connection to the console. Trying again…')
    expect(state('a')).toBe('waiting')
    expect(state('d')).toBe('dispatched')
  })

  it('reschedules to a time (ISO) and shifts by minutes optimistically, moving rows in due order', async () => {
    const actions = useCallbackActionsStore()
    const at = NOW + 60 * MIN
    const first = actions.reschedule(['a'], at)
    expect(board.replica.byDue.all.map((r) => r.id)[0]).toBe('d')
    expect(board.replica.rows.get('a')?.dueAtMs).toBe(at)
    expect(api.calls.at(-1)?.input).toEqual({ ids: ['a'], dueAt: new Date(at).toISOString() })
    answer({ ok: true, value: [{ id: 'a', ok: true, code: null, message: 'ok' }] })
    await first
    const second = actions.shift(['b', 'd'], 15)
    expect(api.calls.at(-1)?.input).toEqual({ ids: ['b'], shiftMinutes: 15 })
    expect(board.replica.rows.get('b')?.dueAtMs).toBe(NOW + 35 * MIN)
    answer({
      ok: true,
      value: [{ id: 'b', ok: false, code: 'already-cancelled', message: 'Already cancelled by Sam at 10:01.' }]
    })
    expect((await second).conflicts).toEqual(['Already cancelled by Sam at 10:01.'])
    expect(board.replica.rows.get('b')?.dueAtMs).toBe(NOW + 20 * MIN)
    expect(useNoticesStore().toasts.at(-1)?.message).toBe('Already cancelled by Sam at 10:01.')
  })

  it('sends nothing, and says why, when another console got there first', async () => {
    const actions = useCallbackActionsStore()
    const report = await actions.callNow(['x', 'd'])
    expect(report.sent).toBe(0)
    expect(api.calls.some((c) => c.command === 'callbacks:call-now')).toBe(false)
    expect(useNoticesStore().toasts.at(-1)?.message).toBe(
      'Nothing was sent: the chosen callbacks are already dialling or finished.'
    )
    await actions.callNow(['d'])
    expect(useNoticesStore().toasts.at(-1)?.message).toBe('Nothing was sent: Caller d (•••• 0000) is already dialling.')
  })
})
