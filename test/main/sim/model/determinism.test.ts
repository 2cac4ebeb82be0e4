import { describe, expect, it } from 'vitest'
import {
  blueprintPolicy,
  ContactCenterModel,
  demoDayConfig,
  modelConfig,
  qlPolicy,
  steadyQueue,
  type ModelEvent
} from '../../../../src-main/sim/model'
import { ofType, runAll } from './helpers'

describe('determinism and common random numbers', () => {
  it('the same seed gives an identical event log (ours and blueprint flows)', () => {
    for (const flows of ['ours', 'blueprint'] as const) {
      const a = runAll(demoDayConfig({ seed: 5, flows })).events
      const b = runAll(demoDayConfig({ seed: 5, flows })).events
      expect(a.length).toBeGreaterThan(10_000)
      expect(ofType(a, 'callback-requested').length).toBeGreaterThan(10)
      expect(JSON.stringify(b)).toBe(JSON.stringify(a))
    }
  })

  it('a different seed gives a different day', () => {
    const a = runAll(demoDayConfig({ seed: 5 })).events
    const b = runAll(demoDayConfig({ seed: 6 })).events
    expect(JSON.stringify(b)).not.toBe(JSON.stringify(a))
    expect(ofType(a, 'arrival')[0]!.t).not.toBe(ofType(b, 'arrival')[0]!.t)
  })

  it('two policies on one seed see the same callers: arrival times and handle times agree', () => {
    const config = modelConfig({
      seed: 9,
      queues: [
        steadyQueue({
          agents: 20,
          ahtSeconds: 300,
          rho: 1.05,
          patience: { kind: 'exponential', mean: 600 },
          callbacks: { enabled: true }
        })
      ]
    })
    const ql = runAll(config, { policy: qlPolicy() }).events
    const bp = runAll(config, { policy: blueprintPolicy() }).events
    const arrivals = (ev: typeof ql) => ofType(ev, 'arrival').map((e) => `${e.callerId}@${e.t}`)
    expect(arrivals(bp)).toEqual(arrivals(ql))
    // The policies differ (different callbacks), yet every caller served in both runs had the same handle time.
    expect(JSON.stringify(ofType(bp, 'callback-requested').map((e) => e.callerId))).not.toBe(
      JSON.stringify(ofType(ql, 'callback-requested').map((e) => e.callerId))
    )
    const handles = new Map(ofType(ql, 'completed').map((e) => [e.callerId, e.handleSeconds]))
    let common = 0
    for (const e of ofType(bp, 'completed')) {
      const h = handles.get(e.callerId)
      if (h === undefined) continue
      expect(e.handleSeconds).toBe(h)
      common++
    }
    expect(common).toBeGreaterThan(1000)
  })

  it('a run advanced in uneven slices (as the real-time driver does) equals one uninterrupted run', () => {
    const whole = runAll(demoDayConfig({ seed: 3 })).events
    const model = new ContactCenterModel(demoDayConfig({ seed: 3 }))
    const sliced: ModelEvent[] = []
    model.onEvent((e) => sliced.push(e))
    for (let t = 0; t < 40_000; t += 7.3 + (t % 11)) model.runUntil(t)
    model.run()
    expect(JSON.stringify(sliced)).toBe(JSON.stringify(whole))
  })
})
