/**
 * Fire-and-forget baselines for the benchmark: the blueprint exactly as shipped, the blueprint without minute
 * truncation (isolates that bias), and "predict once, dial at a + Ŵ − Ô" for any predictor (ewt.md §7.4 P0–P3).
 */
import { blueprintOffer } from './blueprint'
import { DEFAULT_POLICY_SETTINGS, honourPin, type PolicySettings, type TimingPolicy } from './policy'
import { predictWait, type PredictorId } from './predictors'
import { placeSinceMs, virtualPlacePriority } from './virtual-position'

/**
 * The blueprint: promise = EWT × (PIQ + C) / PIQ, the workflow waits ToInt(promise / 60) minutes once, then dials;
 * the outbound flow transfers with priority = those minutes. No reschedule: its workflow is a single Wait.
 */
export function blueprintPolicy(options: { truncate?: boolean } = {}): TimingPolicy {
  const truncate = options.truncate ?? true
  return {
    id: truncate ? 'blueprint' : 'blueprint-untruncated',
    label: truncate ? 'Blueprint (whole minutes)' : 'Blueprint without truncation',
    onRequest({ nowMs, position, observation }) {
      const result = blueprintOffer({
        ewtSeconds: observation.platformEwtSeconds,
        positionInQueue: position.callsAhead + 1,
        callbacksWaiting: position.callbacksAhead
      })
      // an Architect error (PIQ unset: never while the call is in queue) means no offer; here: dial at once
      const adjusted = result.ok ? result.offer.adjustedSeconds : 0
      const waitSeconds = result.ok && truncate ? result.offer.dispatchAfterSeconds : adjusted
      const at = nowMs + waitSeconds * 1000
      const transferPriority = result.ok ? result.offer.transferPriority : 0
      return {
        promisedWaitSeconds: result.ok ? adjusted : undefined,
        firstWakeAtMs: at,
        plannedDispatchAtMs: at,
        transferPriority
      }
    },
    onWake({ nowMs, callback }) {
      if (nowMs < callback.plannedDispatchAtMs) {
        return {
          kind: 'wait',
          wakeAtMs: callback.plannedDispatchAtMs,
          plannedDispatchAtMs: callback.plannedDispatchAtMs,
          reason: 'delay not over'
        }
      }
      const minutes = Math.trunc((callback.plannedDispatchAtMs - callback.requestedAtMs) / 60_000)
      return { kind: 'dispatch', transferPriority: minutes, reason: 'delay over' }
    }
  }
}

/** "Predict at the offer, dial at a + Ŵ − Ô", rejoining at the virtual place; falls back to dialling at once. */
export function staticPredictorPolicy(id: PredictorId, settings: PolicySettings = DEFAULT_POLICY_SETTINGS): TimingPolicy {
  return {
    id: `static-${id}`,
    label: `Static ${id}`,
    onRequest({ nowMs, position, observation, queuedAtMs }) {
      const predicted = predictWait(id, { position, observation })
      const lead = Math.max(0, (predicted ?? 0) - settings.overheadSeconds)
      const at = nowMs + lead * 1000
      const transferPriority = virtualPlacePriority(queuedAtMs ?? nowMs, at + settings.overheadSeconds * 1000)
      return { promisedWaitSeconds: predicted, firstWakeAtMs: at, plannedDispatchAtMs: at, transferPriority }
    },
    onWake(context) {
      const priority = virtualPlacePriority(placeSinceMs(context.callback), context.nowMs + settings.overheadSeconds * 1000)
      const pinned = honourPin(context, settings, priority)
      if (pinned !== undefined) return pinned
      const planned = context.callback.plannedDispatchAtMs
      if (context.nowMs < planned)
        return { kind: 'wait', wakeAtMs: planned, plannedDispatchAtMs: planned, reason: 'planned time not reached' }
      return { kind: 'dispatch', transferPriority: priority, reason: 'planned time reached' }
    }
  }
}
