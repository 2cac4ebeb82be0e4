/**
 * Thin adapter from core timing policies to the contact-center model's policy seam (src-main/sim/model/policy.ts),
 * so the benchmark and the demo org run exactly the policy the flows deploy. core/ may not import sim/, so the
 * model's views are restated here structurally (only the fields read); the lead wires
 * `toModelPolicy(virtualPlacePolicy())` into the model. Model times are seconds since t = 0; core uses epoch ms.
 */
import { expectedBackAtMs } from './callbacks-ahead'
import type { TimingPolicy, WakeDecision } from './policy'
import type { QueueObservation, QueueState, VirtualPosition } from './types'

/** The model's `QueueView`, as far as timing reads it. */
export interface ModelQueueView {
  readonly now: number
  readonly originMs: number
  readonly agentsOnQueue: number
  readonly idleAgents: number
  readonly holdingCount: number
  readonly ahtSeconds: number
  readonly answeredInWindow: number
  readonly windowSeconds: number
  readonly abandonRatePerSecond: number
  readonly arrivalRatePerSecond: number
  readonly holSeconds: number
  readonly recentLesSeconds: readonly number[]
  platformEwtSeconds(positionInQueue: number): number | undefined
  readonly staffing?: readonly { readonly at: number; readonly agents: number }[]
}

/** The model's `OfferView` fields timing reads. */
export interface ModelOfferView {
  readonly callerId: number
  readonly arrivalAt: number
  readonly positionInQueue: number
  readonly callsAhead: number
  readonly callbacksAhead: number
}

/** The model's `CallbackView` fields timing reads. */
export interface ModelCallbackView {
  readonly id: number
  readonly state: 'waiting' | 'dispatched'
  readonly arrivalAt: number
  readonly requestedAt: number
  readonly promisedWaitSeconds: number
  readonly scheduledAt: number
  readonly fixedTime: boolean
  readonly callsAhead: number
  readonly callbacksAhead: number
}

/** Structurally the model's `TimingPolicy`. */
export interface ModelTimingPolicy {
  readonly name: string
  announceWait(queue: ListingQueueView, caller: ModelOfferView): number
  planCallback(queue: ListingQueueView, callback: ModelCallbackView): { scheduledAt: number; priority: number }
  reviewCallback?(
    queue: ListingQueueView,
    callback: ModelCallbackView
  ): { action: 'dispatch' } | { action: 'wait'; scheduledAt?: number; reviewAt?: number }
}

/** Adapter options. */
export interface ModelAdapterOptions {
  /** Re-evaluate at wake-ups (adaptive policies); false for fire-and-forget baselines. Default true. */
  readonly review?: boolean
  /** Blueprint semantics: C = every placeholder in the holding queue (leaks included) instead of callbacks ahead. */
  readonly callbacksFromHoldingQueue?: boolean
  /** Announced when the policy has no basis (nobody on queue), seconds; the model's QL policy uses an hour. */
  readonly noBasisSeconds?: number
  /**
   * Pass every earlier callback's expected return time with this Ô (should equal the policy's), so only callbacks
   * back before the caller's turn count. Unset: count earlier non-parked callbacks.
   */
  readonly returnsOverheadSeconds?: number
}

/** A queue view that can list its callbacks (the model's does), for the parked-aware count of callbacks ahead. */
type ListingQueueView = ModelQueueView & { callbacks?(): readonly ModelCallbackView[] }

/** A caller's place in the model: arrival time, caller id, and the model's own count of callbacks ahead. */
interface ModelPlace {
  readonly arrivalAt: number
  readonly id: number
  readonly callbacksAhead: number
}

/**
 * Callbacks ahead of a place as the deployed flows see them: earlier callbacks not yet back, parked ones (retry
 * quarantine, staff-set time) not counted, and — given Ô — each one's expected return time for `blockingAhead`.
 * The model does not expose dispatch times, so a dispatched callback is taken as halfway through its overhead.
 */
export function callbacksAheadInModel(
  queue: ListingQueueView,
  place: ModelPlace,
  overheadSeconds?: number
): Pick<VirtualPosition, 'callbacksAhead' | 'callbacksBackAtMs'> {
  if (!queue.callbacks) return { callbacksAhead: place.callbacksAhead }
  const ms = (t: number): number => queue.originMs + t * 1000
  let callbacksAhead = 0
  const backAt: number[] = []
  for (const c of queue.callbacks()) {
    if (c.id === place.id || !(c.arrivalAt < place.arrivalAt || (c.arrivalAt === place.arrivalAt && c.id < place.id))) continue
    const parked = c.state === 'waiting' && c.fixedTime
    if (!parked) callbacksAhead++
    if (overheadSeconds === undefined) continue
    const pending = { id: String(c.id), requestedAtMs: ms(c.requestedAt), state: c.state, parked, dueAtMs: ms(c.scheduledAt) }
    backAt.push(expectedBackAtMs(pending, ms(queue.now), overheadSeconds))
  }
  return overheadSeconds === undefined ? { callbacksAhead } : { callbacksAhead, callbacksBackAtMs: backAt }
}

/** The model's queue view as a core observation, with the platform EWT for the caller's position. */
export function observationFromModel(queue: ModelQueueView, positionInQueue: number): QueueObservation {
  const ms = (t: number): number => queue.originMs + t * 1000
  return {
    atMs: ms(queue.now),
    agentsOnQueue: queue.agentsOnQueue,
    idleAgents: queue.idleAgents,
    ahtSeconds: queue.ahtSeconds,
    answeredInWindow: queue.answeredInWindow,
    windowSeconds: queue.windowSeconds,
    abandonRatePerSecond: queue.abandonRatePerSecond,
    arrivalRatePerSecond: queue.arrivalRatePerSecond,
    holSeconds: queue.holSeconds,
    recentLesSeconds: queue.recentLesSeconds,
    platformEwtSeconds: queue.platformEwtSeconds(positionInQueue),
    ...(queue.staffing ? { staffing: queue.staffing.map((s) => ({ fromMs: ms(s.at), agents: s.agents })) } : {})
  }
}

/** The model's queue and callbacks as the projection's QueueState (for the demo org's console view). */
export function queueStateFromModel(
  queue: ModelQueueView & {
    waitingCalls(): readonly { readonly enteredAt: number; readonly priority: number }[]
    callbacks(): readonly ModelCallbackView[]
  }
): QueueState {
  const ms = (t: number): number => queue.originMs + t * 1000
  return {
    observation: observationFromModel(queue, 1),
    waitingCalls: queue.waitingCalls().map((c) => ({ enteredAtMs: ms(c.enteredAt), priority: c.priority })),
    pendingCallbacks: queue.callbacks().map((c) => ({
      id: String(c.id),
      requestedAtMs: ms(c.requestedAt),
      queuedAtMs: ms(c.arrivalAt),
      parked: c.state === 'waiting' && c.fixedTime
    }))
  }
}

/** Wraps a core policy for the model. */
export function toModelPolicy(policy: TimingPolicy, options: ModelAdapterOptions = {}): ModelTimingPolicy {
  const noBasis = options.noBasisSeconds ?? 3600
  const position = (queue: ListingQueueView, callsAhead: number, place: ModelPlace): VirtualPosition =>
    options.callbacksFromHoldingQueue
      ? { callsAhead, callbacksAhead: queue.holdingCount }
      : { callsAhead, ...callbacksAheadInModel(queue, place, options.returnsOverheadSeconds) }
  const toModel = (queue: ModelQueueView, ms: number): number => (ms - queue.originMs) / 1000
  const request = (queue: ListingQueueView, callsAhead: number, place: ModelPlace) =>
    policy.onRequest({
      nowMs: queue.originMs + queue.now * 1000,
      position: position(queue, callsAhead, place),
      observation: observationFromModel(queue, callsAhead + 1),
      queuedAtMs: queue.originMs + place.arrivalAt * 1000
    })
  const adapted: ModelTimingPolicy = {
    name: policy.id,
    announceWait(queue, caller) {
      const place = { arrivalAt: caller.arrivalAt, id: caller.callerId, callbacksAhead: caller.callbacksAhead }
      return request(queue, caller.callsAhead, place).promisedWaitSeconds ?? noBasis
    },
    planCallback(queue, callback) {
      const d = request(queue, callback.callsAhead, callback)
      return { scheduledAt: toModel(queue, d.plannedDispatchAtMs), priority: d.transferPriority }
    }
  }
  if (options.review === false) return adapted
  return {
    ...adapted,
    reviewCallback(queue, callback) {
      const decision: WakeDecision = policy.onWake({
        nowMs: queue.originMs + queue.now * 1000,
        callback: {
          id: String(callback.id),
          requestedAtMs: queue.originMs + callback.requestedAt * 1000,
          queuedAtMs: queue.originMs + callback.arrivalAt * 1000,
          promisedWaitSeconds: callback.promisedWaitSeconds,
          plannedDispatchAtMs: queue.originMs + callback.scheduledAt * 1000,
          ...(callback.fixedTime ? { pinnedDispatchAtMs: queue.originMs + callback.scheduledAt * 1000 } : {})
        },
        position: position(queue, callback.callsAhead, callback),
        observation: observationFromModel(queue, callback.callsAhead + 1)
      })
      if (decision.kind === 'dispatch') return { action: 'dispatch' }
      return {
        action: 'wait',
        scheduledAt: toModel(queue, decision.plannedDispatchAtMs),
        reviewAt: toModel(queue, decision.wakeAtMs)
      }
    }
  }
}
