import { describe, expect, it } from 'vitest'
import {
  callbacksAheadInModel,
  observationFromModel,
  queueStateFromModel,
  toModelPolicy,
  type ModelCallbackView,
  type ModelQueueView
} from '../../../../src-main/core/timing/model-adapter'
import { blueprintPolicy } from '../../../../src-main/core/timing/static-policies'
import { virtualPlacePolicy } from '../../../../src-main/core/timing/virtual-place-policy'
import {
  ContactCenterModel,
  modelConfig,
  queueConfig,
  type ModelEvent,
  type TimingPolicy as ModelTimingPolicyType
} from '../../../../src-main/sim/model'

const ORIGIN = Date.UTC(2025, 0, 6, 8)
const cb = (id: number, arrivalAt: number, extra: Partial<ModelCallbackView> = {}): ModelCallbackView => ({
  id,
  state: 'waiting',
  arrivalAt,
  requestedAt: arrivalAt + 10,
  promisedWaitSeconds: 300,
  scheduledAt: arrivalAt + 200,
  fixedTime: false,
  callsAhead: 0,
  callbacksAhead: 0,
  ...extra
})
const view = (extra: Partial<ModelQueueView> = {}, callbacks: ModelCallbackView[] = []) => ({
  now: 100,
  originMs: ORIGIN,
  agentsOnQueue: 50,
  idleAgents: 0,
  holdingCount: callbacks.length,
  ahtSeconds: 300,
  answeredInWindow: 40,
  windowSeconds: 300,
  abandonRatePerSecond: 1 / 600,
  arrivalRatePerSecond: 0.16,
  holSeconds: 90,
  recentLesSeconds: [80, 70],
  platformEwtSeconds: (piq: number) => piq * 6,
  staffing: [{ at: 600, agents: 40 }],
  waitingCalls: () => [{ enteredAt: 20, priority: 0 }],
  callbacks: () => callbacks,
  ...extra
})

describe('model adapter', () => {
  it('converts model seconds to epoch ms and reads the platform EWT for the caller’s position', () => {
    const o = observationFromModel(view(), 4)
    expect(o.atMs).toBe(ORIGIN + 100_000)
    expect(o.platformEwtSeconds).toBe(24)
    expect(o.staffing).toEqual([{ fromMs: ORIGIN + 600_000, agents: 40 }])
    const s = queueStateFromModel(view({}, [cb(7, 5, { fixedTime: true })]))
    expect(s.waitingCalls).toEqual([{ enteredAtMs: ORIGIN + 20_000, priority: 0 }])
    expect(s.pendingCallbacks).toEqual([{ id: '7', requestedAtMs: ORIGIN + 15_000, queuedAtMs: ORIGIN + 5_000, parked: true }])
  })

  it('counts earlier callbacks the way the flows do: parked ones (retry, staff time) left out', () => {
    const q = view({}, [cb(1, 10), cb(2, 20, { fixedTime: true }), cb(3, 30, { state: 'dispatched' }), cb(9, 90)])
    expect(callbacksAheadInModel(q, { arrivalAt: 50, id: 5, callbacksAhead: 99 })).toEqual({ callbacksAhead: 2 })
    const timed = callbacksAheadInModel(q, { arrivalAt: 50, id: 5, callbacksAhead: 99 }, 20)
    expect(timed.callbacksBackAtMs).toHaveLength(3)
    const { callbacks: _omit, ...noList } = q
    expect(callbacksAheadInModel(noList, { arrivalAt: 50, id: 5, callbacksAhead: 4 })).toEqual({ callbacksAhead: 4 })
  })

  it('maps plan and review onto the model’s calls (model seconds, priority from queue entry)', () => {
    const policy = toModelPolicy(virtualPlacePolicy({ overheadSeconds: 35 }))
    const q = view()
    const far = cb(5, 40, { callsAhead: 60 })
    const plan = policy.planCallback(q, far)
    expect(plan.scheduledAt).toBeGreaterThan(100)
    expect(plan.priority).toBe(Math.ceil((plan.scheduledAt + 35 - 40) / 60))
    const review = policy.reviewCallback!(q, far)
    expect(review).toMatchObject({ action: 'wait' })
    expect(policy.reviewCallback!(q, cb(5, 40, { callsAhead: 2 }))).toEqual({ action: 'dispatch' })
    expect(toModelPolicy(blueprintPolicy(), { review: false }).reviewCallback).toBeUndefined()
  })

  it('runs inside the contact-center model: callbacks requested, reviewed and connected', () => {
    const policy: ModelTimingPolicyType = toModelPolicy(virtualPlacePolicy())
    const q = queueConfig({
      id: 'q',
      arrivals: [{ at: 0, perHour: 600 }],
      staffing: [{ at: 0, agents: 50 }],
      patience: { kind: 'exponential', mean: 3600 },
      callbacks: { offerThresholdSeconds: 60 }
    })
    const model = new ContactCenterModel(modelConfig({ seed: 4, durationSeconds: 3600, queues: [q] }), { policy })
    const events: ModelEvent[] = []
    model.onEvent((e) => events.push(e))
    model.run()
    const requested = events.filter((e) => e.type === 'callback-requested').length
    const byPolicy = events.filter((e) => e.type === 'callback-dispatched' && e.by === 'policy').length
    const connected = events.filter((e) => e.type === 'callback-ended' && e.state === 'connected').length
    expect(requested).toBeGreaterThan(10)
    expect(byPolicy).toBeGreaterThan(0)
    expect(connected).toBeGreaterThan(0.5 * requested)
  })
})
