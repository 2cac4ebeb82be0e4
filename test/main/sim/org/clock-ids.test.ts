import { afterEach, describe, expect, it, vi } from 'vitest'
import { RealTimeClock, VirtualClock } from '../../../../src-main/sim/org/clock'
import { createIdSource, createRandom } from '../../../../src-main/sim/org/ids'

describe('VirtualClock', () => {
  it('fires timers in time order, ties in insertion order, and skips cancelled ones', () => {
    const c = new VirtualClock(1000)
    const log: string[] = []
    c.schedule(50, () => log.push('b'))
    c.schedule(10, () => log.push('a'))
    const t = c.schedule(20, () => log.push('x'))
    c.scheduleAt(1050, () => log.push('c'))
    t.cancel()
    c.advanceBy(40)
    expect(log).toEqual(['a'])
    expect(c.now()).toBe(1040)
    c.advanceTo(2000)
    expect(log).toEqual(['a', 'b', 'c'])
    expect(c.now()).toBe(2000)
    expect(c.nextAt()).toBeUndefined()
  })

  it('runs timers scheduled by timers and never moves time backwards', () => {
    const c = new VirtualClock(0)
    const seen: number[] = []
    c.schedule(10, () => {
      seen.push(c.now())
      c.schedule(-5, () => seen.push(c.now()))
    })
    while (c.runNext());
    expect(seen).toEqual([10, 10])
  })
})

describe('RealTimeClock', () => {
  afterEach(() => vi.useRealTimers())
  it('scales sim time and timer delays by speed', () => {
    vi.useFakeTimers({ now: 0 })
    const c = new RealTimeClock(10, 5_000)
    let fired = false
    c.schedule(1000, () => (fired = true)) // 100 ms of real time
    vi.advanceTimersByTime(99)
    expect(fired).toBe(false)
    vi.advanceTimersByTime(1)
    expect(fired).toBe(true)
    expect(c.now()).toBe(5_000 + 1000)
    c.schedule(1000, () => (fired = false))
    c.dispose()
    vi.advanceTimersByTime(1000)
    expect(fired).toBe(true)
  })
})

describe('seeded ids', () => {
  it('are uuid-v4 shaped and repeat per seed', () => {
    const a = createIdSource(42)
    const b = createIdSource(42)
    const ids = Array.from({ length: 100 }, () => a.uuid())
    expect(ids).toEqual(Array.from({ length: 100 }, () => b.uuid()))
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(new Set(ids).size).toBe(100)
    expect(createIdSource(43).uuid()).not.toBe(ids[0])
    const r = createRandom(1)
    for (let i = 0; i < 100; i++) {
      const x = r.next()
      expect(x).toBeGreaterThanOrEqual(0)
      expect(x).toBeLessThan(1)
    }
  })
})
