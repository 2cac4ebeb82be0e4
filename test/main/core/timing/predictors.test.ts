import { describe, expect, it } from 'vitest'
import { listPredictors, predictWait, type PredictionInput, type PredictorId } from '../../../../src-main/core/timing/predictors'
import { qlmSeconds } from '../../../../src-main/core/timing/ql'
import type { QueueObservation } from '../../../../src-main/core/timing/types'
import { seededRandom } from '../../../../src-main/core/clock'
import { randomInt } from './seeded'

const observation: QueueObservation = {
  atMs: 0,
  agentsOnQueue: 50,
  idleAgents: 0,
  ahtSeconds: 300,
  abandonRatePerSecond: 1 / 600,
  arrivalRatePerSecond: 0.15,
  holSeconds: 60,
  recentLesSeconds: [50, 70],
  platformEwtSeconds: 45
}
const input = (callsAhead: number, callbacksAhead = 0, extra: Partial<QueueObservation> = {}): PredictionInput => ({
  position: { callsAhead, callbacksAhead },
  observation: { ...observation, ...extra }
})

describe('predictor registry', () => {
  it('gives each predictor its formula on one constructed state (6 on hold + 3 callbacks ahead)', () => {
    const i = input(6, 3)
    const expected: Record<PredictorId, number> = {
      blueprint: Math.trunc((45 / 7) * 10), // EWT / PIQ × (PIQ + C), PIQ = 7
      'platform-ewt': 45,
      ql: 10 * 6,
      qlm: qlmSeconds(9, 1 / 6, 1 / 600),
      hol: 60,
      'refined-hol': (0.15 * 60 + 2) * 6,
      les: 50,
      'avg-les': 60,
      'schedule-qlm': qlmSeconds(9, 1 / 6, 1 / 600),
      blended: qlmSeconds(9, 1 / 6, 1 / 600)
    }
    for (const p of listPredictors()) expect(p.predict(i), p.id).toBeCloseTo(expected[p.id], 9)
    expect(
      listPredictors()
        .map((p) => p.id)
        .sort()
    ).toEqual(Object.keys(expected).sort())
  })

  it('predicts no wait when an idle agent would take the caller at once', () => {
    for (const id of ['ql', 'qlm', 'schedule-qlm', 'blended'] as const) {
      expect(predictWait(id, input(1, 0, { idleAgents: 2 }))).toBe(0)
      expect(predictWait(id, input(2, 0, { idleAgents: 2 }))).toBeGreaterThan(0)
    }
  })

  it('has no state-based answer with nobody on queue, but the platform EWT still answers', () => {
    const none = input(3, 0, { agentsOnQueue: 0 })
    for (const id of ['ql', 'qlm', 'refined-hol', 'schedule-qlm', 'blended'] as const)
      expect(predictWait(id, none)).toBeUndefined()
    expect(predictWait('blueprint', none)).toBe(Math.trunc((45 / 4) * 4))
  })

  it('applies trained blend coefficients', () => {
    const i = { ...input(9), blend: { intercept: 5, weights: [0.5, 0, 0.5, 0] } }
    const backbone = qlmSeconds(9, 1 / 6, 1 / 600)
    expect(predictWait('blended', i)).toBeCloseTo(5 + 0.5 * backbone + 0.5 * (0.15 * 60 + 2) * 6, 9)
  })

  it('property: more agents -> earlier, more ahead -> later, for every state-based predictor', () => {
    const random = seededRandom(42)
    const ids = ['ql', 'qlm', 'schedule-qlm', 'blended'] as const
    for (let trial = 0; trial < 200; trial++) {
      const ahead = randomInt(random, 0, 300)
      const agents = randomInt(random, 1, 200)
      const extra = { agentsOnQueue: agents, ahtSeconds: 60 + random() * 900, abandonRatePerSecond: random() / 100 }
      for (const id of ids) {
        const w = predictWait(id, input(ahead, 0, extra))!
        expect(predictWait(id, input(ahead, 0, { ...extra, agentsOnQueue: agents + 1 }))!).toBeLessThan(w)
        expect(predictWait(id, input(ahead, 1, extra))!).toBeGreaterThan(w)
      }
    }
  })
})
