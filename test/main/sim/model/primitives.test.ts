import { describe, expect, it } from 'vitest'
import { heapPop, heapPush } from '../../../../src-main/sim/model/event-heap'
import { createFenwick, fenwickAdd, prefix } from '../../../../src-main/sim/model/fenwick'
import { nextArrivalTime, nextBoundary, stepAt } from '../../../../src-main/sim/model/profile'
import { createStream, nextUniform } from '../../../../src-main/sim/model/rng'
import { cloneState } from '../../../../src-main/sim/model/state'
import { ContactCenterModel, demoDayConfig } from '../../../../src-main/sim/model'

describe('model building blocks', () => {
  it('the event heap pops in (time, insertion) order', () => {
    const h: { t: number; seq: number }[] = []
    const rng = createStream(1, 99)
    for (let i = 0; i < 2000; i++) heapPush(h, { t: Math.floor(nextUniform(rng) * 50), seq: i })
    let last = { t: -1, seq: -1 }
    for (let e = heapPop(h); e; e = heapPop(h)) {
      expect(e.t > last.t || (e.t === last.t && e.seq > last.seq)).toBe(true)
      last = e
    }
  })

  it('the Fenwick tree keeps exact prefix counts while it grows', () => {
    const f = createFenwick(4)
    const marks = new Set<number>()
    const rng = createStream(2, 99)
    for (let i = 0; i < 3000; i++) {
      const index = 1 + Math.floor(nextUniform(rng) * 5000)
      if (marks.has(index)) {
        marks.delete(index)
        fenwickAdd(f, index, -1)
      } else {
        marks.add(index)
        fenwickAdd(f, index, 1)
      }
    }
    for (const probe of [0, 1, 17, 999, 2500, 4999, 5000, 9000]) {
      expect(prefix(f, probe)).toBe([...marks].filter((m) => m <= probe).length)
    }
  })

  it('piecewise profiles: steps, boundaries, cycles and exact Poisson inversion across rate changes', () => {
    const steps = [
      { at: 0, perHour: 3600 },
      { at: 100, perHour: 0 },
      { at: 200, perHour: 7200 }
    ]
    expect(stepAt(steps, 150)?.perHour).toBe(0)
    expect(nextBoundary(steps, 100)).toBe(200)
    expect(nextBoundary(steps, 250)).toBe(Infinity)
    expect(nextBoundary(steps, 250, 300)).toBe(300)
    expect(stepAt(steps, 450, 300)?.perHour).toBe(0)
    // 1/s until 100, nothing until 200, then 2/s: an Exp(1) mass of 101 lands at 200 + 1/2.
    expect(nextArrivalTime(steps, 0, 101, Infinity)).toBeCloseTo(200.5, 9)
    expect(nextArrivalTime(steps, 0, 101, 150)).toBe(Infinity)
    expect(nextArrivalTime([{ at: 0, perHour: 0 }], 0, 1, Infinity)).toBe(Infinity)
  })

  it('streams are reproducible and distinct per key', () => {
    const a = createStream(7, 2, 0, 1)
    const b = createStream(7, 2, 0, 1)
    const c = createStream(7, 2, 0, 2)
    const xs = [nextUniform(a), nextUniform(a)]
    expect([nextUniform(b), nextUniform(b)]).toEqual(xs)
    expect(nextUniform(c)).not.toBe(xs[0])
  })

  it('the fast state copy equals a structured clone and shares nothing mutable', () => {
    const model = new ContactCenterModel(demoDayConfig({ seed: 2 }))
    model.runUntil(3 * 3600)
    const state = model['state']
    const copy = cloneState(state)
    expect(copy).toEqual(structuredClone(state))
    const before = structuredClone(state)
    const caller = copy.callers.values().next().value!
    caller.tok += 1000
    copy.queues[0]!.agents[0]!.caller = -42
    copy.queues[0]!.stats.les.push(1)
    copy.queues[0]!.hold.tree[1]! += 5
    copy.queues[0]!.arrivalRng[0]! ^= 1
    copy.heap.pop()
    expect(state).toEqual(before)
  })
})
