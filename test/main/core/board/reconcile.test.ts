import { describe, expect, it } from 'vitest'
import { CC } from '../../../../src-main/core/lifecycle-model'
import {
  CAMPAIGN,
  T0,
  TARGET,
  acted,
  callbackConversation,
  callbackFrame,
  iso,
  requested,
  type CallbackSpec
} from '../fixtures/callbacks'
import { harness } from './board-harness'

const MIN = 60_000
const wait = (id: string, at = T0): CallbackSpec => ({ id, attributes: requested(at), scheduledMs: at + 15 * MIN })
const dispatchedSpec = (id: string, at: number): CallbackSpec => ({
  id,
  attributes: acted(requested(T0), at, {
    [CC.state]: 'dispatched',
    [CC.stateAt]: iso(at),
    [CC.dispatchedBy]: 'Callback workflow'
  }),
  scheduledMs: T0 + 15 * MIN
})
const finished = (id: string, state: string, at: number): CallbackSpec => ({
  id,
  attributes: acted(requested(T0), at, { [CC.state]: state, [CC.stateAt]: iso(at) }),
  state: 'disconnected',
  endMs: at
})

describe('reconciliation after a gap', () => {
  it('converges on the truth with no lost or phantom rows', () => {
    const { board, clock } = harness()
    for (const id of ['a', 'b']) board.applyFrame(callbackFrame(wait(id)))
    board.applyFrame(callbackFrame(dispatchedSpec('c', T0 + MIN)))
    // --- socket drops; during the gap: a dispatched, b cancelled (fetch will fail), c connected, d requested ---
    clock.set(T0 + 10 * MIN)
    const sinceSeq = board.seq
    const listedIds = ['a', 'd']
    expect(board.planReconcile(listedIds)).toEqual({ unknown: ['d'], vanished: ['b', 'c'] })
    const result = board.applySnapshot({
      sinceSeq,
      listedIds,
      listComplete: true,
      conversations: [
        callbackConversation(dispatchedSpec('a', T0 + 5 * MIN)),
        callbackConversation(wait('d', T0 + 6 * MIN)),
        callbackConversation(finished('c', 'connected', T0 + 7 * MIN))
      ],
      queueObservations: { results: [{ group: { queueId: TARGET }, data: [{ metric: 'oWaiting', stats: { count: 3 } }] }] },
      campaign: { id: CAMPAIGN, campaignStatus: 'on', outboundLineCount: 2, version: 1 },
      estimatedWaits: { [TARGET]: 180 }
    })
    expect(result.dropped).toEqual(['b'])
    expect(result.unresolved).toEqual([])
    expect(result.changes).toContainEqual({ kind: 'remove', id: 'b' })
    const states = Object.fromEntries(board.rows().map((r) => [r.id, r.state]))
    expect(states).toEqual({ a: 'dispatched', c: 'connected', d: 'waiting' })
    expect(board.kpis()).toMatchObject({
      waiting: 1,
      dispatched: 1,
      connectedToday: 1,
      targetWaiting: 3,
      targetEwtSeconds: 180,
      campaignStatus: 'on'
    })
    // Late frames from before the gap change nothing and bring nothing back.
    expect(board.applyFrame(callbackFrame(wait('a')))).toEqual([])
    expect(board.applyFrame(callbackFrame(wait('b')))).toEqual([])
    expect(board.row('b')).toBeUndefined()
    // A second identical snapshot is a no-op.
    const again = board.applySnapshot({
      sinceSeq: board.seq,
      listedIds,
      listComplete: true,
      conversations: [callbackConversation(dispatchedSpec('a', T0 + 5 * MIN))]
    })
    expect(again.changes.filter((c) => c.kind !== 'kpis')).toEqual([])
  })

  it('lets an event that arrived during the fetch win over an older snapshot entry', () => {
    const { board } = harness()
    board.applyFrame(callbackFrame(wait('a')))
    const sinceSeq = board.seq
    board.applyFrame(callbackFrame(finished('a', 'cancelled', T0 + 2 * MIN)))
    board.applyFrame(callbackFrame(wait('n', T0 + 3 * MIN)))
    const result = board.applySnapshot({
      sinceSeq,
      listedIds: ['a'],
      listComplete: true,
      conversations: [callbackConversation(wait('a'))]
    })
    expect(board.row('a')?.state).toBe('cancelled')
    expect(board.row('n')?.state).toBe('waiting')
    expect(result.dropped).toEqual([])
  })

  it('replaces a row the events got wrong when nothing touched it since the mark', () => {
    const { board } = harness()
    // A console with a fast clock wrote a time in the future: events alone would keep this forever.
    const skewed = acted(requested(T0), T0 + 60 * MIN, { [CC.state]: 'dispatched' })
    board.applyFrame(callbackFrame({ id: 'a', attributes: skewed }))
    expect(board.applyFrame(callbackFrame(wait('a', T0 + 5 * MIN)))).toEqual([])
    board.applySnapshot({ sinceSeq: board.seq, conversations: [callbackConversation(wait('a', T0 + 5 * MIN))] })
    expect(board.row('a')?.state).toBe('waiting')
  })

  it('does not drop anything on an incomplete (truncated) listing, and reports ids it could not resolve', () => {
    const { board } = harness()
    board.applyFrame(callbackFrame(wait('a')))
    const result = board.applySnapshot({ sinceSeq: board.seq, listedIds: ['x'], listComplete: false })
    expect(result).toMatchObject({ dropped: [], unresolved: ['x'] })
    expect(board.row('a')).toBeDefined()
  })

  it('counts malformed snapshot entries and applies the rest', () => {
    const { board } = harness()
    board.applySnapshot({ sinceSeq: 0, conversations: [{ id: 7 }, callbackConversation(wait('a'))] })
    expect(board.stats()).toMatchObject({ malformed: 1 })
    expect(board.row('a')).toBeDefined()
  })
})
