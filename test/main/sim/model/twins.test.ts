import { describe, expect, it } from 'vitest'
import {
  ContactCenterModel,
  everyNth,
  modelConfig,
  steadyQueue,
  type ModelConfig,
  type ModelEvent,
  type TwinResult
} from '../../../../src-main/sim/model'
import { ofType, runAll } from './helpers'

function day(seed: number): ModelConfig {
  return modelConfig({
    seed,
    durationSeconds: 4 * 3600,
    queues: [
      steadyQueue({
        agents: 20,
        ahtSeconds: 300,
        rho: 1.05,
        patience: { kind: 'exponential', mean: 600 },
        agentAlertSeconds: 3,
        callbacks: { enabled: true, uptake: 0.5 }
      })
    ]
  })
}

/** A from-scratch twin: the whole day again with `callerId` holding forever; returns when they were answered. */
function scratchTwin(config: ModelConfig, callerId: number): number | undefined {
  const model = new ContactCenterModel(config, { holdCallerId: callerId })
  while (model.twinAnsweredAt === undefined && model.step()) {
    // run until the held caller reaches an agent
  }
  return model.twinAnsweredAt
}

describe('fork and counterfactual twins', () => {
  it('a fork continues exactly like the original', () => {
    const model = new ContactCenterModel(day(41))
    model.runUntil(5000)
    const fork = model.fork()
    const a: ModelEvent[] = []
    const b: ModelEvent[] = []
    model.onEvent((e) => a.push(e))
    fork.onEvent((e) => b.push(e))
    model.run()
    fork.run()
    expect(a.length).toBeGreaterThan(1000)
    expect(JSON.stringify(b)).toBe(JSON.stringify(a))
  })

  it('running twins does not change the base run, and every requester gets one', () => {
    const plain = runAll(day(42)).events
    const results: TwinResult[] = []
    const withTwins = runAll(day(42), { twins: { onResult: (r) => results.push(r) } }).events
    expect(JSON.stringify(withTwins)).toBe(JSON.stringify(plain))
    const requested = ofType(plain, 'callback-requested')
    expect(requested.length).toBeGreaterThan(30)
    expect(results.map((r) => r.callerId)).toEqual(requested.map((e) => e.callerId))
    for (const r of results) {
      expect(r.answeredAt).toBeDefined()
      expect(r.waitSeconds).toBe(r.answeredAt! - r.arrivalAt)
      // The twin's caller stayed on hold past the offer point.
      expect(r.answeredAt!).toBeGreaterThan(r.offeredAt)
    }
  })

  it('the fork-at-accept twin equals re-running the whole day with that caller holding (exact)', () => {
    const config = day(43)
    const results: TwinResult[] = []
    runAll(config, { twins: { select: everyNth(7), onResult: (r) => results.push(r) } })
    expect(results.length).toBeGreaterThanOrEqual(4)
    expect(results.every((r) => r.callerId % 7 === 0)).toBe(true)
    for (const r of results.slice(0, 4)) expect(scratchTwin(config, r.callerId)).toBe(r.answeredAt)
  })

  it('holding a caller who was answered anyway (never offered, never abandoned) changes nothing for them', () => {
    const config = day(44)
    const { events } = runAll(config)
    const offered = new Set(ofType(events, 'callback-offered').map((e) => e.callerId))
    const waitedLong = ofType(events, 'answered').filter((e) => !offered.has(e.callerId) && e.t - e.arrivalAt > 30)
    expect(waitedLong.length).toBeGreaterThan(3)
    for (const e of waitedLong.slice(0, 3)) expect(scratchTwin(config, e.callerId)).toBe(e.t)
  })
})
