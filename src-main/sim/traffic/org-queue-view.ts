/**
 * The model's policy views (`QueueView`, `OfferView`, `CallbackView`) read from the org itself, so the timing
 * policies of the model and of core/timing (the deployed virtual-place policy) decide from exactly what a
 * deployed flow could read: the org's waiting counts, on-queue agents, holding-queue placeholders with their
 * `cc.*` attributes, and the org's own EWT emulation. Profile seconds (t = 0 at `originMs`) as the model uses.
 */
import { truthOf } from '../domains/solution/placeholder'
import { longestWaitSeconds, queuingEwtSeconds } from '../org/ewt'
import type { SimConversation } from '../org/conversation-types'
import type { SimOrg } from '../org/org'
import type { CallbackView, OfferView, QueueView } from '../model/policy'
import type { AgentPool } from './agent-pool'
import type { RunningStats } from './running-stats'

/** What the view reads. */
export interface ViewSource {
  readonly org: SimOrg
  readonly targetQueueId: string
  readonly holdingQueueId: string | undefined
  readonly originMs: number
  /** Profile time the traffic started (the statistics window is shorter before it is full). */
  readonly startedAt: number
  readonly stats: RunningStats
  readonly pool: AgentPool
}

const toT = (src: ViewSource, ms: number): number => (ms - src.originMs) / 1000

/** Placeholders waiting or being dialled, as policies see callbacks (ids are negative: never a caller's). */
function placeholderViews(src: ViewSource): CallbackView[] {
  if (!src.holdingQueueId) return []
  const out: CallbackView[] = []
  let n = 0
  for (const conv of src.org.conversations.listWaiting(src.holdingQueueId, 'callback')) {
    const truth = truthOf(src.org, conv.id)
    if (!truth) continue
    const state = truth.record.state
    if (state !== 'waiting' && state !== 'dispatched') continue
    const requestedAt = toT(src, truth.record.requestedAtMs ?? conv.startTime)
    out.push({
      id: -++n,
      state,
      arrivalAt: requestedAt,
      requestedAt,
      promisedWaitSeconds: truth.record.promisedWaitSeconds ?? 0,
      scheduledAt: toT(src, truth.dueAtMs ?? conv.startTime),
      priority: 0,
      attempts: truth.record.attempts,
      fixedTime: state === 'waiting' && (truth.record.attempts > 0 || truth.record.lastAction === 'reschedule'),
      callsAhead: 0,
      callbacksAhead: 0
    })
  }
  return out
}

/** The target queue as a policy sees it now. */
export function orgQueueView(src: ViewSource): QueueView {
  const { org, targetQueueId, stats, pool } = src
  const nowMs = org.clock.now()
  const now = toT(src, nowMs)
  const waiting = org.conversations.countWaiting(targetQueueId, 'call')
  const holding = src.holdingQueueId ? org.conversations.countWaiting(src.holdingQueueId, 'callback') : 0
  const agentsOnQueue = pool.onQueue
  const hol = waiting > 0 ? longestWaitSeconds(org, targetQueueId, 'call') : 0
  return {
    queueId: targetQueueId,
    now,
    originMs: src.originMs,
    queueLength: waiting,
    priorityWaiting: countPriorityWaiting(org, targetQueueId),
    agentsOnQueue,
    idleAgents: pool.idleCount,
    busyAgents: pool.busyCount,
    leavingAgents: pool.leavingCount,
    holdingCount: holding,
    pendingCallbacks: holding,
    ahtSeconds: stats.ahtSeconds,
    answeredInWindow: stats.answeredInWindow(now),
    windowSeconds: stats.window(now, src.startedAt),
    abandonRatePerSecond: stats.abandonRatePerSecond(now),
    arrivalRatePerSecond: stats.arrivalRatePerSecond(now),
    holSeconds: hol,
    recentLesSeconds: stats.recentLes(),
    platformEwtSeconds(positionInQueue: number): number | undefined {
      // the org's EWT emulation (GET …/estimatedwaittime) for a caller at this position
      if (agentsOnQueue <= 0) return waiting > 0 ? hol : undefined
      return queuingEwtSeconds(org.routing.historyOf(targetQueueId), positionInQueue, agentsOnQueue)
    },
    waitingCalls: () =>
      org.conversations
        .listWaiting(targetQueueId, 'call')
        .map((c) => ({ enteredAt: toT(src, c.enqueuedAt ?? nowMs), priority: priorityOf(org, c) })),
    callbacks: () => placeholderViews(src)
  }
}

function priorityOf(org: SimOrg, conv: SimConversation): number {
  return org.conversations.activeLeg(conv)?.routing?.priority ?? 0
}

/** Calls waiting with a priority above 0 (a count: no need for routing order). */
function countPriorityWaiting(org: SimOrg, queueId: string): number {
  let n = 0
  for (const c of org.conversations.indexes.findWaiting(queueId, 'call')?.values() ?? []) if (priorityOf(org, c) > 0) n++
  return n
}

/** A caller at the offer point: its place in the target queue and the callbacks requested before it arrived. */
export function offerView(src: ViewSource, callerId: number, conv: SimConversation, arrivalMs: number): OfferView {
  const index = src.org.conversations.indexes.findWaiting(src.targetQueueId, 'call')
  const position = index?.positionOf(conv.id) ?? src.org.conversations.countWaiting(src.targetQueueId, 'call')
  const arrivalAt = toT(src, arrivalMs)
  const callbacksAhead = placeholderViews(src).filter((c) => c.arrivalAt < arrivalAt && !c.fixedTime).length
  return { callerId, arrivalAt, positionInQueue: position, callsAhead: Math.max(0, position - 1), callbacksAhead }
}

/** The new callback of an accepting caller, for `planCallback`. */
export function newCallbackView(offer: OfferView, nowT: number, promisedWaitSeconds: number): CallbackView {
  return {
    id: offer.callerId,
    state: 'waiting',
    arrivalAt: offer.arrivalAt,
    requestedAt: nowT,
    promisedWaitSeconds,
    scheduledAt: nowT,
    priority: 0,
    attempts: 0,
    fixedTime: false,
    callsAhead: offer.callsAhead,
    callbacksAhead: offer.callbacksAhead
  }
}
