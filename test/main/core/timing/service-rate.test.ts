import { describe, expect, it } from 'vitest'
import { estimateAbandonRate, estimateServiceRate, ewma, modelServiceRate } from '../../../../src-main/core/timing/service-rate'
import type { QueueObservation } from '../../../../src-main/core/timing/types'

const obs = (extra: Partial<QueueObservation> = {}): QueueObservation => ({
  atMs: 0,
  agentsOnQueue: 50,
  ahtSeconds: 300,
  ...extra
})

describe('service rate', () => {
  it('model rate is agents / AHT', () => {
    expect(modelServiceRate(50, 300)).toBeCloseTo(1 / 6, 12)
    expect(() => modelServiceRate(50, 0)).toThrow(RangeError)
  })

  it('uses agents / AHT without a trustworthy measurement', () => {
    expect(estimateServiceRate(obs())).toEqual({ ratePerSecond: 50 / 300, source: 'model' })
    // the queue emptied during the window (oldest waiter younger than the window): answers understate capacity
    expect(estimateServiceRate(obs({ answeredInWindow: 10, windowSeconds: 120, holSeconds: 30 }))?.source).toBe('model')
  })

  it('uses measured answers when the queue stayed busy through the window', () => {
    const r = estimateServiceRate(obs({ answeredInWindow: 16, windowSeconds: 120, holSeconds: 150 }))
    expect(r).toEqual({ ratePerSecond: 16 / 120, source: 'measured' })
  })

  it('rescales the measurement to the agents on queue now (a log-off shows at once)', () => {
    const r = estimateServiceRate(
      obs({ agentsOnQueue: 30, agentsOnQueueInWindow: 40, answeredInWindow: 16, windowSeconds: 120, holSeconds: 150 })
    )
    expect(r?.source).toBe('measured-rescaled')
    expect(r?.ratePerSecond).toBeCloseTo((16 / 120) * 0.75, 12)
  })

  it('has no estimate with nobody on queue', () => {
    expect(estimateServiceRate(obs({ agentsOnQueue: 0 }))).toBeUndefined()
  })
})

describe('abandon rate and smoothing', () => {
  it('θ̂ = abandons / seconds waited by everyone who left', () => {
    expect(estimateAbandonRate(3, 1800)).toBeCloseTo(1 / 600, 12)
    expect(estimateAbandonRate(0, 1800)).toBe(0)
    expect(estimateAbandonRate(2, 0)).toBe(0)
  })

  it('EWMA starts at the first sample and moves by the weight', () => {
    expect(ewma(undefined, 10, 0.2)).toBe(10)
    expect(ewma(10, 20, 0.25)).toBe(12.5)
    expect(() => ewma(1, 2, 1.5)).toThrow(RangeError)
  })
})
