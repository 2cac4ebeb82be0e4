import { describe, expect, it } from 'vitest'
import { CC } from '../../../../src-main/core/lifecycle-model'
import { TodayCounts, utcStartOfDay } from '../../../../src-main/core/board/today-counts'
import {
  CAMPAIGN,
  HOLDING,
  LIST,
  T0,
  TARGET,
  acted,
  callbackFrame,
  frame,
  iso,
  observationEvent,
  requested
} from '../fixtures/callbacks'
import { harness } from './board-harness'

const MIN = 60_000

describe('time-window KPIs with a fixed clock', () => {
  it('counts due in 5 / 15 min (due ones included), overdue after the grace, and the oldest request', () => {
    const { board, clock } = harness()
    clock.set(T0 + 30 * MIN)
    const now = clock.now()
    const cb = (id: string, requestedMs: number, dueMs?: number) =>
      board.applyFrame(callbackFrame({ id, attributes: requested(requestedMs), scheduledMs: dueMs }))
    cb('overdue', now - 20 * MIN, now - 3 * MIN)
    cb('grace', now - 10 * MIN, now - 1 * MIN)
    cb('soon', now - 9 * MIN, now + 2 * MIN)
    cb('asap', now - 1 * MIN)
    cb('ten', now - 25 * MIN, now + 10 * MIN)
    cb('twenty', now - 5 * MIN, now + 20 * MIN)
    board.applyFrame(
      callbackFrame({
        id: 'gone',
        attributes: acted(requested(now - 29 * MIN), now - MIN, { [CC.state]: 'dispatched' }),
        scheduledMs: now - 10 * MIN
      })
    )
    expect(board.tick()).toContainEqual({
      kind: 'kpis',
      kpis: { dueIn5: 4, dueIn15: 5, overdue: 1, oldestRequestedAtMs: now - 25 * MIN }
    })
    expect(board.kpis()).toMatchObject({ waiting: 6, dispatched: 1 })
    clock.advance(8 * MIN)
    board.tick()
    // soon (+2 → −6 min) and asap (requested −1 → −9 min) are now overdue too.
    expect(board.kpis()).toMatchObject({ dueIn5: 5, dueIn15: 6, overdue: 4 })
  })

  it('recomputes in tick only when rows changed or a second passed (O(1) per event)', () => {
    const { board, clock } = harness()
    board.applyFrame(callbackFrame({ id: 'a', attributes: requested(T0), scheduledMs: T0 + 60_000 }))
    expect(board.kpis().dueIn5).toBe(0)
    board.tick()
    expect(board.kpis().dueIn5).toBe(1)
    clock.advance(500)
    expect(board.tick()).toEqual([])
  })
})

describe('today counts', () => {
  it('count each callback once in its latest terminal state and start from zero at midnight', () => {
    const { board, clock } = harness({}, Date.parse('2025-03-04T23:50:00.000Z'))
    const now = clock.now()
    const end = (id: string, state: string, at: number) =>
      board.applyFrame(
        callbackFrame({
          id,
          attributes: { [CC.state]: state, [CC.stateAt]: iso(at), [CC.actedAt]: iso(at) },
          state: 'disconnected',
          endMs: at
        })
      )
    end('a', 'connected', now - MIN)
    end('b', 'declined', now - MIN)
    end('c', 'unreached', now - MIN)
    end('d', 'cancelled', now - MIN)
    end('e', 'cancelled', now - 2 * MIN)
    end('y', 'connected', Date.parse('2025-03-03T12:00:00.000Z'))
    expect(board.kpis()).toMatchObject({ connectedToday: 1, declinedToday: 1, unreachedToday: 1, cancelledToday: 2 })
    clock.set(Date.parse('2025-03-05T00:00:01.000Z'))
    board.tick()
    expect(board.kpis()).toMatchObject({ connectedToday: 0, declinedToday: 0, unreachedToday: 0, cancelledToday: 0 })
    end('f', 'connected', clock.now())
    expect(board.kpis().connectedToday).toBe(1)
  })

  it('TodayCounts moves a corrected count and uncounts a callback that is live again', () => {
    const t = new TodayCounts(utcStartOfDay, T0)
    t.note('x', 'cancelled', T0)
    t.note('x', 'connected', T0)
    expect([t.get('cancelled'), t.get('connected')]).toEqual([0, 1])
    t.note('x', 'waiting', null)
    expect(t.get('connected')).toBe(0)
  })
})

describe('queue, EWT and campaign KPIs', () => {
  it('reads target waiting and agents on queue (summing routing-status qualifiers) and ignores older observations', () => {
    const { board } = harness()
    board.applyFrame(
      frame(
        `v2.analytics.queues.${TARGET}.observations`,
        observationEvent(TARGET, T0, [
          { metric: 'oWaiting', count: 4 },
          { metric: 'oOnQueueUsers', qualifier: 'IDLE', count: 2 },
          { metric: 'oOnQueueUsers', qualifier: 'INTERACTING', count: 3 }
        ])
      )
    )
    expect(board.kpis()).toMatchObject({ targetWaiting: 4, targetAgentsOnQueue: 5 })
    board.applyFrame(
      frame(
        `v2.analytics.queues.${TARGET}.observations`,
        observationEvent(TARGET, T0 - 5_000, [{ metric: 'oWaiting', count: 99 }])
      )
    )
    expect(board.kpis().targetWaiting).toBe(4)
    expect(board.stats().stale).toBe(1)
    board.applyFrame(
      frame(
        `v2.analytics.queues.${TARGET}.observations`,
        observationEvent(TARGET, T0 + 1_000, [{ metric: 'oWaiting', count: 6 }])
      )
    )
    expect(board.kpis()).toMatchObject({ targetWaiting: 6, targetAgentsOnQueue: 5 })
  })

  it('sums media-type groups when no whole-queue group exists, and ignores unwatched queues', () => {
    const { board } = harness()
    const topic = `v2.analytics.queues.${HOLDING}.observations`
    board.applyFrame(frame(topic, observationEvent(HOLDING, T0, [{ metric: 'oWaiting', count: 7 }], 'callback')))
    board.applyFrame(frame(topic, observationEvent(HOLDING, T0, [{ metric: 'oWaiting', count: 1 }], 'voice')))
    expect(board.kpis().holdingWaiting).toBe(8)
    expect(
      board.applyFrame(
        frame('v2.analytics.queues.q-x.observations', observationEvent('q-x', T0, [{ metric: 'oWaiting', count: 1 }]))
      )
    ).toEqual([])
  })

  it('takes EWT from predictions (CALL intent first) or seconds', () => {
    const { board } = harness()
    board.setEstimatedWait(TARGET, {
      results: [
        { intent: 'ALL', estimatedWaitTimeSeconds: 10 },
        { intent: 'CALL', formula: 'BEST', estimatedWaitTimeSeconds: 240 }
      ]
    })
    expect(board.kpis().targetEwtSeconds).toBe(240)
    expect(board.setEstimatedWait(TARGET, 95)).toEqual([{ kind: 'kpis', kpis: { targetEwtSeconds: 95 } }])
    board.setEstimatedWait(TARGET, { results: 'soon' })
    expect(board.stats().malformed).toBe(1)
  })

  it('shows campaign status, errors, lines, progress and list size; older versions and other campaigns are ignored', () => {
    const { board } = harness()
    const c = `v2.outbound.campaigns.${CAMPAIGN}`
    board.applyFrame(
      frame(c, { id: CAMPAIGN, campaignStatus: 'on', outboundLineCount: 5, errors: [], version: 3, dialingMode: 'agentless' })
    )
    board.applyFrame(frame(c, { id: CAMPAIGN, campaignStatus: 'off', version: 2 }))
    board.applyFrame(frame('v2.outbound.campaigns.other', { id: 'other', campaignStatus: 'invalid', version: 9 }))
    board.applyFrame(
      frame(`${c}.progress`, { campaign: { id: CAMPAIGN }, numberOfContactsCalled: 30, totalNumberOfContacts: 40 })
    )
    board.applyFrame(
      frame(`${c}.stats`, {
        group: { campaignId: CAMPAIGN },
        data: [{ metrics: [{ metric: 'oOutstandingCalls', stats: { count: 2 } }] }]
      })
    )
    board.applyFrame(frame(`v2.outbound.contactlists.${LIST}`, { id: LIST, size: 120, version: 4 }))
    expect(board.kpis()).toMatchObject({
      campaignStatus: 'on',
      campaignErrors: 0,
      campaignLines: 5,
      campaignLinesInUse: 2,
      campaignProgressPercent: 75,
      contactListSize: 120
    })
    board.applyFrame(frame(c, { id: CAMPAIGN, campaignStatus: 'invalid', errors: [{ message: 'no edge group' }], version: 4 }))
    expect(board.kpis()).toMatchObject({ campaignStatus: 'invalid', campaignErrors: 1, campaignLines: 5 })
  })
  it('follows the campaign’s callable time set: its id from the campaign, its windows from a read of that set', () => {
    const { board } = harness()
    const c = `v2.outbound.campaigns.${CAMPAIGN}`
    expect(board.campaignCallableTimeSetId).toBeUndefined()
    board.applyFrame(frame(c, { id: CAMPAIGN, campaignStatus: 'on', version: 1, callableTimeSet: { id: 'ts1' } }))
    expect(board.campaignCallableTimeSetId).toBe('ts1')
    expect(board.kpis().campaignCallableTimes).toBeNull()
    const set = {
      id: 'ts1',
      callableTimes: [
        { timeZoneId: 'Europe/London', timeSlots: [{ day: 1, startTime: '08:00:00.000', stopTime: '20:00:00.000' }] }
      ]
    }
    // A read that raced a campaign change to another set is ignored.
    expect(board.applyCallableTimeSet('other', set)).toEqual([])
    const changes = board.applyCallableTimeSet('ts1', set)
    const windows = [{ timeZoneId: 'Europe/London', slots: [{ day: 1, startTime: '08:00:00.000', stopTime: '20:00:00.000' }] }]
    expect(changes).toEqual([{ kind: 'kpis', kpis: { campaignCallableTimes: windows } }])
    expect(board.kpis().campaignCallableTimes).toEqual(windows)
    // The same set again keeps the windows; unlinking the set clears them.
    board.applyFrame(frame(c, { id: CAMPAIGN, campaignStatus: 'on', version: 2, callableTimeSet: { id: 'ts1' } }))
    expect(board.kpis().campaignCallableTimes).toEqual(windows)
    board.applyFrame(frame(c, { id: CAMPAIGN, campaignStatus: 'on', version: 3 }))
    expect(board.campaignCallableTimeSetId).toBeNull()
    expect(board.kpis().campaignCallableTimes).toBeNull()
    expect(board.applyCallableTimeSet('ts1', { callableTimes: 'bad' })).toEqual([])
  })
})
