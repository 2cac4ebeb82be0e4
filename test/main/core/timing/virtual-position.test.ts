import { describe, expect, it } from 'vitest'
import { virtualPlacePriority, virtualPosition } from '../../../../src-main/core/timing/virtual-position'
import type { QueueState } from '../../../../src-main/core/timing/types'

const T = 1_700_000_000_000
const state: QueueState = {
  observation: { atMs: T, agentsOnQueue: 10, ahtSeconds: 300 },
  waitingCalls: [
    { enteredAtMs: T - 120_000, priority: 0 }, // ahead: joined before the request
    { enteredAtMs: T - 1, priority: 0 }, // ahead
    { enteredAtMs: T + 5_000, priority: 0 }, // behind: joined after
    { enteredAtMs: T + 30_000, priority: 3 } // an earlier callback that rejoined at its place: ahead
  ],
  pendingCallbacks: [
    { id: 'a', requestedAtMs: T - 60_000 },
    { id: 'me', requestedAtMs: T },
    { id: 'x', requestedAtMs: T }, // same instant, larger id: behind
    { id: 'Z', requestedAtMs: T }, // same instant, smaller id: ahead
    { id: 'c', requestedAtMs: T + 10_000 }
  ]
}

describe('virtual position', () => {
  it('counts calls and callbacks ahead of the request, excluding itself', () => {
    expect(virtualPosition({ id: 'me', requestedAtMs: T }, state)).toEqual({ callsAhead: 3, callbacksAhead: 2 })
  })

  it('never counts two simultaneous callbacks as ahead of each other', () => {
    const me = virtualPosition({ id: 'me', requestedAtMs: T }, state).callbacksAhead
    const x = virtualPosition({ id: 'x', requestedAtMs: T }, state).callbacksAhead
    expect(x).toBe(me + 1)
  })

  it('respects a non-zero base priority', () => {
    const s = { ...state, basePriority: 5 }
    expect(virtualPosition({ id: 'me', requestedAtMs: T }, s).callsAhead).toBe(2)
  })

  it('priority = whole minutes from request to transfer, rounded up', () => {
    expect(virtualPlacePriority(T, T)).toBe(0)
    expect(virtualPlacePriority(T, T + 1)).toBe(1)
    expect(virtualPlacePriority(T, T + 60_000)).toBe(1)
    expect(virtualPlacePriority(T, T + 60_001)).toBe(2)
    expect(virtualPlacePriority(T, T - 5)).toBe(0)
  })
})

describe('virtual place anchored at queue entry, and parked callbacks', () => {
  const s: QueueState = {
    observation: { atMs: T, agentsOnQueue: 10, ahtSeconds: 300 },
    waitingCalls: [
      { enteredAtMs: T - 50_000, priority: 0 }, // joined before our caller entered the queue: ahead
      { enteredAtMs: T - 20_000, priority: 0 } // joined after our caller entered but before they pressed 1: behind
    ],
    pendingCallbacks: [
      { id: 'early', requestedAtMs: T - 10_000, queuedAtMs: T - 40_000 }, // entered before us: ahead
      { id: 'late', requestedAtMs: T - 20_000, queuedAtMs: T - 25_000 }, // requested earlier but entered after us: behind
      { id: 'parked', requestedAtMs: T - 90_000, queuedAtMs: T - 95_000, parked: true } // retry quarantine: not ahead
    ]
  }

  it('keeps the place from queue entry, not from the request', () => {
    const me = { id: 'me', requestedAtMs: T, queuedAtMs: T - 30_000 }
    expect(virtualPosition(me, s)).toEqual({ callsAhead: 1, callbacksAhead: 1 })
  })

  it('lists every earlier callback’s expected return when asked (parked ones after their due time)', () => {
    const parked = { ...s.pendingCallbacks[2]!, dueAtMs: T + 100_000 }
    const st = { ...s, pendingCallbacks: [s.pendingCallbacks[0]!, parked] }
    const p = virtualPosition({ id: 'me', requestedAtMs: T, queuedAtMs: T - 30_000 }, st, { nowMs: T, overheadSeconds: 20 })
    expect(p.callbacksAhead).toBe(1)
    expect(p.callbacksBackAtMs).toEqual([T + 20_000, T + 120_000])
  })

  it('priority counts minutes from queue entry', () => {
    expect(virtualPlacePriority(T - 30_000, T + 31_000)).toBe(2)
  })
})
