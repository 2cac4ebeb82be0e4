import { flushPromises } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { BoardSnapshotView } from '../../src-main/contract/live-views'
import type { Result } from '../../src-main/contract/result'
import { EMPTY_KPIS as CORE_EMPTY_KPIS } from '../../src-main/core/board/board-types'
import { setApiForTesting } from '../../src-renderer/api'
import { EMPTY_KPIS } from '../../src-renderer/board/empty-kpis'
import { useBoardStore } from '../../src-renderer/stores/board'
import { FakeApi } from '../helpers/fake-api'
import { LIVE, makeRow, MIN, NOW, snapshot } from './support/fixtures'

const ids = (store: ReturnType<typeof useBoardStore>) => store.replica.byDue.all.map((r) => r.id)

describe('empty KPIs', () => {
  it('are the same as main’s (the renderer keeps its own copy: it may import only types from main)', () => {
    expect(EMPTY_KPIS).toEqual(CORE_EMPTY_KPIS)
  })
})

describe('board store', () => {
  let api: FakeApi
  beforeEach(() => {
    setActivePinia(createPinia())
    api = new FakeApi()
    setApiForTesting(api)
  })
  afterEach(() => {
    setApiForTesting(null)
    vi.useRealTimers()
  })

  it('loads the snapshot, then applies diffs to the Map keyed by id, in due order', async () => {
    api.reply('board:snapshot', () => ({ ok: true, value: snapshot([makeRow('a', {}, 10), makeRow('b', {}, 5)]) }))
    const store = useBoardStore()
    store.start()
    await flushPromises()
    expect(ids(store)).toEqual(['b', 'a'])
    expect(store.kpis.waiting).toBe(2)

    api.push('board:changed', {
      upserts: [makeRow('c', {}, 1), makeRow('a', { attempts: 1, eventTimeMs: NOW }, 10)],
      removals: ['b'],
      kpis: { waiting: 2, dueIn5: 1 }
    })
    expect(ids(store)).toEqual(['c', 'a'])
    expect(store.replica.rows.get('a')?.attempts).toBe(1)
    expect(store.replica.rows.has('b')).toBe(false)
    expect(store.kpis).toMatchObject({ waiting: 2, dueIn5: 1 })
  })

  it('bumps reactivity once per diff, and the order version only when order or filters can change', async () => {
    api.reply('board:snapshot', () => ({ ok: true, value: snapshot([makeRow('a'), makeRow('b', {}, 20)]) }))
    const store = useBoardStore()
    store.start()
    await flushPromises()
    const rows0 = store.rowsVersion
    const order0 = store.orderVersion
    const many = Array.from({ length: 50 }, (_, i) => makeRow('a', { attempts: i, eventTimeMs: NOW + i }))
    api.push('board:changed', { upserts: many, removals: [], kpis: null })
    expect(store.rowsVersion).toBe(rows0 + 1)
    expect(store.orderVersion).toBe(order0)
    api.push('board:changed', { upserts: [makeRow('b', { eventTimeMs: NOW + 100 }, 1)], removals: [], kpis: null })
    expect(store.orderVersion).toBe(order0 + 1)
    expect(ids(store)).toEqual(['b', 'a'])
  })

  it('never moves a row back to an older event', async () => {
    api.reply('board:snapshot', () => ({ ok: true, value: snapshot([makeRow('a', { state: 'dispatched', eventTimeMs: NOW })]) }))
    const store = useBoardStore()
    store.start()
    await flushPromises()
    api.push('board:changed', { upserts: [makeRow('a', { state: 'waiting', eventTimeMs: NOW - MIN })], removals: [], kpis: null })
    expect(store.replica.rows.get('a')?.state).toBe('dispatched')
  })

  it('replays diffs that arrive while the snapshot is in flight on top of it', async () => {
    let answer: (r: Result<BoardSnapshotView>) => void = () => {}
    api.reply('board:snapshot', () => new Promise((resolve) => (answer = resolve)))
    const store = useBoardStore()
    store.start()
    await flushPromises()
    api.push('board:changed', { upserts: [makeRow('new', { eventTimeMs: NOW })], removals: ['old'], kpis: null })
    answer({ ok: true, value: snapshot([makeRow('old'), makeRow('keep')]) })
    await flushPromises()
    expect(ids(store).sort()).toEqual(['keep', 'new'])
  })

  it('fetches a fresh snapshot when live data comes back after a gap', async () => {
    let version = 0
    api.reply('board:snapshot', () => {
      version++
      return { ok: true, value: snapshot(version === 1 ? [makeRow('a')] : [makeRow('a'), makeRow('missed-during-gap')]) }
    })
    const store = useBoardStore()
    store.start()
    await flushPromises()
    expect(store.connection?.state).toBe('live')
    api.push('board:connection', { ...LIVE, state: 'reconnecting' })
    expect(store.connection?.state).toBe('reconnecting')
    expect(api.calls.filter((c) => c.command === 'board:snapshot')).toHaveLength(1)
    api.push('board:connection', LIVE)
    await flushPromises()
    expect(api.calls.filter((c) => c.command === 'board:snapshot')).toHaveLength(2)
    expect(store.replica.rows.has('missed-during-gap')).toBe(true)
  })

  it('fetches a fresh snapshot when the transport itself reconnects (events of the gap are lost)', async () => {
    class ReconnectingApi extends FakeApi {
      readonly reconnectListeners = new Set<() => void>()
      onReconnect(listener: () => void): () => void {
        this.reconnectListeners.add(listener)
        return () => this.reconnectListeners.delete(listener)
      }
    }
    const reconnecting = new ReconnectingApi()
    setApiForTesting(reconnecting)
    let version = 0
    reconnecting.reply('board:snapshot', () => ({ ok: true, value: snapshot(++version === 1 ? [makeRow('a')] : [makeRow('b')]) }))
    const store = useBoardStore()
    store.start()
    await flushPromises()
    for (const listener of reconnecting.reconnectListeners) listener()
    await flushPromises()
    expect(ids(store)).toEqual(['b'])
    store.stop()
    expect(reconnecting.reconnectListeners.size).toBe(0)
  })

  it('takes the server clock from the snapshot for countdowns', async () => {
    vi.useFakeTimers()
    vi.setSystemTime(NOW - 5000)
    api.reply('board:snapshot', () => ({ ok: true, value: snapshot([]) }))
    const store = useBoardStore()
    store.start()
    await vi.runOnlyPendingTimersAsync()
    expect(store.clockOffsetMs).toBe(5000)
  })

  it('stop() forgets the board and stops listening', async () => {
    api.reply('board:snapshot', () => ({ ok: true, value: snapshot([makeRow('a')]) }))
    const store = useBoardStore()
    store.start()
    await flushPromises()
    store.stop()
    api.push('board:changed', { upserts: [makeRow('b')], removals: [], kpis: null })
    expect(store.replica.rows.size).toBe(0)
    expect(store.loaded).toBe(false)
  })
})
