import { describe, expect, it } from 'vitest'
import { seededRandom } from '../../../../src-main/core/clock'
import { ExpiryHeap } from '../../../../src-main/core/board/expiry-heap'

describe('ExpiryHeap', () => {
  it('pops in time order whatever the push order', () => {
    const random = seededRandom(11)
    const heap = new ExpiryHeap()
    const times = Array.from({ length: 500 }, () => Math.floor(random() * 10_000))
    times.forEach((atMs, i) => heap.push({ id: `r${i}`, atMs }))
    expect(heap.size).toBe(500)
    const popped: number[] = []
    for (let e = heap.pop(); e; e = heap.pop()) popped.push(e.atMs)
    expect(popped).toEqual([...times].sort((a, b) => a - b))
    expect(heap.peek()).toBeUndefined()
  })
})
