/**
 * Simulator self-tests (ewt.md §7.5): long stationary runs against closed forms. Each tolerance is at least three
 * standard deviations of the estimate at that run length (measured over independent seeds), so a pass is not luck
 * and a modelling error of 5 % would show.
 */
import { describe, expect, it } from 'vitest'
import { erlangASteadyState, erlangCSteadyState, modelConfig, steadyQueue } from '../../../../src-main/sim/model'
import { queueWaits } from './helpers'

const AHT = 300
const mu = 1 / AHT

function hoursFor(arrivals: number, agents: number, rho: number): number {
  return arrivals / (((rho * agents) / AHT) * 3600)
}

describe('model vs queueing theory', () => {
  it('M/M/2 at ρ = 0.5 matches Erlang C mean wait within 5 % (300k calls)', () => {
    const agents = 2
    const rho = 0.5
    const config = modelConfig({
      seed: 11,
      durationSeconds: hoursFor(300_000, agents, rho) * 3600,
      queues: [steadyQueue({ agents, ahtSeconds: AHT, rho })]
    })
    const sim = queueWaits(config, 20 * AHT)
    const theory = erlangCSteadyState(agents, (rho * agents) / AHT, mu)
    expect(sim.n).toBeGreaterThan(290_000)
    expect(Math.abs(sim.meanWait / theory.meanWaitSeconds - 1)).toBeLessThan(0.05)
    expect(Math.abs(sim.pWait / theory.pWait - 1)).toBeLessThan(0.02)
  })

  it('M/M/20 at ρ = 0.8 matches Erlang C P(wait) within 5 % (300k calls)', () => {
    const agents = 20
    const rho = 0.8
    const config = modelConfig({
      seed: 12,
      durationSeconds: hoursFor(300_000, agents, rho) * 3600,
      queues: [steadyQueue({ agents, ahtSeconds: AHT, rho })]
    })
    const sim = queueWaits(config, 20 * AHT)
    const theory = erlangCSteadyState(agents, (rho * agents) / AHT, mu)
    expect(Math.abs(sim.pWait / theory.pWait - 1)).toBeLessThan(0.05)
  })

  it('M/M/10+M at ρ = 1.2 matches Erlang A mean wait and abandonment within 5 % (200k calls)', () => {
    const agents = 10
    const rho = 1.2
    const patience = 300
    const config = modelConfig({
      seed: 13,
      durationSeconds: hoursFor(200_000, agents, rho) * 3600,
      queues: [steadyQueue({ agents, ahtSeconds: AHT, rho, patience: { kind: 'exponential', mean: patience } })]
    })
    const sim = queueWaits(config, 20 * AHT)
    const theory = erlangASteadyState(agents, (rho * agents) / AHT, mu, 1 / patience)
    expect(Math.abs(sim.meanWait / theory.meanWaitSeconds - 1)).toBeLessThan(0.05)
    expect(Math.abs(sim.abandonShare / theory.pAbandon - 1)).toBeLessThan(0.05)
  })

  it('M/M/20+M at ρ = 1.0 matches Erlang A within 5 % (400k calls)', () => {
    const agents = 20
    const rho = 1.0
    const patience = 300
    const config = modelConfig({
      seed: 14,
      durationSeconds: hoursFor(400_000, agents, rho) * 3600,
      queues: [steadyQueue({ agents, ahtSeconds: AHT, rho, patience: { kind: 'exponential', mean: patience } })]
    })
    const sim = queueWaits(config, 20 * AHT)
    const theory = erlangASteadyState(agents, (rho * agents) / AHT, mu, 1 / patience)
    expect(Math.abs(sim.meanWait / theory.meanWaitSeconds - 1)).toBeLessThan(0.05)
    expect(Math.abs(sim.abandonShare / theory.pAbandon - 1)).toBeLessThan(0.05)
  })
})
