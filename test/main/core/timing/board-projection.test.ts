import { describe, expect, it } from 'vitest'
import {
  observationFromKpis,
  projectBoard,
  type ProjectableRow,
  type TargetQueueKpis
} from '../../../../src-main/core/timing/board-projection'
import { projectTimeToAgent } from '../../../../src-main/core/timing/projection'
import { callbacksAheadWeightFor, effectivePosition } from '../../../../src-main/core/timing/virtual-place-policy'

const T = 1_700_000_000_000
const row = (
  id: string,
  requestedAgoSeconds: number,
  promisedWaitSeconds: number,
  extra: Partial<ProjectableRow> = {}
): ProjectableRow => ({
  id,
  state: 'waiting',
  requestedAtMs: T - requestedAgoSeconds * 1000,
  promisedWaitSeconds,
  dueAtMs: null,
  attempts: 0,
  lastAction: 'request',
  ...extra
})
// 50 agents, 20 waiting, EWT 126 s: AHT ≈ 300 s, a place clears every 6 s
const KPIS: TargetQueueKpis = { waiting: 20, agentsOnQueue: 50, ewtSeconds: 126 }

describe('observationFromKpis', () => {
  it('inverts the platform EWT for the AHT, prefers aggregates, and has no basis without agents', () => {
    expect(observationFromKpis(KPIS, T)).toMatchObject({ atMs: T, agentsOnQueue: 50, ahtSeconds: 300 })
    expect(observationFromKpis({ ...KPIS, ahtSeconds: 240 }, T)?.ahtSeconds).toBe(240)
    expect(observationFromKpis({ ...KPIS, ewtSeconds: null }, T)?.ahtSeconds).toBe(300) // fallback
    expect(observationFromKpis({ ...KPIS, ewtSeconds: 1 }, T)?.ahtSeconds).toBe(30) // clamped
    expect(observationFromKpis({ ...KPIS, agentsOnQueue: 0 }, T)).toBeUndefined()
  })
})

describe('projectBoard', () => {
  it('matches projectTimeToAgent for a single callback behind everyone on hold', () => {
    const p = projectBoard([row('a', 0, 126)], KPIS, T, { overheadSeconds: 30 }).get('a')!
    const waitingCalls = Array.from({ length: 20 }, (_, i) => ({ enteredAtMs: T - 1000 * (i + 1), priority: 0 }))
    const q = projectTimeToAgent(
      { id: 'a', requestedAtMs: T, promisedWaitSeconds: 126, state: 'waiting' },
      { observation: { atMs: T, agentsOnQueue: 50, ahtSeconds: 300 }, waitingCalls, pendingCallbacks: [] },
      T,
      { overheadSeconds: 30 }
    )
    expect(p.projectedAt).toBeCloseTo(q.projectedAt!, 6)
    expect(p.explanation).toBe(q.explanation)
  })

  it('counts calls on hold that joined before the place (spread over the EWT) and half the earlier callbacks', () => {
    const out = projectBoard([row('mid', 63, 300), row('new', 0, 300), row('older', 200, 300)], KPIS, T, {
      callbacksAheadWeight: 0.5
    })
    expect(out.get('older')!.explanation).toMatch(/: nobody ahead/) // older than the head of the line
    expect(out.get('mid')!.explanation).toMatch(/: 11 ahead \(10 on hold, 1 callback\)/) // half of 20, + ½·1 → 1
    expect(out.get('new')!.explanation).toMatch(/: 21 ahead \(20 on hold, 1 callback\)/) // 20 + round(½·2)
  })

  it('pins parked callbacks (retry, staff reschedule) to their due time and skips finished or incomplete rows', () => {
    const out = projectBoard(
      [
        row('retry', 0, 60, { attempts: 1, dueAtMs: T + 600_000 }),
        row('staff', 0, 60, { lastAction: 'reschedule', dueAtMs: T + 300_000 }),
        row('done', 0, 60, { state: 'connected' }),
        row('nopromise', 0, 60, { promisedWaitSeconds: null })
      ],
      KPIS,
      T
    )
    expect([...out.keys()].sort()).toEqual(['retry', 'staff'])
    expect(out.get('staff')!.explanation).toMatch(/^Staff set the dial for 5 min from now/)
    expect(out.get('retry')!.flag).toBe('late')
  })

  it('projects a dispatched callback from its dial time', () => {
    const p = projectBoard([row('d', 200, 230, { state: 'dispatched', dispatchedAtMs: T - 10_000 })], KPIS, T, {
      overheadSeconds: 30
    }).get('d')!
    expect(p.explanation).toMatch(/^Dialled 10 s ago/)
    expect(p.projectedAt).toBe(T + 20_000 + 6_000) // nobody ahead: back in 20 s, then the next free agent
  })

  it('has no basis while nobody is on queue', () => {
    const p = projectBoard([row('a', 0, 60)], { ...KPIS, agentsOnQueue: 0 }, T).get('a')!
    expect(p.projectedAt).toBeNull()
    expect(p.flag).toBe('on-time')
  })
})

describe('callbacks-ahead weight', () => {
  it('rounds the weighted count, and leaves exact return times alone', () => {
    expect(effectivePosition({ callsAhead: 3, callbacksAhead: 5 }, 0.5)).toEqual({ callsAhead: 3, callbacksAhead: 3 })
    expect(effectivePosition({ callsAhead: 3, callbacksAhead: 5 }, 0)).toEqual({ callsAhead: 3, callbacksAhead: 0 })
    const exact = { callsAhead: 3, callbacksAhead: 5, callbacksBackAtMs: [1, 2] }
    expect(effectivePosition(exact, 0.5)).toBe(exact)
  })

  it('fades to zero in teams where at most one place clears during the dial', () => {
    expect(callbacksAheadWeightFor(0.5, 50 / 300, 30)).toBe(0.5) // 5 places per dial
    expect(callbacksAheadWeightFor(0.75, 50 / 300, 30)).toBe(0.75)
    expect(callbacksAheadWeightFor(0.5, 12 / 360, 30)).toBe(0) // 1 place
    expect(callbacksAheadWeightFor(0.5, 8 / 420, 30)).toBe(0) // small team
    expect(callbacksAheadWeightFor(0.5, 20 / 360, 30)).toBeCloseTo(0.2222, 3) // 1.67 places
  })
})
