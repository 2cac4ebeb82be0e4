import { describe, expect, it } from 'vitest'
import { blockingAhead, expectedBackAtMs } from '../../../../src-main/core/timing/callbacks-ahead'
import { clearingSeconds, DEFAULT_VIRTUAL_PLACE_SETTINGS } from '../../../../src-main/core/timing/virtual-place-policy'

const T = 1_700_000_000_000

describe('expected return of a pending callback', () => {
  it('being dialled: an overhead after its dial (halfway when the dial time is unknown)', () => {
    expect(expectedBackAtMs({ id: 'a', requestedAtMs: 0, state: 'dispatched', dispatchedAtMs: T - 5_000 }, T, 23)).toBe(
      T + 18_000
    )
    expect(expectedBackAtMs({ id: 'a', requestedAtMs: 0, state: 'dispatched', dispatchedAtMs: T - 60_000 }, T, 23)).toBe(T)
    expect(expectedBackAtMs({ id: 'a', requestedAtMs: 0, state: 'dispatched' }, T, 20)).toBe(T + 10_000)
  })

  it('parked: an overhead after its due time; waiting for its place: an overhead from now at the earliest', () => {
    expect(expectedBackAtMs({ id: 'a', requestedAtMs: 0, parked: true, dueAtMs: T + 60_000 }, T, 20)).toBe(T + 80_000)
    expect(expectedBackAtMs({ id: 'a', requestedAtMs: 0 }, T, 20)).toBe(T + 20_000)
  })
})

describe('callers who really take an agent first', () => {
  const sixSecondPlaces = (n: number) => (n + 1) * 6 // 50 agents, AHT 300 s

  it('adds callbacks only while they are back before the turn', () => {
    // 3 on hold: turn at 24 s; a callback back at +10 s counts (turn moves to 30 s), one at +28 s too (36 s), +40 s not
    expect(blockingAhead(3, [T + 40_000, T + 10_000, T + 28_000], T, sixSecondPlaces)).toBe(5)
    expect(blockingAhead(0, [T + 20_000], T, sixSecondPlaces)).toBe(0) // caller would be served at 6 s
    expect(blockingAhead(4, [], T, sixSecondPlaces)).toBe(4)
  })

  it('feeds the policy: a callback still being dialled does not hold back a caller who is next', () => {
    const observation = { atMs: T, agentsOnQueue: 50, idleAgents: 0, ahtSeconds: 300 }
    const counted = clearingSeconds({ callsAhead: 0, callbacksAhead: 3 }, observation, 'exact')!
    const timed = clearingSeconds(
      { callsAhead: 0, callbacksAhead: 3, callbacksBackAtMs: [T + 15_000, T + 18_000, T + 20_000] },
      observation,
      'exact'
    )!
    expect(counted.ahead).toBe(3)
    expect(timed.ahead).toBe(0)
    expect(timed.seconds).toBe(0)
    expect(DEFAULT_VIRTUAL_PLACE_SETTINGS.clearing).toBe('arithmetic')
  })
})
