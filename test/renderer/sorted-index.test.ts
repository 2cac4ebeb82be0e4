import { describe, expect, it } from 'vitest'
import { compareByDue, rowMatcher, DEFAULT_FILTER, affectsOrder } from '../../src-renderer/board/row-order'
import { SortedIndex } from '../../src-renderer/board/sorted-index'
import { makeRow, MIN, NOW } from './support/fixtures'

describe('SortedIndex (due order)', () => {
  it('keeps rows in due order through inserts, moves and removals without a full re-sort', () => {
    const index = new SortedIndex(compareByDue)
    const a = makeRow('a', {}, 10)
    const b = makeRow('b', {}, 5)
    const c = makeRow('c', {}, 20)
    index.reset([a, b, c])
    expect(index.all.map((r) => r.id)).toEqual(['b', 'a', 'c'])

    const cEarlier = { ...c, dueAtMs: NOW + 1 * MIN }
    expect(index.update(c, cEarlier)).toBe(true)
    expect(index.all.map((r) => r.id)).toEqual(['c', 'b', 'a'])

    const aContent = { ...a, attempts: 2 }
    expect(index.update(a, aContent)).toBe(false)
    expect(index.all.find((r) => r.id === 'a')?.attempts).toBe(2)

    index.update(b, undefined)
    index.update(undefined, makeRow('d', {}, 7))
    expect(index.all.map((r) => r.id)).toEqual(['c', 'd', 'a'])
    expect(index.take(2, (r) => r.id !== 'c').map((r) => r.id)).toEqual(['d', 'a'])
  })

  it('breaks ties by request time then id, and puts "as soon as possible" at its request time', () => {
    const asap = makeRow('z', { dueAtMs: null, requestedAtMs: NOW - 20 * MIN })
    const same1 = makeRow('b', {}, 10)
    const same2 = makeRow('a', {}, 10)
    const index = new SortedIndex(compareByDue)
    index.reset([same1, same2, asap])
    expect(index.all.map((r) => r.id)).toEqual(['z', 'a', 'b'])
  })
})

describe('row filters', () => {
  const rows = [
    makeRow('1', { name: 'Ana Silva', maskedNumber: '•••• 0123' }),
    makeRow('2', { name: 'Bo Chen', maskedNumber: '•••• 4567', state: 'dispatched', queueId: 'hq-2' }),
    makeRow('3', { name: 'Cy Ana', maskedNumber: '•••• 8901', state: 'cancelled' })
  ]
  const ids = (f: Partial<typeof DEFAULT_FILTER>) => rows.filter(rowMatcher({ ...DEFAULT_FILTER, ...f })).map((r) => r.id)

  it('shows waiting and dialling by default, one state, or all', () => {
    expect(ids({})).toEqual(['1', '2'])
    expect(ids({ state: 'cancelled' })).toEqual(['3'])
    expect(ids({ state: 'all' })).toEqual(['1', '2', '3'])
  })

  it('searches names case-insensitively and digits against the visible last digits', () => {
    expect(ids({ state: 'all', search: 'ana' })).toEqual(['1', '3'])
    expect(ids({ state: 'all', search: '456' })).toEqual(['2'])
    expect(ids({ state: 'all', search: '9999' })).toEqual([])
  })

  it('filters by queue', () => {
    expect(ids({ queueId: 'hq-2' })).toEqual(['2'])
  })

  it('tells order/filter changes from content-only changes', () => {
    const r = rows[0]!
    expect(affectsOrder(r, { ...r, attempts: 3, lastOutcome: 'busy' })).toBe(false)
    expect(affectsOrder(r, { ...r, state: 'cancelled' })).toBe(true)
    expect(affectsOrder(r, { ...r, dueAtMs: (r.dueAtMs ?? 0) + 1 })).toBe(true)
    expect(affectsOrder(undefined, r)).toBe(true)
  })
})
