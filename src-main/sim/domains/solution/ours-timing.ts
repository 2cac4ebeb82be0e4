/**
 * The timing seam of the emulated "ours" workflow: at each wake of a waiting callback, should it be dialled now?
 * The default (`virtualPlaceTiming`) asks the deployed policy, core/timing's `virtualPlacePolicy()`, with only what
 * the real workflow reads through its data actions:
 * - target queue observation (`oWaiting` detail): calls on hold that entered before this caller's place or wait
 *   with a priority above 0 (callbacks already back), agents on queue (`oOnQueueUsers`), idle agents (`IDLE`);
 * - holding queue observation: the other placeholders older than this one, less the parked ones (waiting out a
 *   retry or a staff-set time — the real workflow flags those with a routing priority; here the lifecycle truth
 *   stands in for that flag);
 * - the platform EWT and its historical AHT (the demo org has no aggregates API: AHT = the EWT's own input);
 * - this placeholder's attributes (`cc.requestedAt`, `cc.queuedAt`, `cc.promisedWaitSeconds`) and
 *   `callbackScheduledTime`, which staff may have moved (a pin the policy honours).
 */
import { maybeMs } from '../../../core/attribute-values'
import { CC } from '../../../core/lifecycle-model'
import type { CallbackTruth } from '../../../core/lifecycle'
import type { TimingPolicy, WakeDecision } from '../../../core/timing/policy'
import type { QueueObservation, VirtualPosition } from '../../../core/timing/types'
import { virtualPlacePolicy } from '../../../core/timing/virtual-place-policy'
import { virtualPlacePriority } from '../../../core/timing/virtual-position'
import type { SimOrg } from '../../org/org'
import { estimateWait } from '../../org/ewt'
import { truthOf } from './placeholder'

/** What the workflow knows at a wake. */
export interface OursWakeInput {
  readonly conversationId: string
  readonly truth: CallbackTruth
  readonly holdingQueueId: string
  readonly targetQueueId: string
  /** The dial time the workflow itself last wrote to `callbackScheduledTime`. */
  readonly plannedDueMs: number
  readonly nowMs: number
}

/** The seam: decide at a wake, and the transfer priority the outbound flow uses on a live "yes". */
export interface OursTiming {
  decide(org: SimOrg, input: OursWakeInput): WakeDecision
  transferPriority(truth: CallbackTruth, attributes: Readonly<Record<string, string>>, nowMs: number): number
}

/** The callback's virtual place: `cc.queuedAt`, else the request. */
export function placeOf(truth: CallbackTruth, attributes: Readonly<Record<string, string>>, fallbackMs: number): number {
  return maybeMs(attributes[CC.queuedAt]) ?? truth.record.requestedAtMs ?? fallbackMs
}

function attributesOf(org: SimOrg, conversationId: string): Readonly<Record<string, string>> {
  const conv = org.conversations.get(conversationId)
  return (conv && org.conversations.customerOf(conv)?.attributes) ?? {}
}

/** Parked: waiting for a fixed time (retry quarantine or a staff reschedule), not for its place. */
function parked(truth: CallbackTruth): boolean {
  return truth.record.state === 'waiting' && (truth.record.attempts > 0 || truth.record.lastAction === 'reschedule')
}

/** Who is ahead of `placeMs`, counted from the two queues' observations. */
export function observedPosition(org: SimOrg, input: OursWakeInput, placeMs: number): VirtualPosition {
  let callsAhead = 0
  for (const c of org.conversations.indexes.findWaiting(input.targetQueueId, 'call')?.values() ?? []) {
    const priority = org.conversations.activeLeg(c)?.routing?.priority ?? 0
    if (priority > 0 || (c.enqueuedAt ?? c.startTime) < placeMs) callsAhead++
  }
  let callbacksAhead = 0
  for (const p of org.conversations.indexes.findWaiting(input.holdingQueueId, 'callback')?.values() ?? []) {
    if (p.id === input.conversationId) continue
    const truth = truthOf(org, p.id)
    if (!truth || (truth.record.state !== 'waiting' && truth.record.state !== 'dispatched') || parked(truth)) continue
    if (placeOf(truth, attributesOf(org, p.id), p.startTime) < placeMs) callbacksAhead++
  }
  return { callsAhead, callbacksAhead }
}

/** The target queue's observation: agents on queue and idle, historical AHT, the platform EWT. */
export function observedQueue(org: SimOrg, targetQueueId: string, nowMs: number): QueueObservation {
  const members = org.routing.onQueueMembers(targetQueueId)
  const history = org.routing.historyOf(targetQueueId)
  return {
    atMs: nowMs,
    agentsOnQueue: members.length,
    idleAgents: members.filter((u) => u.routingStatus === 'IDLE').length,
    ahtSeconds: history.ahtSeconds > 0 ? history.ahtSeconds : 300,
    platformEwtSeconds: estimateWait(org, targetQueueId, 'call').estimatedWaitTimeSeconds
  }
}

/** The deployed policy behind the seam (`--flows ours`). */
export function virtualPlaceTiming(policy: TimingPolicy = virtualPlacePolicy()): OursTiming {
  return {
    decide(org, input) {
      const attributes = attributesOf(org, input.conversationId)
      const { truth, nowMs } = input
      const placeMs = placeOf(truth, attributes, nowMs)
      const due = truth.dueAtMs
      // a scheduled time the workflow did not write was set by staff (or by the retry rule): honour it
      const pinned = due !== null && (due !== input.plannedDueMs || parked(truth)) ? due : undefined
      return policy.onWake({
        nowMs,
        callback: {
          id: input.conversationId,
          requestedAtMs: truth.record.requestedAtMs ?? nowMs,
          queuedAtMs: placeMs,
          ...(truth.record.promisedWaitSeconds !== null ? { promisedWaitSeconds: truth.record.promisedWaitSeconds } : {}),
          plannedDispatchAtMs: input.plannedDueMs,
          ...(pinned !== undefined ? { pinnedDispatchAtMs: pinned } : {})
        },
        position: observedPosition(org, input, placeMs),
        observation: observedQueue(org, input.targetQueueId, nowMs)
      })
    },
    transferPriority(truth, attributes, nowMs) {
      return Math.max(1, virtualPlacePriority(placeOf(truth, attributes, nowMs), nowMs))
    }
  }
}
