/**
 * Two policies built into the model so it runs without core-timing: the blueprint's "modified EWT" exactly as its
 * flows compute it (the baseline to beat) and a simple queue-length (QL) policy that keeps the caller's virtual
 * place and dials when the place is about to reach an agent. The deployed policy comes from src-main/core/timing.
 */
import { type CallbackView, type OfferView, type QueueView, type TimingPolicy } from './policy'

/** Architect `ToInt` on a decimal: truncation toward zero (blueprint.md §5.4). */
function toInt(value: number): number {
  return Math.trunc(value)
}

/**
 * The blueprint (blueprint.md §5.4): EWT_mod = ToInt(EWT / PIQ × (PIQ + C)), C = placeholders in the holding queue,
 * EWT = the platform's (fallback 60 s when unset, as in the Archy YAML); delay = ToInt(EWT_mod / 60) minutes;
 * dial after `delay` minutes; transfer priority = delay.
 */
export function blueprintPolicy(): TimingPolicy {
  return {
    name: 'blueprint',
    announceWait(queue: QueueView, caller: OfferView): number {
      const piq = caller.positionInQueue
      const ewt = toInt(queue.platformEwtSeconds(piq) ?? 60)
      return toInt((ewt / piq) * (piq + queue.holdingCount))
    },
    planCallback(_queue: QueueView, callback: CallbackView) {
      const delayMinutes = toInt(callback.promisedWaitSeconds / 60)
      return { scheduledAt: callback.requestedAt + delayMinutes * 60, priority: delayMinutes }
    }
  }
}

/** Options of the built-in QL policy. */
export interface QlPolicyOptions {
  /** Expected dispatch → agent-queue time (dialer + ring + confirmation); dial this much before the place is due. */
  readonly overheadSeconds?: number
  /** Transfer priority; above 0 puts returning callbacks ahead of normal calls. */
  readonly priority?: number
}

/** Service-start rate sμ from agents on queue and recent AHT, per second (0 when nobody is on queue). */
function serviceRate(queue: QueueView): number {
  return queue.agentsOnQueue > 0 && queue.ahtSeconds > 0 ? queue.agentsOnQueue / queue.ahtSeconds : 0
}

/** With no agent on queue, QL is undefined; announce (and plan) an hour, then re-evaluate. */
const NO_AGENT_WAIT_SECONDS = 3600

/**
 * QL (Whitt 1999) on the virtual place: Ŵ = (k + 1) / (sμ) with k = callers ahead (on hold + earlier callbacks).
 * Announce Ŵ; dispatch when the remaining Ŵ is within the connect overhead; project `scheduledAt` meanwhile.
 */
export function qlPolicy(options: QlPolicyOptions = {}): TimingPolicy {
  const overhead = options.overheadSeconds ?? 35
  const priority = options.priority ?? 100
  const remaining = (queue: QueueView, ahead: number): number => {
    const rate = serviceRate(queue)
    return rate > 0 ? (ahead + 1) / rate : NO_AGENT_WAIT_SECONDS
  }
  return {
    name: 'ql',
    announceWait(queue, caller) {
      if (queue.idleAgents > 0) return 0
      return remaining(queue, caller.callsAhead + caller.callbacksAhead)
    },
    planCallback(queue, callback) {
      const wait = remaining(queue, callback.callsAhead + callback.callbacksAhead)
      return { scheduledAt: queue.now + Math.max(0, wait - overhead), priority }
    },
    reviewCallback(queue, callback) {
      const wait = remaining(queue, callback.callsAhead + callback.callbacksAhead)
      if (wait <= overhead) return { action: 'dispatch' }
      return { action: 'wait', scheduledAt: queue.now + wait - overhead }
    }
  }
}
