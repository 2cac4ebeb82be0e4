import { describe, expect, it } from 'vitest'
import { seededRandom, type Random } from '../../../../src-main/core/clock'
import { CC, LIFECYCLE_STATES, isTerminalState } from '../../../../src-main/core/lifecycle-model'
import { applyBoardDiff, emptyReplica, type BoardReplica } from '../../../../src-main/core/board/board-replica'
import { EMPTY_KPIS, type BoardChange, type BoardDiff, type BoardRow } from '../../../../src-main/core/board/board-types'
import { DiffAccumulator } from '../../../../src-main/core/board/diff-accumulator'
import {
  CAMPAIGN,
  TARGET,
  callbackConversation,
  callbackFrame,
  frame,
  iso,
  observationEvent,
  type CallbackSpec
} from '../fixtures/callbacks'
import { harness } from './board-harness'

const MIN = 60_000
const row = (id: string, attempts = 0): BoardRow => ({
  id,
  queueId: 'q',
  maskedNumber: '•••• 0001',
  name: null,
  requestedAtMs: 0,
  promisedWaitSeconds: null,
  dueAtMs: null,
  state: 'waiting',
  stateInferred: false,
  stateAtMs: null,
  attempts,
  lastOutcome: null,
  lastAction: null,
  actedBy: null,
  reason: null,
  eventTimeMs: 0
})

describe('DiffAccumulator', () => {
  it('keeps only the last upsert per row', () => {
    const acc = new DiffAccumulator()
    acc.add([
      { kind: 'upsert', row: row('a', 1) },
      { kind: 'upsert', row: row('a', 2) },
      { kind: 'upsert', row: row('b') }
    ])
    expect(acc.take()).toEqual({ upserts: [row('a', 2), row('b')], removals: [], kpis: null })
    expect(acc.take()).toBeNull()
    expect(acc.pending).toBe(false)
  })

  it('cancels out a row added and removed within one batch, but removes a delivered one', () => {
    const acc = new DiffAccumulator()
    acc.add([{ kind: 'upsert', row: row('a') }])
    acc.take()
    acc.add([
      { kind: 'upsert', row: row('b') },
      { kind: 'remove', id: 'b' },
      { kind: 'upsert', row: row('a', 3) },
      { kind: 'remove', id: 'a' }
    ])
    expect(acc.take()).toEqual({ upserts: [], removals: ['a'], kpis: null })
    acc.add([{ kind: 'remove', id: 'a' }])
    expect(acc.take()).toBeNull()
  })

  it('turns remove-then-upsert into an upsert', () => {
    const acc = new DiffAccumulator()
    acc.add([{ kind: 'upsert', row: row('a') }])
    acc.take()
    acc.add([
      { kind: 'remove', id: 'a' },
      { kind: 'upsert', row: row('a', 5) }
    ])
    expect(acc.take()).toEqual({ upserts: [row('a', 5)], removals: [], kpis: null })
  })

  it('sends only KPI fields whose value moved since the last batch', () => {
    const acc = new DiffAccumulator()
    acc.add([
      { kind: 'kpis', kpis: { waiting: 3, dispatched: 1 } },
      { kind: 'kpis', kpis: { waiting: 4 } }
    ])
    expect(acc.take()).toEqual({ upserts: [], removals: [], kpis: { waiting: 4, dispatched: 1 } })
    acc.add([
      { kind: 'kpis', kpis: { waiting: 5 } },
      { kind: 'kpis', kpis: { waiting: 4 } }
    ])
    expect(acc.take()).toBeNull()
  })

  it('resets for a receiver that (re)starts from a full diff', () => {
    const acc = new DiffAccumulator()
    acc.add([{ kind: 'upsert', row: row('x') }])
    const full: BoardDiff = { upserts: [row('a')], removals: [], kpis: { ...EMPTY_KPIS, waiting: 1 } }
    acc.reset(full, { ...EMPTY_KPIS, waiting: 1 })
    expect(acc.pending).toBe(false)
    acc.add([
      { kind: 'remove', id: 'a' },
      { kind: 'kpis', kpis: { waiting: 0 } }
    ])
    expect(acc.take()).toEqual({ upserts: [], removals: ['a'], kpis: { waiting: 0 } })
  })
})

// ---- property: batched diffs reproduce the board -----------------------------------------------------------

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!

function randomCallback(random: Random, id: string, nowMs: number): CallbackSpec {
  const state = pick(random, LIFECYCLE_STATES)
  const at = nowMs - Math.floor(random() * 3 * MIN)
  const ended = isTerminalState(state) ? random() < 0.85 : random() < 0.05
  const attributes: Record<string, string> =
    random() < 0.1
      ? {}
      : {
          [CC.state]: state,
          [CC.stateAt]: iso(at),
          [CC.actedAt]: iso(at),
          [CC.requestedAt]: iso(at - 10 * MIN),
          [CC.attempts]: String(Math.floor(random() * 3))
        }
  return {
    id,
    attributes,
    state: ended ? 'disconnected' : 'alerting',
    endMs: ended ? at : undefined,
    scheduledMs: at + Math.floor(random() * 20 * MIN)
  }
}

function checkBatch(diff: BoardDiff, before: BoardReplica): void {
  const upserted = new Set(diff.upserts.map((r) => r.id))
  expect(upserted.size).toBe(diff.upserts.length)
  for (const id of diff.removals) {
    expect(upserted.has(id)).toBe(false)
    expect(before.rows.has(id)).toBe(true)
  }
}

function simulate(seed: number): void {
  const random = seededRandom(seed)
  const { board, clock } = harness({ finishedRetentionMs: 5 * MIN })
  const acc = new DiffAccumulator()
  let batched = emptyReplica()
  let stepwise = emptyReplica()
  const ids = Array.from({ length: 25 }, (_, i) => `c${i}`)
  let changeCount = 0
  let upsertsSent = 0
  for (let step = 0; step < 1200; step++) {
    const r = random()
    const changes: BoardChange[] = []
    if (r < 0.55) {
      const f = callbackFrame(randomCallback(random, pick(random, ids), clock.now()))
      changes.push(...board.applyFrame(random() < 0.1 ? JSON.stringify(f) : f))
      if (random() < 0.15) changes.push(...board.applyFrame(f))
    } else if (r < 0.63) {
      const metrics = [
        { metric: 'oWaiting', count: Math.floor(random() * 9) },
        { metric: 'oOnQueueUsers', qualifier: 'IDLE', count: Math.floor(random() * 4) }
      ]
      changes.push(
        ...board.applyFrame(
          frame(
            `v2.analytics.queues.${TARGET}.observations`,
            observationEvent(TARGET, clock.now() - Math.floor(random() * 5000), metrics)
          )
        )
      )
    } else if (r < 0.68) {
      changes.push(
        ...board.applyFrame(
          frame(`v2.outbound.campaigns.${CAMPAIGN}`, {
            id: CAMPAIGN,
            campaignStatus: pick(random, ['on', 'off', 'invalid']),
            version: step
          })
        )
      )
    } else if (r < 0.72) {
      changes.push(
        ...board.applyFrame(pick(random, ['{oops', frame(`v2.routing.queues.q-holding.conversations.callbacks`, { id: 5 })]))
      )
    } else if (r < 0.75) {
      changes.push(...board.setEstimatedWait(TARGET, Math.floor(random() * 600)))
    } else if (r < 0.92) {
      clock.advance(Math.floor(random() * 40_000))
      changes.push(...board.tick())
    } else {
      const sinceSeq = board.seq
      const live = board
        .rows()
        .filter((x) => x.state === 'waiting' || x.state === 'dispatched')
        .map((x) => x.id)
      const listed = live.filter(() => random() < 0.7).concat(random() < 0.5 ? [pick(random, ids)] : [])
      const conversations = listed
        .filter(() => random() < 0.5)
        .map((id) => callbackConversation(randomCallback(random, id, clock.now())))
      changes.push(...board.applySnapshot({ sinceSeq, listedIds: listed, listComplete: random() < 0.8, conversations }).changes)
    }
    changeCount += changes.filter((c) => c.kind === 'upsert').length
    for (const c of changes) {
      const one: BoardDiff =
        c.kind === 'upsert'
          ? { upserts: [c.row], removals: [], kpis: null }
          : c.kind === 'remove'
            ? { upserts: [], removals: [c.id], kpis: null }
            : { upserts: [], removals: [], kpis: c.kpis }
      stepwise = applyBoardDiff(stepwise, one)
    }
    acc.add(changes)
    if (random() < 0.2) {
      const diff = acc.take()
      if (diff) {
        checkBatch(diff, batched)
        upsertsSent += diff.upserts.length
        batched = applyBoardDiff(batched, diff)
      }
    }
  }
  const last = acc.take()
  if (last) {
    checkBatch(last, batched)
    upsertsSent += last.upserts.length
    batched = applyBoardDiff(batched, last)
  }
  const truth = new Map(board.rows().map((x) => [x.id, x]))
  expect(batched.rows).toEqual(truth)
  expect(batched.kpis).toEqual(board.kpis())
  expect(stepwise.rows).toEqual(truth)
  expect(stepwise.kpis).toEqual(board.kpis())
  expect(upsertsSent).toBeLessThanOrEqual(changeCount)
  expect(acc.take()).toBeNull()
}

describe('property: applying the batches in order to an empty board reproduces the board', () => {
  for (const seed of [1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233]) {
    it(`seed ${seed}`, () => simulate(seed))
  }
})
