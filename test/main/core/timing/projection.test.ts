import { describe, expect, it } from 'vitest'
import { projectTimeToAgent, type ProjectableCallback } from '../../../../src-main/core/timing/projection'
import type { QueueState, WaitingCall } from '../../../../src-main/core/timing/types'
import { seededRandom } from '../../../../src-main/core/clock'
import { randomInt } from './seeded'

const project = (cb: ProjectableCallback, state: QueueState, now: number) =>
  projectTimeToAgent(cb, state, now, { overheadSeconds: 35 })

const T = 1_700_000_000_000
// 50 agents, AHT 300 s: a place clears every 6 s; Ô = 35 s in these tests
const stateWith = (callsAhead: number, extra: Partial<QueueState['observation']> = {}): QueueState => ({
  observation: { atMs: T, agentsOnQueue: 50, idleAgents: 0, ahtSeconds: 300, ...extra },
  waitingCalls: Array.from({ length: callsAhead }, (_, i): WaitingCall => ({ enteredAtMs: T - 1000 * (i + 1), priority: 0 })),
  pendingCallbacks: [{ id: 'cb', requestedAtMs: T }]
})
const callback = (promisedWaitSeconds: number, extra: Partial<ProjectableCallback> = {}): ProjectableCallback => ({
  id: 'cb',
  requestedAtMs: T,
  promisedWaitSeconds,
  state: 'waiting',
  ...extra
})

describe('projectTimeToAgent', () => {
  it('projects dial when the callers ahead clear, then one more place: 20 ahead -> 120 s + 6 s', () => {
    const p = project(callback(126), stateWith(20), T)
    expect(p.projectedAt).toBe(T + 126_000)
    expect(p.deltaVsPromiseSeconds).toBeCloseTo(0, 9)
    expect(p.flag).toBe('on-time')
    expect(p.explanation).toBe(
      'Dial in ~85 s: 20 ahead (20 on hold, 0 callbacks), clearing in ~2 min at ~10 answers/min; agent in ~2 min 6 s, as promised.'
    )
  })

  it('cannot beat the dial overhead when the queue ahead is short', () => {
    const p = project(callback(60), stateWith(2), T)
    expect(p.projectedAt).toBe(T + (35 + 6) * 1000)
    expect(p.explanation.startsWith('Dial now')).toBe(true)
  })

  it('flags more than two minutes late or early, not at exactly two', () => {
    expect(project(callback(126 - 121), stateWith(20), T).flag).toBe('late')
    expect(project(callback(126 + 121), stateWith(20), T).flag).toBe('early')
    expect(project(callback(126 - 120), stateWith(20), T).flag).toBe('on-time')
    expect(project(callback(126 + 119), stateWith(20), T).flag).toBe('on-time')
    const late = project(callback(6), stateWith(20), T)
    expect(late.deltaVsPromiseSeconds).toBeCloseTo(120, 9)
    expect(late.explanation).toMatch(/, 2 min later than promised\.$/)
  })

  it('counts the staff-set dial time: a pin 10 minutes out projects the agent 10 min + Ô away', () => {
    const p = project(callback(126, { pinnedDispatchAtMs: T + 600_000 }), stateWith(20), T)
    expect(p.projectedAt).toBe(T + 600_000 + 35_000 + 6_000)
    expect(p.flag).toBe('late')
    expect(p.explanation).toMatch(/^Staff set the dial for 10 min from now/)
  })

  it('an early pin still waits for the callers ahead (the caller rejoins at their place)', () => {
    const p = project(callback(126, { pinnedDispatchAtMs: T }), stateWith(20), T)
    expect(p.projectedAt).toBe(T + 126_000)
  })

  it('projects a dispatched callback from its dial time', () => {
    const p = project(callback(50, { state: 'dispatched', dispatchedAtMs: T - 10_000 }), stateWith(1), T)
    expect(p.projectedAt).toBe(T + 25_000 + 6_000)
    expect(p.explanation).toMatch(/^Dialled 10 s ago/)
  })

  it('says plainly when no one is on queue, flagging late once the promise has passed by two minutes', () => {
    const none = stateWith(3, { agentsOnQueue: 0 })
    const p = project(callback(60), none, T)
    expect(p).toMatchObject({ projectedAt: null, deltaVsPromiseSeconds: null, flag: 'on-time' })
    expect(p.explanation).toMatch(/No agents are on the queue/)
    expect(project(callback(60), none, T + 181_000).flag).toBe('late')
  })

  it('defaults to the shipped, calibrated Ô of 32 s', () => {
    expect(projectTimeToAgent(callback(60), stateWith(2), T).projectedAt).toBe(T + (32 + 6) * 1000)
  })

  it('uses only callers ahead of this callback (later arrivals do not delay it)', () => {
    const s = stateWith(20)
    const withLater = { ...s, waitingCalls: [...s.waitingCalls, { enteredAtMs: T + 5_000, priority: 0 }] }
    expect(project(callback(126), withLater, T + 6_000).projectedAt).toBe(project(callback(126), s, T + 6_000).projectedAt)
  })

  it('property: more agents -> no later, more ahead -> no earlier', () => {
    const random = seededRandom(99)
    for (let trial = 0; trial < 200; trial++) {
      const k = randomInt(random, 0, 300)
      const agents = randomInt(random, 1, 120)
      const extra = { agentsOnQueue: agents, ahtSeconds: 60 + random() * 900, abandonRatePerSecond: random() / 300 }
      const base = project(callback(100), stateWith(k, extra), T).projectedAt!
      expect(project(callback(100), stateWith(k, { ...extra, agentsOnQueue: agents + 3 }), T).projectedAt!).toBeLessThanOrEqual(
        base
      )
      expect(project(callback(100), stateWith(k + 2, extra), T).projectedAt!).toBeGreaterThanOrEqual(base)
    }
  })
})

describe('projection and callbacks being dialled', () => {
  it('does not count a callback ahead that is back only after this caller’s turn', () => {
    const s = stateWith(0)
    const withDialling: QueueState = {
      ...s,
      pendingCallbacks: [
        { id: 'a', requestedAtMs: T - 60_000, queuedAtMs: T - 90_000, state: 'dispatched', dispatchedAtMs: T - 5_000 },
        ...s.pendingCallbacks
      ]
    }
    // 0 on hold: the caller's turn is 6 s away; the callback being dialled is back in 30 s, so it does not count
    const p = projectTimeToAgent(callback(60), withDialling, T, { overheadSeconds: 35 })
    expect(p.explanation).toContain('nobody ahead')
    // 10 on hold: turn in 66 s, so the same callback counts
    const busy = { ...withDialling, waitingCalls: stateWith(10).waitingCalls }
    expect(projectTimeToAgent(callback(60), busy, T, { overheadSeconds: 35 }).explanation).toContain(
      '11 ahead (10 on hold, 1 callback)'
    )
  })
})
