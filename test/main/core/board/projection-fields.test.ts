import { describe, expect, it } from 'vitest'
import { CC } from '../../../../src-main/core/lifecycle-model'
import type { BoardChange, BoardRow } from '../../../../src-main/core/board/board-types'
import { T0, TARGET, acted, callbackFrame, frame, observationEvent, requested } from '../fixtures/callbacks'
import { harness } from './board-harness'

const MIN = 60_000
const upserts = (changes: BoardChange[]): BoardRow[] => changes.flatMap((c) => (c.kind === 'upsert' ? [c.row] : []))

/** The target queue as the board sees it: 50 agents on queue, `waiting` calls, and the platform's EWT. */
function observe(board: ReturnType<typeof harness>['board'], atMs: number, waiting: number, ewtSeconds: number): void {
  board.applyFrame(
    frame(
      `v2.analytics.queues.${TARGET}.observations`,
      observationEvent(TARGET, atMs, [
        { metric: 'oWaiting', count: waiting },
        { metric: 'oOnQueueUsers', qualifier: 'INTERACTING', count: 50 }
      ])
    )
  )
  board.setEstimatedWait(TARGET, ewtSeconds)
}

describe('projected time to agent on board rows (tick)', () => {
  it('projects each live callback on tick and explains it in one line', () => {
    const { board, clock } = harness()
    clock.set(T0 + 10 * MIN)
    // EWT 126 s for a new caller behind 20: AHT ≈ 126 × 50 / 21 = 300 s, a place clears every 6 s
    observe(board, clock.now(), 20, 126)
    board.applyFrame(callbackFrame({ id: 'new', attributes: requested(clock.now(), 126), scheduledMs: clock.now() + 60_000 }))
    board.applyFrame(callbackFrame({ id: 'old', attributes: requested(clock.now() - 9 * MIN, 120) }))
    const rows = new Map(upserts(board.tick()).map((r) => [r.id, r]))
    const fresh = rows.get('new')!
    // 20 on hold ahead (all joined before it) + ½ of the 1 earlier callback, rounded → 21 ahead
    expect(fresh.projectedAtMs).toBeCloseTo(clock.now() + (21 + 1) * 6_000, -1)
    expect(fresh.projectionFlag).toBe('on-time')
    expect(fresh.projectionExplanation).toMatch(/^Dial in ~\d+ s: 21 ahead \(20 on hold, 1 callback\)/)
    // the old one's place is older than anyone on hold: nobody ahead, dial now; it is 9 min past its promise
    const old = rows.get('old')!
    expect(old.projectionFlag).toBe('late')
    expect(old.projectionDeltaSeconds).toBeGreaterThan(7 * 60)
    expect(old.projectionExplanation).toMatch(/^Dial now: nobody ahead; agent in ~38 s, 7 min \d+ s later than promised\.$/)
  })

  it('re-sends a row only when its projection moves materially, at most every refresh', () => {
    const { board, clock } = harness()
    observe(board, clock.now(), 20, 126)
    board.applyFrame(callbackFrame({ id: 'a', attributes: requested(clock.now(), 126) }))
    expect(upserts(board.tick())).toHaveLength(1)
    clock.advance(2_000)
    expect(upserts(board.tick())).toEqual([]) // not due yet
    clock.advance(4_000)
    observe(board, clock.now(), 20, 126) // same queue, 6 s later: the projection holds (it is absolute)
    expect(upserts(board.tick())).toEqual([])
    clock.advance(5_000)
    observe(board, clock.now(), 60, 366) // three times the queue ahead
    const [moved] = upserts(board.tick())
    expect(moved?.projectionFlag).toBe('late')
  })

  it('keeps the projection when an event updates a live row, and drops it from finished rows', () => {
    const { board, clock } = harness()
    observe(board, clock.now(), 10, 66)
    const attrs = requested(clock.now(), 66)
    board.applyFrame(callbackFrame({ id: 'a', attributes: attrs }))
    board.tick()
    const [dispatched] = upserts(
      board.applyFrame(callbackFrame({ id: 'a', attributes: acted(attrs, clock.now() + 1_000, { [CC.state]: 'dispatched' }) }))
    )
    expect(dispatched?.state).toBe('dispatched')
    expect(dispatched?.projectionFlag).toBeDefined()
    const [ended] = upserts(
      board.applyFrame(
        callbackFrame({
          id: 'a',
          state: 'disconnected',
          endMs: clock.now() + 2_000,
          attributes: acted(attrs, clock.now() + 2_000, { [CC.state]: 'connected' })
        })
      )
    )
    expect(ended?.state).toBe('connected')
    expect(ended?.projectedAtMs).toBeUndefined()
    expect(ended?.projectionFlag).toBeUndefined()
  })

  it('says there is no basis while nobody is on queue, and projects nothing without a target queue', () => {
    const { board, clock } = harness()
    board.applyFrame(callbackFrame({ id: 'a', attributes: requested(clock.now(), 300) }))
    const [row] = upserts(board.tick())
    expect(row?.projectedAtMs).toBeNull()
    expect(row?.projectionExplanation).toMatch(/^No agents are on the queue/)
    const bare = harness({ targetQueueId: null })
    bare.board.applyFrame(callbackFrame({ id: 'a', attributes: requested(bare.clock.now(), 300) }))
    expect(upserts(bare.board.tick())).toEqual([])
    expect(bare.board.row('a')?.projectionFlag).toBeUndefined()
  })

  it('projects 5,000 waiting callbacks in one refresh (one pass over the live rows)', () => {
    const { board, clock } = harness()
    observe(board, clock.now(), 200, 1206)
    for (let i = 0; i < 5_000; i++) {
      board.applyFrame(callbackFrame({ id: `cb${i}`, attributes: requested(clock.now() - (5_000 - i) * 1_000, 600) }))
    }
    const rows = upserts(board.tick())
    expect(rows).toHaveLength(5_000)
    const byId = new Map(rows.map((r) => [r.id, r]))
    const ahead = Array.from({ length: 5_000 }, (_, i) =>
      Number(/: (\d+) ahead/.exec(byId.get(`cb${i}`)!.projectionExplanation!)?.[1] ?? 0)
    )
    // places in request order: who is ahead never decreases down the list, and the newest has many ahead
    for (let i = 1; i < ahead.length; i++) expect(ahead[i]).toBeGreaterThanOrEqual(ahead[i - 1]!)
    expect(ahead[4_999]).toBeGreaterThan(2_000)
  })
})
