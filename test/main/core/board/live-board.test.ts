import { describe, expect, it } from 'vitest'
import { CC } from '../../../../src-main/core/lifecycle-model'
import { HOLDING, T0, TARGET, acted, callbackFrame, frame, genericConversation, iso, requested } from '../fixtures/callbacks'
import { harness } from './board-harness'

const waiting = (id = 'c1', at = T0) => callbackFrame({ id, attributes: requested(at), scheduledMs: at + 900_000 })
const dispatchedAttrs = (at: number, base = requested(T0)) =>
  acted(base, at, {
    [CC.state]: 'dispatched',
    [CC.stateAt]: iso(at),
    [CC.dispatchedBy]: 'Jane Doe',
    [CC.dispatchedAt]: iso(at),
    [CC.lastAction]: 'call-now',
    [CC.actedBy]: 'Jane Doe'
  })
const dispatched = (id = 'c1', at = T0 + 60_000) =>
  callbackFrame({ id, attributes: dispatchedAttrs(at), scheduledMs: T0 + 900_000 })

describe('LiveBoard reducer', () => {
  it('adds a waiting callback as one row and moves the waiting KPI', () => {
    const { board } = harness()
    const changes = board.applyFrame(waiting())
    expect(changes).toEqual([
      {
        kind: 'upsert',
        row: expect.objectContaining({ id: 'c1', state: 'waiting', maskedNumber: '•••• 0123', queueId: HOLDING })
      },
      { kind: 'kpis', kpis: { waiting: 1 } }
    ])
    expect(board.stats()).toMatchObject({ applied: 1, stale: 0, malformed: 0 })
  })

  it('follows a callback through dispatch to connected, counting it once today', () => {
    const { board } = harness()
    board.applyFrame(waiting())
    const d = board.applyFrame(dispatched())
    expect(d).toContainEqual({ kind: 'kpis', kpis: { waiting: 0, dispatched: 1 } })
    expect(board.row('c1')).toMatchObject({ state: 'dispatched', actedBy: 'Jane Doe', lastAction: 'call-now' })
    const connectedAttrs = acted(dispatchedAttrs(T0 + 60_000), T0 + 120_000, {
      [CC.state]: 'connected',
      [CC.stateAt]: iso(T0 + 120_000),
      [CC.attempts]: '1',
      [CC.lastOutcome]: 'answered',
      [CC.lastAction]: 'outcome'
    })
    board.applyFrame(callbackFrame({ id: 'c1', attributes: connectedAttrs }))
    board.applyFrame(callbackFrame({ id: 'c1', attributes: connectedAttrs, state: 'disconnected', endMs: T0 + 121_000 }))
    board.applyFrame(callbackFrame({ id: 'c1', attributes: connectedAttrs, state: 'disconnected', endMs: T0 + 121_000 }))
    expect(board.row('c1')).toMatchObject({ state: 'connected', attempts: 1, lastOutcome: 'answered', stateInferred: false })
    expect(board.kpis()).toMatchObject({ waiting: 0, dispatched: 0, connectedToday: 1 })
  })

  it('never lets an older event overwrite a newer state (out of order)', () => {
    const { board } = harness()
    board.applyFrame(dispatched())
    expect(board.applyFrame(waiting())).toEqual([])
    expect(board.row('c1')?.state).toBe('dispatched')
    expect(board.stats()).toMatchObject({ applied: 1, stale: 1 })
  })

  it('prefers the ended snapshot when two events carry the same time', () => {
    const { board } = harness()
    const attrs = acted(requested(T0), T0 + 5_000, {
      [CC.state]: 'cancelled',
      [CC.stateAt]: iso(T0 + 5_000),
      [CC.cancelledBy]: 'Jane'
    })
    board.applyFrame(callbackFrame({ id: 'c1', attributes: attrs, state: 'disconnected', endMs: T0 + 5_000 }))
    expect(board.applyFrame(callbackFrame({ id: 'c1', attributes: attrs }))).toEqual([])
    expect(board.stats().stale).toBe(1)
  })

  it('drops duplicates without emitting anything', () => {
    const { board } = harness()
    board.applyFrame(waiting())
    expect(board.applyFrame(waiting())).toEqual([])
    expect(board.applyFrame(JSON.stringify(waiting()))).toEqual([])
    expect(board.stats()).toMatchObject({ applied: 1, unchanged: 2 })
  })

  it('reads the nested queue conversations topic too', () => {
    const { board } = harness()
    board.applyFrame(
      frame(`v2.routing.queues.${HOLDING}.conversations`, genericConversation({ id: 'c9', attributes: requested(T0) }))
    )
    expect(board.row('c9')?.state).toBe('waiting')
  })

  it('ignores voice calls on the target queue and callbacks of unwatched queues', () => {
    const { board } = harness()
    const call = {
      id: 'v1',
      participants: [{ id: 'p', purpose: 'customer', state: 'connected', queueId: TARGET, calls: [{ state: 'connected' }] }]
    }
    expect(board.applyFrame(frame(`v2.routing.queues.${TARGET}.conversations`, call))).toEqual([])
    expect(board.applyFrame(callbackFrame({ id: 'x', queueId: 'q-other', attributes: requested(T0) }))).toEqual([])
    expect(board.rows()).toEqual([])
    expect(board.stats().ignored).toBe(2)
  })

  it('shows an attribute-less placeholder as an inferred state, and corrects it when attributes arrive', () => {
    const { board } = harness()
    board.applyFrame(callbackFrame({ id: 'c2', state: 'disconnected', endMs: T0 + 1_000 }))
    expect(board.row('c2')).toMatchObject({ state: 'cancelled', stateInferred: true, actedBy: null })
    expect(board.kpis().cancelledToday).toBe(1)
    const later = { [CC.state]: 'connected', [CC.stateAt]: iso(T0 + 2_000), [CC.actedAt]: iso(T0 + 2_000) }
    board.applyFrame(callbackFrame({ id: 'c2', state: 'disconnected', endMs: T0 + 1_000, attributes: later }))
    expect(board.row('c2')).toMatchObject({ state: 'connected', stateInferred: false })
    expect(board.kpis()).toMatchObject({ cancelledToday: 0, connectedToday: 1 })
  })

  it('keeps finished rows for the retention window, then removes them for good', () => {
    const { board, clock } = harness({ finishedRetentionMs: 10 * 60_000 })
    board.applyFrame(waiting())
    const cancelled = acted(requested(T0), T0 + 1_000, {
      [CC.state]: 'cancelled',
      [CC.stateAt]: iso(T0 + 1_000),
      [CC.cancelledBy]: 'Jane'
    })
    const final = callbackFrame({ id: 'c1', attributes: cancelled, state: 'disconnected', endMs: T0 + 2_000 })
    board.applyFrame(final)
    clock.set(T0 + 1_000 + 10 * 60_000 - 1)
    expect(board.tick().filter((c) => c.kind !== 'kpis')).toEqual([])
    clock.advance(1)
    expect(board.tick()).toContainEqual({ kind: 'remove', id: 'c1' })
    expect(board.row('c1')).toBeUndefined()
    // Late and repeated frames never bring the row back.
    expect(board.applyFrame(waiting())).toEqual([])
    expect(board.applyFrame(final)).toEqual([])
    expect(board.rows()).toEqual([])
    expect(board.kpis().cancelledToday).toBe(1)
  })

  it('does not show callbacks that finished before the retention window, but counts them today', () => {
    const { board, clock } = harness({ finishedRetentionMs: 60_000 })
    clock.set(T0 + 3_600_000)
    const done = { [CC.state]: 'unreached', [CC.stateAt]: iso(T0), [CC.actedAt]: iso(T0) }
    expect(board.applyFrame(callbackFrame({ id: 'old', attributes: done, state: 'disconnected', endMs: T0 }))).toEqual([
      { kind: 'kpis', kpis: { unreachedToday: 1 } }
    ])
    expect(board.rows()).toEqual([])
  })

  it('keeps the full number in main only', () => {
    const { board } = harness()
    board.applyFrame(waiting())
    expect(board.numberOf('c1')).toBe('+13175550123')
    expect(JSON.stringify(board.fullDiff())).not.toContain('5550123')
    expect(board.numberOf('nope')).toBeNull()
  })

  it('exposes the lifecycle record for the detail drawer', () => {
    const { board } = harness()
    board.applyFrame(dispatched())
    expect(board.record('c1')).toMatchObject({ dispatchedBy: 'Jane Doe', dispatchedAtMs: T0 + 60_000 })
  })
})

describe('foreign input', () => {
  it('counts malformed frames, keeps going and leaves the board untouched', () => {
    const { board } = harness()
    board.applyFrame(waiting())
    const before = board.rows()
    const bad: unknown[] = [
      '{"topicName": "v2.routing.queues.q-holding.conversations.callbacks", "eventBody": ',
      { eventBody: {} },
      frame(`v2.routing.queues.${HOLDING}.conversations.callbacks`, { id: 'c1', participants: 'everyone' }),
      frame(`v2.routing.queues.${HOLDING}.conversations.callbacks`, { participants: [] }),
      frame(`v2.routing.queues.${HOLDING}.conversations.callbacks`, { id: 'c1', participants: [{ id: 'p', startTime: 12 }] }),
      frame(`v2.analytics.queues.${TARGET}.observations`, {
        data: [{ metrics: [{ metric: 'oWaiting', stats: { count: 'many' } }] }]
      }),
      frame('v2.outbound.campaigns.camp-1', { campaignStatus: 7 }),
      frame('v2.outbound.campaigns.camp-1', null)
    ]
    for (const raw of bad) expect(board.applyFrame(raw)).toEqual([])
    expect(board.stats()).toMatchObject({ malformed: bad.length, applied: 1 })
    expect(board.stats().lastMalformed).toContain('v2.outbound.campaigns.camp-1')
    expect(board.rows()).toEqual(before)
  })

  it('counts unknown topics and ignores system frames', () => {
    const { board } = harness()
    board.applyFrame(frame('v2.users.u1.presence', {}))
    board.applyFrame(frame('channel.metadata', { message: 'WebSocket Heartbeat' }))
    board.applyFrame(frame('v2.system.socket_closing', {}))
    expect(board.stats()).toMatchObject({ unknownTopic: 1, ignored: 2, malformed: 0 })
  })
})
